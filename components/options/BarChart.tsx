export interface Bar {
  label: string;
  /** 0..1 fill, e.g. a recovery rate. */
  value: number;
  /** Shown at the end of the bar. */
  note: string;
}

/** Horizontal bars in plain SVG: no chart library, no network, colours from the theme. */
export function BarChart({ bars, title }: { bars: Bar[]; title: string }) {
  const row = 22;
  const labelWidth = 150;
  const barWidth = 260;
  const height = Math.max(row, bars.length * row);
  return (
    <svg className="chart" role="img" aria-label={title} width={labelWidth + barWidth + 140} height={height} viewBox={`0 0 ${labelWidth + barWidth + 140} ${height}`}>
      <title>{title}</title>
      {bars.map((b, i) => (
        <g key={b.label} transform={`translate(0, ${i * row})`}>
          <text x={labelWidth - 6} y={row / 2 + 4} textAnchor="end" className="chart-label">
            {b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label}
          </text>
          <rect x={labelWidth} y={4} width={barWidth} height={row - 8} className="chart-track" rx={3} />
          <rect x={labelWidth} y={4} width={Math.max(0, Math.min(1, b.value)) * barWidth} height={row - 8} className="chart-bar" rx={3} />
          <text x={labelWidth + barWidth + 6} y={row / 2 + 4} className="chart-note">
            {b.note}
          </text>
        </g>
      ))}
    </svg>
  );
}
