import { useId, useState } from 'react';
import { t } from '@/lib/i18n';
import type { WeekPoint } from '@/lib/insights/stats';
import { ColumnChart, type Column } from './ColumnChart';
import { ChartFigure, type TableData } from './Figure';
import { dayLabel, money, moneyList, moneyShort, pct, weekLabel } from './format';

export const RANGES = [12, 26] as const;

/** The rows of the weekly table: the same words the tooltips use. */
export function weekTable(weeks: readonly WeekPoint[]): TableData {
  return {
    caption: t('ins.trend.title'),
    headers: [t('ins.col.week'), t('ins.col.reminded'), t('ins.col.paid'), t('ins.col.rate'), t('ins.col.money')],
    rows: weeks.map((w) => [weekLabel(w.day), String(w.reminded), String(w.paid), pct(w.rate), moneyList(w.recovered)]),
  };
}

export function rateColumns(weeks: readonly WeekPoint[]): Column[] {
  return weeks.map((w) => ({
    key: String(w.day),
    axis: dayLabel(w.day),
    value: w.rate,
    tip: t('ins.tip.week', { week: weekLabel(w.day), reminded: w.reminded, paid: w.paid, rate: pct(w.rate) }),
  }));
}

export function moneyColumns(weeks: readonly WeekPoint[], currency: string): Column[] {
  return weeks.map((w) => {
    const minor = w.recovered.find((m) => m.currency === currency)?.minor ?? 0;
    return { key: String(w.day), axis: dayLabel(w.day), value: minor, tip: t('ins.tip.money', { week: weekLabel(w.day), amount: money({ currency, minor }) }) };
  });
}

/** Recovery rate and money recovered per week, with a choice of the last 12 or 26 weeks. */
export function WeeklyTrend({ weeks: all, timeZone }: { weeks: readonly WeekPoint[]; timeZone: string }) {
  const id = useId();
  const [range, setRange] = useState<number>(all.length >= 26 ? 26 : all.length);
  const weeks = all.slice(-range);
  const reminded = weeks.reduce((n, w) => n + w.reminded, 0);
  const paid = weeks.reduce((n, w) => n + w.paid, 0);
  const best = weeks.reduce<WeekPoint | undefined>((b, w) => (w.reminded > 0 && (!b || w.rate > b.rate) ? w : b), undefined);
  const currencies = [...new Set(weeks.flatMap((w) => w.recovered.map((m) => m.currency)))].sort();
  const rateSummary = t('ins.trend.summaryRate', { n: weeks.length, reminded, paid, max: best ? pct(best.rate) : '—', week: best ? weekLabel(best.day) : '—' });
  return (
    <section className="chart-block" aria-labelledby={`${id}-h`} data-testid="ins-weekly">
      <h3 id={`${id}-h`}>{t('ins.trend.title')}</h3>
      <p className="muted">{t('ins.trend.about', { zone: timeZone })}</p>
      <label className="ins-range">
        {t('ins.range')}{' '}
        <select value={range} onChange={(e) => setRange(Number(e.target.value))} data-testid="ins-range">
          {RANGES.filter((n) => n <= all.length).map((n) => (
            <option key={n} value={n}>
              {t('ins.range.weeks', { n })}
            </option>
          ))}
        </select>
      </label>
      <ChartFigure table={weekTable(weeks)} testId="ins-weekly-figure">
        <h4>{t('ins.trend.rate')}</h4>
        <ColumnChart
          columns={rateColumns(weeks)}
          max={1}
          summary={rateSummary}
          ticks={[0, 0.5, 1].map((v) => ({ value: v, label: pct(v) }))}
          testId="ins-weekly-rate"
        />
        {currencies.map((currency) => {
          const columns = moneyColumns(weeks, currency);
          const max = Math.max(...columns.map((c) => c.value));
          const total = columns.reduce((n, c) => n + c.value, 0);
          return (
            <div key={currency}>
              <h4>{t('ins.trend.money', { currency })}</h4>
              <ColumnChart
                columns={columns}
                max={max}
                summary={t('ins.trend.summaryMoney', { n: weeks.length, currency, total: money({ currency, minor: total }) })}
                ticks={[0, max / 2, max].map((v) => ({ value: v, label: moneyShort({ currency, minor: Math.round(v) }) }))}
                testId={`ins-weekly-money-${currency}`}
              />
            </div>
          );
        })}
      </ChartFigure>
    </section>
  );
}
