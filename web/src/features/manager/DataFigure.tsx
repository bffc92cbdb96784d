/**
 * A chart with its numbers: the Plot figure (SVG, labelled) and the same figures in a table for
 * screen readers and for anyone who wants the numbers.
 */
import type { PlotOptions } from '@observablehq/plot';
import { useMemo } from 'react';
import { Chart } from '../../shared/charts/Chart.tsx';

export interface FigureTable {
  columns: readonly string[];
  rows: ReadonlyArray<readonly (string | number)[]>;
}

/** `options` should be memoised by the caller: the figure is redrawn whenever it changes. */
export function DataFigure({
  label,
  options,
  table,
}: {
  label: string;
  options: PlotOptions;
  table: FigureTable;
}) {
  const labelled = useMemo(() => ({ ...options, ariaLabel: label }), [options, label]);
  return (
    <figure className="data-figure">
      <Chart options={labelled} />
      <figcaption className="visually-hidden">
        <table>
          <caption>{label}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows of a fixed table, never reordered
              <tr key={i}>
                {row.map((cell, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed row
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
