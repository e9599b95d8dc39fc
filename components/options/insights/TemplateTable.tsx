import { useId } from 'react';
import { t } from '@/lib/i18n';
import { templateBoost } from '@/lib/insights/boost';
import { MIN_USES, type RecoveryStats, type TemplateRow } from '@/lib/insights/stats';
import { pct } from './format';

/** "32–54%": widened to whole percents, never narrowed. */
export function ciText(r: Pick<TemplateRow, 'low' | 'high'>): string {
  return `${Math.floor(100 * r.low + 1e-9)}–${Math.ceil(100 * r.high - 1e-9)}%`;
}

/** The interval as a whisker on 0–100 %, with the shop's overall rate as a tick: drawn for the eye, the figures are in the row. */
function Interval({ row, shopRate }: { row: TemplateRow; shopRate: number }) {
  const W = 120;
  const x = (v: number) => 2 + v * (W - 4);
  return (
    <svg width={W} height={14} viewBox={`0 0 ${W} 14`} aria-hidden="true" className="ci-bar">
      <line x1={2} x2={W - 2} y1={7} y2={7} className="chart-grid" />
      <line x1={x(shopRate)} x2={x(shopRate)} y1={1} y2={13} className="ci-shop" />
      <rect x={x(row.low)} y={3} width={Math.max(2, x(row.high) - x(row.low))} height={8} rx={2} className={row.enough ? 'ci-range' : 'ci-range few'} />
      <circle cx={x(row.rate)} cy={7} r={3} className="ci-point" />
    </svg>
  );
}

/** Every template used: uses, recovered, rate with its 95 % interval, and what the learned ranking made of it, in its own words. */
export function TemplateTable({ stats, names }: { stats: RecoveryStats; names: ReadonlyMap<string, string> }) {
  const id = useId();
  if (stats.templates.length === 0) return null;
  const boost = templateBoost(stats);
  return (
    <section className="chart-block" aria-labelledby={`${id}-h`} data-testid="ins-templates">
      <h3 id={`${id}-h`}>{t('ins.tpl.title')}</h3>
      <p className="muted">{t('ins.tpl.about', { min: MIN_USES })}</p>
      <div className="table-scroll">
        <table className="ins-table">
          <thead>
            <tr>
              <th scope="col">{t('ins.col.template')}</th>
              <th scope="col">{t('ins.col.uses')}</th>
              <th scope="col">{t('ins.col.paid')}</th>
              <th scope="col">{t('ins.col.rate')}</th>
              <th scope="col">{t('ins.col.ci')}</th>
              <th scope="col">{t('ins.col.ranking')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.templates.map((row) => {
              const why = boost.detail(row.value);
              return (
                <tr key={row.value} data-testid="ins-template-row" data-template-id={row.value} data-enough={row.enough} className={row.enough ? undefined : 'few'}>
                  <th scope="row">{names.get(row.value) ?? row.value}</th>
                  <td>{row.reminded}</td>
                  <td>{row.paid}</td>
                  <td>{pct(row.rate)}</td>
                  <td>
                    <span className="ci-text">{ciText(row)}</span> <Interval row={row} shopRate={stats.rate} />
                  </td>
                  <td data-testid="ins-template-why" data-verdict={why.verdict}>
                    {why.reason}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
