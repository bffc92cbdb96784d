/**
 * The dashboard's charts, each a Plot figure with its numbers in a table. Gender is shown by
 * colour and by the legend's words, and every value is in the table, so nothing depends on colour.
 */
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import type { Dashboard, FairnessAudit } from '../../shared/api/client.ts';
import { Plot } from '../../shared/charts/Chart.tsx';
import { useFormat, useTranslation } from '../../shared/i18n/index.ts';
import { DataFigure } from './DataFigure.tsx';
import { NS } from './messages.ts';

type Figures = Dashboard['programme'];
const SUBTESTS = ['verbal', 'numerical', 'abstract', 'spatial', 'clerical', 'mechanical'] as const;
const COLOURS = { range: ['#7b3294', '#008837'] } as const;
const BANDS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90] as const;

function outcomeCount(figures: Figures, type: string): number {
  return figures.outcomes[type] ?? 0;
}

/** "0–9", ..., "90–100": the percentile band as people read it. */
function bandLabel(band: number): string {
  return `${band}–${band === 90 ? 100 : band + 9}`;
}

function groupName(t: TFunction, group: string): string {
  return t(`groups.${group}`, { defaultValue: group });
}

export function FunnelChart({ figures }: { figures: Figures }) {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const rows = useMemo(
    () => [
      { stage: t('stages.contacted'), count: outcomeCount(figures, 'contacted') },
      { stage: t('stages.applied'), count: outcomeCount(figures, 'applied') },
      { stage: t('stages.interviewed'), count: outcomeCount(figures, 'interviewed') },
      {
        stage: t('stages.placed'),
        count: outcomeCount(figures, 'hired') + outcomeCount(figures, 'enrolled'),
      },
    ],
    [figures, t],
  );
  const options = useMemo(
    () => ({
      width: 640,
      height: 200,
      marginLeft: 240,
      // A programme without follow-ups yet still gets a readable axis.
      x: { label: t('count'), grid: true, domain: [0, Math.max(1, ...rows.map((r) => r.count))] },
      y: { label: null, domain: rows.map((r) => r.stage) },
      marks: [
        Plot.barX(rows, { y: 'stage', x: 'count', fill: '#1f5f8b' }),
        Plot.text(rows, {
          y: 'stage',
          x: 'count',
          text: (d: { count: number }) => format.number(d.count),
          dx: 12,
        }),
        Plot.ruleX([0]),
      ],
    }),
    [rows, t, format],
  );
  return (
    <DataFigure
      label={t('funnelChart')}
      options={options}
      table={{ columns: [t('stage'), t('count')], rows: rows.map((r) => [r.stage, format.number(r.count)]) }}
    />
  );
}

export function HollandChart({ figures }: { figures: Figures }) {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const letterName = (l: string) => (l === 'none' ? t('noProfile') : l);
  const rows = useMemo(
    () =>
      figures.holland.map((h) => ({
        letter: h.letter === 'none' ? t('noProfile') : h.letter,
        gender: t(`genders.${h.gender}`),
        count: h.count,
      })),
    [figures, t],
  );
  const options = useMemo(
    () => ({
      width: 640,
      height: 260,
      color: { legend: true, ...COLOURS },
      fx: { label: null, domain: [...'RIASEC', t('noProfile')] },
      x: { axis: null, domain: [t('genders.F'), t('genders.M')] },
      y: { label: t('count'), grid: true },
      marks: [Plot.barY(rows, { fx: 'letter', x: 'gender', y: 'count', fill: 'gender' }), Plot.ruleY([0])],
    }),
    [rows, t],
  );
  return (
    <DataFigure
      label={t('hollandChart')}
      options={options}
      table={{
        columns: [t('letter'), t('genders.F'), t('genders.M')],
        rows: [...'RIASEC', 'none'].map((l) => [
          letterName(l),
          format.number(figures.holland.find((h) => h.letter === l && h.gender === 'F')?.count ?? 0),
          format.number(figures.holland.find((h) => h.letter === l && h.gender === 'M')?.count ?? 0),
        ]),
      }}
    />
  );
}

export function AptitudeChart({ figures }: { figures: Figures }) {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const [subtest, setSubtest] = useState<(typeof SUBTESTS)[number]>('numerical');
  const rows = useMemo(
    () =>
      figures.aptitude
        .filter((a) => a.subtest === subtest)
        .map((a) => ({ band: bandLabel(a.band), gender: t(`genders.${a.gender}`), count: a.count })),
    [figures, subtest, t],
  );
  const options = useMemo(
    () => ({
      width: 640,
      height: 260,
      color: { legend: true, ...COLOURS },
      fx: { label: t('band'), domain: BANDS.map(bandLabel) },
      x: { axis: null, domain: [t('genders.F'), t('genders.M')] },
      y: { label: t('count'), grid: true },
      marks: [Plot.barY(rows, { fx: 'band', x: 'gender', y: 'count', fill: 'gender' }), Plot.ruleY([0])],
    }),
    [rows, t],
  );
  const subtestName = t(`subtests.${subtest}`);
  return (
    <>
      <div className="field">
        <label htmlFor="aptitude-subtest">{t('subtest')}</label>
        <select
          id="aptitude-subtest"
          value={subtest}
          onChange={(e) => setSubtest(e.target.value as typeof subtest)}
        >
          {SUBTESTS.map((s) => (
            <option key={s} value={s}>
              {t(`subtests.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <DataFigure
        label={t('aptitudeChart', { subtest: subtestName })}
        options={options}
        table={{
          columns: [t('band'), t('genders.F'), t('genders.M')],
          rows: BANDS.map((band) => {
            const count = (gender: 'F' | 'M') =>
              figures.aptitude.find((a) => a.subtest === subtest && a.band === band && a.gender === gender)
                ?.count ?? 0;
            return [bandLabel(band), format.number(count('F')), format.number(count('M'))];
          }),
        }}
      />
    </>
  );
}

export function CongestionChart({ figures }: { figures: Figures }) {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const rows = useMemo(
    () =>
      figures.congestion.map((c) => ({
        vacancy: `${c.title} (${c.vacancyId})`,
        perOpening: c.openings > 0 ? c.topPicks / c.openings : c.topPicks,
        topPicks: c.topPicks,
        openings: c.openings,
      })),
    [figures],
  );
  const options = useMemo(
    () => ({
      width: 640,
      height: 40 + rows.length * 26,
      marginLeft: 260,
      x: { label: t('perOpening'), grid: true },
      y: { label: null, domain: rows.map((r) => r.vacancy) },
      marks: [Plot.barX(rows, { y: 'vacancy', x: 'perOpening', fill: '#b35806' }), Plot.ruleX([0])],
    }),
    [rows, t],
  );
  if (rows.length === 0) return <p>{t('noCongestion')}</p>;
  return (
    <DataFigure
      label={t('congestionChart')}
      options={options}
      table={{
        columns: [t('vacancy'), t('topPicks'), t('openings', { n: '' }).trim(), t('perOpening')],
        rows: rows.map((r) => [
          r.vacancy,
          format.number(r.topPicks),
          format.number(r.openings),
          format.number(r.perOpening, 1),
        ]),
      }}
    />
  );
}

export function AuditChart({ audit }: { audit: FairnessAudit }) {
  const { t } = useTranslation(NS);
  const format = useFormat();
  const rows = useMemo(
    () =>
      audit.groups.map((g) => ({
        label: `${groupName(t, g.group)}: ${g.group === 'gender' ? t(`genders.${g.value}`, { defaultValue: g.value }) : g.value}`,
        share: g.shareWithJob,
      })),
    [audit, t],
  );
  const options = useMemo(
    () => ({
      width: 640,
      height: 40 + rows.length * 22,
      marginLeft: 220,
      x: { label: t('shareWithJob'), domain: [0, 1], grid: true, percent: true },
      y: { label: null, domain: rows.map((r) => r.label) },
      marks: [Plot.barX(rows, { y: 'label', x: 'share', fill: '#1f5f8b' }), Plot.ruleX([0])],
    }),
    [rows, t],
  );
  return (
    <DataFigure
      label={t('auditChart')}
      options={options}
      table={{
        columns: [t('group'), t('value'), t('count'), t('shareWithJob'), t('meanTopJobScore')],
        rows: audit.groups.map((g) => [
          groupName(t, g.group),
          g.value,
          format.number(g.count),
          format.percent(g.shareWithJob),
          g.meanTopJobScore === null ? '—' : format.number(g.meanTopJobScore * 100),
        ]),
      }}
    />
  );
}
