import { ChartFigure, Readout, Tip, useMarks, type TableData } from './insights/Figure';

export interface Bar {
  label: string;
  /** 0..1 fill, e.g. a recovery rate. */
  value: number;
  /** Shown at the end of the bar. */
  note: string;
  /** The tooltip (default: label and note). */
  tip?: string;
}

const ROW = 24;
const LABEL = 150;
const BAR = 300;
const W = LABEL + BAR + 150;

/** Horizontal bars in plain SVG: no chart library, no network, colours from the theme; one tab stop, a tooltip per bar, the figures as a table. */
export function BarChart({ bars, title, table, testId = 'bar-chart' }: { bars: Bar[]; title: string; table?: TableData; testId?: string }) {
  const { active, setActive, svgProps } = useMarks(bars.length, 1);
  const H = Math.max(ROW, bars.length * ROW) + 6;
  const tip = (b: Bar) => b.tip ?? `${b.label}: ${b.note}`;
  const current = active === undefined ? undefined : bars[active];
  const summary = `${title}: ${bars.map(tip).join('; ')}`;
  return (
    <ChartFigure table={table ?? { caption: title, headers: [title, ''], rows: bars.map((b) => [b.label, b.note]) }} testId={testId}>
      <svg className="chart" role="img" aria-label={summary} width={W} height={H} viewBox={`0 0 ${W} ${H}`} {...svgProps}>
        {bars.map((b, i) => (
          <g key={b.label} transform={`translate(0, ${i * ROW})`} onMouseEnter={() => setActive(i)}>
            <rect x={0} y={0} width={W} height={ROW} className="chart-hit" />
            <text x={LABEL - 6} y={ROW / 2 + 4} textAnchor="end" className="chart-label">
              {b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label}
            </text>
            <rect x={LABEL} y={4} width={BAR} height={ROW - 8} className="chart-track" rx={3} />
            <rect
              x={LABEL}
              y={4}
              width={Math.max(0, Math.min(1, b.value)) * BAR}
              height={ROW - 8}
              className={i === active ? 'chart-bar active' : 'chart-bar'}
              rx={3}
              data-testid="chart-mark"
              data-tip={tip(b)}
            />
            <text x={LABEL + BAR + 6} y={ROW / 2 + 4} className="chart-note">
              {b.note}
            </text>
          </g>
        ))}
        {current && active !== undefined && <Tip x={LABEL + BAR / 2} y={active * ROW + 4} text={tip(current)} width={W} />}
      </svg>
      <Readout text={current ? tip(current) : undefined} />
    </ChartFigure>
  );
}
