import { useId } from 'react';
import { t } from '@/lib/i18n';
import { Readout, Tip, useMarks } from './Figure';

export interface Column {
  key: string;
  /** Under the bar (only every few are written when there are many). */
  axis: string;
  value: number;
  /** The tooltip, and what a screen reader hears when the bar is reached. */
  tip: string;
}

const W = 720;
const H = 210;
const LEFT = 64;
const TOP = 36;
const BOTTOM = 24;

/** Vertical bars in plain SVG, one per column, scaled to `max`; the whole chart is one tab stop with a tooltip per bar. */
export function ColumnChart({ columns, max, summary, ticks, testId }: { columns: Column[]; max: number; summary: string; ticks: { value: number; label: string }[]; testId: string }) {
  const { active, setActive, svgProps } = useMarks(columns.length);
  const id = useId();
  const plotH = H - TOP - BOTTOM;
  const step = (W - LEFT - 8) / Math.max(1, columns.length);
  const barW = Math.max(3, step * 0.7);
  const every = Math.ceil(columns.length / 13);
  const y = (v: number) => TOP + plotH - (max > 0 ? (Math.max(0, v) / max) * plotH : 0);
  const current = active === undefined ? undefined : columns[active];
  return (
    <>
      <svg className="chart" role="img" aria-label={summary} aria-describedby={`${id}-keys`} viewBox={`0 0 ${W} ${H}`} width={W} height={H} data-testid={testId} {...svgProps}>
        {ticks.map((tick) => (
          <g key={tick.label}>
            <line x1={LEFT} x2={W - 4} y1={y(tick.value)} y2={y(tick.value)} className="chart-grid" />
            <text x={LEFT - 6} y={y(tick.value) + 4} textAnchor="end" className="chart-note">
              {tick.label}
            </text>
          </g>
        ))}
        {columns.map((c, i) => (
          <g key={c.key} onMouseEnter={() => setActive(i)}>
            {/* The whole column's height answers the mouse, so a zero week has a tooltip too. */}
            <rect x={LEFT + i * step} y={TOP} width={step} height={plotH} className="chart-hit" />
            <rect
              x={LEFT + i * step + (step - barW) / 2}
              y={y(c.value)}
              width={barW}
              height={TOP + plotH - y(c.value)}
              className={i === active ? 'chart-bar active' : 'chart-bar'}
              data-testid="chart-mark"
              data-tip={c.tip}
            />
            {i % every === (columns.length - 1) % every && (
              <text x={LEFT + i * step + step / 2} y={H - 6} textAnchor="middle" className="chart-note">
                {c.axis}
              </text>
            )}
          </g>
        ))}
        {current && active !== undefined && <Tip x={LEFT + active * step + step / 2} y={y(current.value)} text={current.tip} width={W} />}
      </svg>
      <Readout text={current?.tip} />
      <span id={`${id}-keys`} className="sr-only">
        {t('ins.keys')}
      </span>
    </>
  );
}
