import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { ask, useDbChanged } from '@/components/api';
import { t, type MessageKey } from '@/lib/i18n';
import { DIMENSIONS, type Bucket, type Dimension, type RecoveryStats } from '@/lib/insights/stats';
import { BarChart } from './BarChart';
import { Funnel } from './insights/Funnel';
import { Heatmap } from './insights/Heatmap';
import { TemplateTable } from './insights/TemplateTable';
import { WeeklyTrend } from './insights/WeeklyTrend';
import { moneyList, pct } from './insights/format';
import './insights/insights.css';

// Templates have their own table (with intervals) and hours their heatmap (in
// the seller's zone): the remaining dimensions keep their bars.
const BAR_DIMENSIONS = DIMENSIONS.filter((d) => d !== 'template' && d !== 'hour');

function valueLabel(dim: Dimension, value: string): string {
  const keyFor: Partial<Record<Dimension, string>> = {
    style: `opt.style.${value}`,
    reason: `opt.reason.${value}`,
    channel: `channel.${value}`,
    platform: `platform.${value}`,
    customer: value === 'returning' ? 'returning' : 'newBuyer',
  };
  const key = keyFor[dim];
  const text = key ? t(key as MessageKey) : value;
  return text === key ? value : text;
}

export function InsightsView() {
  const id = useId();
  const [stats, setStats] = useState<RecoveryStats>();
  const [names, setNames] = useState(new Map<string, string>());
  const [error, setError] = useState<string>();
  // A big shop's statistics take the background a while; changes reported meanwhile ask once more when the
  // answer is in, instead of piling one computation on another.
  const loading = useRef<'idle' | 'busy' | 'again'>('idle');
  const load = useCallback(function run() {
    if (loading.current !== 'idle') {
      loading.current = 'again';
      return;
    }
    loading.current = 'busy';
    Promise.all([ask('insights/get', {}), ask('templates/list', {})])
      .then(
        ([s, l]) => {
          setStats(s.stats);
          setNames(new Map(l.templates.map((tpl) => [tpl.id, tpl.label])));
        },
        (e: Error) => setError(e.message),
      )
      .finally(() => {
        const again = loading.current === 'again';
        loading.current = 'idle';
        if (again) run();
      });
  }, []);
  useEffect(load, [load]);
  useDbChanged(load);

  const bars = (dim: Dimension, list: Bucket[]) =>
    list.map((b) => ({
      label: valueLabel(dim, b.value),
      value: b.rate,
      note: t('opt.ins.barNote', { paid: b.paid, reminded: b.reminded, rate: pct(b.rate) }),
    }));
  const dimTable = (dim: Dimension, list: Bucket[]) => ({
    caption: t(`opt.ins.by.${dim}`),
    headers: [t(`opt.ins.by.${dim}`), t('ins.col.reminded'), t('ins.col.paid'), t('ins.col.rate'), t('ins.col.money')],
    rows: list.map((b) => [valueLabel(dim, b.value), String(b.reminded), String(b.paid), pct(b.rate), moneyList(b.recovered)]),
  });

  return (
    <section aria-labelledby={`${id}-h`} data-testid="insights">
      <h2 id={`${id}-h`}>{t('opt.nav.insights')}</h2>
      <p className="muted">{t('opt.ins.intro')}</p>
      {error && (
        <p className="toast error" role="alert">
          {error}
        </p>
      )}
      {stats && (
        <>
          <dl className="kpis">
            <div>
              <dt>{t('opt.ins.reminded')}</dt>
              <dd data-testid="ins-reminded">{stats.reminded}</dd>
            </div>
            <div>
              <dt>{t('opt.ins.paidAfter')}</dt>
              <dd data-testid="ins-paid">{stats.paidAfterReminder}</dd>
            </div>
            <div>
              <dt>{t('opt.ins.rate')}</dt>
              <dd data-testid="ins-rate">{pct(stats.rate)}</dd>
            </div>
            <div>
              <dt>{t('opt.ins.recovered')}</dt>
              <dd data-testid="ins-recovered">{moneyList(stats.recovered)}</dd>
            </div>
            <div>
              <dt>{t('opt.ins.medianToPay')}</dt>
              <dd>{stats.timeToPay.medianHours === undefined ? '—' : t('opt.ins.hours', { h: stats.timeToPay.medianHours.toFixed(1) })}</dd>
            </div>
          </dl>
          {stats.reminded === 0 ? (
            <p className="empty">{t('opt.ins.empty')}</p>
          ) : (
            <>
              <WeeklyTrend weeks={stats.weeks} timeZone={stats.timeZone} />
              <Funnel funnel={stats.funnel} />
              <Heatmap cells={stats.heatmap} timeZone={stats.timeZone} />
              <TemplateTable stats={stats} names={names} />
              {BAR_DIMENSIONS.map((dim) =>
                stats.by[dim].length === 0 ? null : (
                  <div key={dim} className="chart-block">
                    <h3>{t(`opt.ins.by.${dim}`)}</h3>
                    <BarChart title={t(`opt.ins.by.${dim}`)} bars={bars(dim, stats.by[dim])} table={dimTable(dim, stats.by[dim])} testId={`ins-by-${dim}`} />
                  </div>
                ),
              )}
              {stats.timeToPay.count > 0 && (
                <div className="chart-block">
                  <h3>{t('opt.ins.timeToPay')}</h3>
                  <BarChart
                    title={t('opt.ins.timeToPay')}
                    bars={stats.timeToPay.buckets.map((b) => ({ label: b.label, value: b.count / stats.timeToPay.count, note: String(b.count) }))}
                    table={{
                      caption: t('opt.ins.timeToPay'),
                      headers: [t('opt.ins.timeToPay'), t('ins.col.orders')],
                      rows: stats.timeToPay.buckets.map((b) => [b.label, String(b.count)]),
                    }}
                    testId="ins-time-to-pay"
                  />
                </div>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
