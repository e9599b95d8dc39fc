import { useId } from 'react';
import { t } from '@/lib/i18n';
import type { Funnel as FunnelData } from '@/lib/insights/stats';
import { ChartFigure, Readout, Tip, useMarks, type TableData } from './Figure';
import { pct } from './format';

const STAGES = ['unpaid', 'reminded', 'promised', 'paid'] as const;
const W = 720;
const ROW = 38;
const LEFT = 170;
const TOP = 8;

export function funnelRows(f: FunnelData) {
  return STAGES.map((stage) => {
    const count = f[stage];
    const share = f.unpaid ? count / f.unpaid : 0;
    return { stage, label: t(`ins.funnel.${stage}`), count, share, tip: `${t(`ins.funnel.${stage}`)}: ${count} (${pct(share)})` };
  });
}

export function funnelTable(f: FunnelData): TableData {
  return {
    caption: t('ins.funnel.title'),
    headers: [t('ins.col.stage'), t('ins.col.orders'), t('ins.col.share')],
    rows: funnelRows(f).map((r) => [r.label, String(r.count), pct(r.share)]),
  };
}

/** Unpaid → reminded → promised (or paid) → paid after a reminder, as shrinking bars centred on one axis. */
export function Funnel({ funnel }: { funnel: FunnelData }) {
  const id = useId();
  const rows = funnelRows(funnel);
  const { active, setActive, svgProps } = useMarks(rows.length, 1);
  const width = W - LEFT - 110;
  const H = TOP + rows.length * ROW + 4;
  const current = active === undefined ? undefined : rows[active];
  return (
    <section className="chart-block" aria-labelledby={`${id}-h`} data-testid="ins-funnel">
      <h3 id={`${id}-h`}>{t('ins.funnel.title')}</h3>
      <p className="muted">{t('ins.funnel.about')}</p>
      <ChartFigure table={funnelTable(funnel)} testId="ins-funnel-figure">
        <svg className="chart" role="img" aria-label={t('ins.funnel.summary', { ...funnel })} viewBox={`0 0 ${W} ${H}`} width={W} height={H} data-testid="ins-funnel-chart" {...svgProps}>
          {rows.map((r, i) => {
            const w = Math.max(2, r.share * width);
            return (
              <g key={r.stage} onMouseEnter={() => setActive(i)}>
                <rect x={0} y={TOP + i * ROW} width={W} height={ROW} className="chart-hit" />
                <text x={LEFT - 8} y={TOP + i * ROW + ROW / 2 + 4} textAnchor="end" className="chart-label">
                  {r.label}
                </text>
                <rect
                  x={LEFT + (width - w) / 2}
                  y={TOP + i * ROW + 5}
                  width={w}
                  height={ROW - 10}
                  rx={3}
                  className={i === active ? 'chart-bar active' : 'chart-bar'}
                  data-testid="chart-mark"
                  data-tip={r.tip}
                />
                <text x={LEFT + width + 10} y={TOP + i * ROW + ROW / 2 + 4} className="chart-label">
                  {`${r.count} · ${pct(r.share)}`}
                </text>
              </g>
            );
          })}
          {current && active !== undefined && <Tip x={LEFT + width / 2} y={TOP + active * ROW + 4} text={current.tip} width={W} />}
        </svg>
        <Readout text={current?.tip} />
      </ChartFigure>
    </section>
  );
}
