/**
 * Interest profiles in RIASEC order, one group of bars per letter, one bar per profile (the youth
 * and each job), each profile scaled to its own highest value so shapes compare: the matcher
 * compares profile shapes, not levels. The numbers are also in a table for screen readers.
 */
import { useMemo } from 'react';
import { RIASEC } from '#core/domain/riasec';
import { Chart, Plot } from './Chart.tsx';
import { relativeProfile } from './profile.ts';

export interface RiasecSeries {
  name: string;
  /** Six values in RIASEC order, any scale; null when a letter has no score. */
  values: readonly (number | null)[];
}

export function RiasecChart({
  series,
  label,
  letterNames,
}: {
  series: readonly RiasecSeries[];
  label: string;
  letterNames: Record<string, string>;
}) {
  const rows = useMemo(
    () =>
      series.flatMap((s) =>
        relativeProfile(s.values).map((value, i) => ({ letter: RIASEC[i]!, series: s.name, value })),
      ),
    [series],
  );
  const options = useMemo(
    () => ({
      ariaLabel: label,
      width: 640,
      height: 240,
      marginBottom: 40,
      style: { fontSize: '13px', overflow: 'visible' },
      color: { legend: true, type: 'categorical' as const, scheme: 'tableau10' as const },
      fx: { label: null, tickFormat: (l: string) => `${l} ${letterNames[l] ?? ''}`, domain: [...RIASEC] },
      x: { axis: null, domain: series.map((s) => s.name) },
      y: { label: null, domain: [0, 1], grid: true, ticks: 4 },
      marks: [
        Plot.barY(rows, { fx: 'letter', x: 'series', y: 'value', fill: 'series', title: 'series' }),
        Plot.ruleY([0]),
      ],
    }),
    [rows, series, label, letterNames],
  );
  return (
    <figure>
      <Chart options={options} />
      <figcaption className="visually-hidden">
        <table>
          <caption>{label}</caption>
          <thead>
            <tr>
              <th scope="col" />
              {RIASEC.map((l) => (
                <th key={l} scope="col">
                  {letterNames[l] ?? l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.name}>
                <th scope="row">{s.name}</th>
                {relativeProfile(s.values).map((v, i) => (
                  <td key={RIASEC[i]}>{v ?? '-'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
