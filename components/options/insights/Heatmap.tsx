import { useId } from 'react';
import { t } from '@/lib/i18n';
import type { HeatCell } from '@/lib/insights/stats';
import { ChartFigure, Readout, Tip, useMarks, type TableData } from './Figure';
import { pct, weekdayName } from './format';

const CELL = 26;
const LEFT = 64;
const TOP = 40;
const W = LEFT + 24 * CELL + 6;
const H = TOP + 7 * CELL + 26;

/** 1 (0 %) to 5 (80 % and up); 0 is an hour with no reminders. */
export function heatLevel(c: HeatCell): number {
  return c.reminded === 0 ? 0 : 1 + Math.min(4, Math.floor(c.paid / c.reminded / 0.2));
}

export function cellTip(c: HeatCell): string {
  const hour = String(c.hour).padStart(2, '0');
  const day = weekdayName(c.weekday, 'long');
  return c.reminded === 0 ? t('ins.tip.cellEmpty', { day, hour }) : t('ins.tip.cell', { day, hour, reminded: c.reminded, paid: c.paid, rate: pct(c.paid / c.reminded) });
}

/** One row per weekday, a "reminded / recovered (rate)" cell per hour: the heatmap's own figures. */
export function heatTable(cells: readonly HeatCell[]): TableData {
  return {
    caption: t('ins.heat.title'),
    headers: [t('ins.col.hour'), ...Array.from({ length: 7 }, (_, d) => weekdayName(d))],
    rows: Array.from({ length: 24 }, (_, hour) => [
      `${String(hour).padStart(2, '0')}:00`,
      ...Array.from({ length: 7 }, (_, d) => {
        const c = cells[d * 24 + hour]!;
        return c.reminded === 0 ? '—' : `${c.paid}/${c.reminded} (${pct(c.paid / c.reminded)})`;
      }),
    ]),
  };
}

/** Reminder hour × weekday, coloured by recovery rate, in the seller's zone. */
export function Heatmap({ cells, timeZone }: { cells: readonly HeatCell[]; timeZone: string }) {
  const id = useId();
  const { active, setActive, svgProps } = useMarks(cells.length, 24);
  const used = cells.filter((c) => c.reminded > 0);
  // The best hour worth naming has a few orders behind it.
  const best = used.reduce<HeatCell | undefined>((b, c) => (c.reminded >= 5 && (!b || c.paid / c.reminded > b.paid / b.reminded) ? c : b), undefined);
  const summary = t('ins.heat.summary', { cells: used.length, best: best ? cellTip(best) : '—' });
  const current = active === undefined ? undefined : cells[active];
  return (
    <section className="chart-block" aria-labelledby={`${id}-h`} data-testid="ins-heatmap">
      <h3 id={`${id}-h`}>{t('ins.heat.title')}</h3>
      <p className="muted">{t('ins.heat.about', { zone: t('ins.zone', { zone: timeZone }) })}</p>
      <ChartFigure table={heatTable(cells)} testId="ins-heatmap-figure">
        <svg className="chart" role="img" aria-label={summary} viewBox={`0 0 ${W} ${H}`} width={W} height={H} data-testid="ins-heatmap-chart" {...svgProps}>
          {Array.from({ length: 24 }, (_, h) =>
            h % 3 === 0 ? (
              <text key={h} x={LEFT + h * CELL + CELL / 2} y={TOP - 8} textAnchor="middle" className="chart-note">
                {String(h).padStart(2, '0')}
              </text>
            ) : null,
          )}
          {Array.from({ length: 7 }, (_, d) => (
            <text key={d} x={LEFT - 8} y={TOP + d * CELL + CELL / 2 + 4} textAnchor="end" className="chart-label">
              {weekdayName(d)}
            </text>
          ))}
          {cells.map((c, i) => (
            <rect
              key={i}
              x={LEFT + c.hour * CELL + 1}
              y={TOP + c.weekday * CELL + 1}
              width={CELL - 2}
              height={CELL - 2}
              rx={3}
              className={`heat heat-${heatLevel(c)}${i === active ? ' active' : ''}`}
              data-testid="heat-cell"
              data-reminded={c.reminded}
              data-paid={c.paid}
              data-tip={cellTip(c)}
              onMouseEnter={() => setActive(i)}
            />
          ))}
          <g className="chart-note" aria-hidden="true">
            {[0, 1, 2, 3, 4, 5].map((level) => (
              <rect key={level} x={W - 6 - (6 - level) * 18} y={H - 16} width={16} height={12} rx={2} className={`heat heat-${level}`} />
            ))}
            <text x={W - 6 - 6 * 18 - 6} y={H - 6} textAnchor="end" className="chart-note">
              {t('ins.heat.legend')}
            </text>
          </g>
          {current && <Tip x={LEFT + current.hour * CELL + CELL / 2} y={TOP + current.weekday * CELL} text={cellTip(current)} width={W} />}
        </svg>
        <Readout text={current ? cellTip(current) : undefined} />
      </ChartFigure>
    </section>
  );
}
