/**
 * Horizontal bars with their values written beside them (never colour alone). `max` is the full
 * bar; each row can have its own colour class.
 */
export interface BarRow {
  key: string;
  label: string;
  value: number;
  text: string;
  className?: string;
}

export function ScoreBars({ rows, max, label }: { rows: readonly BarRow[]; max: number; label: string }) {
  return (
    <figure className="bars" aria-label={label}>
      {rows.map((r) => {
        const width = max > 0 ? Math.max(0, Math.min(100, (r.value / max) * 100)) : 0;
        return (
          <div key={r.key} style={{ display: 'contents' }}>
            <span>{r.label}</span>
            <span className={`bar ${r.className ?? ''}`} aria-hidden="true">
              <span style={{ width: `${width}%` }} />
            </span>
            <span>{r.text}</span>
          </div>
        );
      })}
    </figure>
  );
}
