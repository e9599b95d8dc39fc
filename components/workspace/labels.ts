import { t, type MessageKey } from '@/lib/i18n';
import type { Outcome } from '@/lib/orders/model';
import type { Verdict } from '@/lib/reminders/cadence';

/** An outcome's label: the core table has most, the workspace adds its own. */
export function outcomeLabel(outcome: Outcome): string {
  return outcome === 'says_paid' ? t('ws.outcome.says_paid') : t(`outcome.${outcome}` as MessageKey);
}

const sameDay = (a: number, b: number) => new Date(a).toDateString() === new Date(b).toDateString();

/** "14:30", or "3/12 14:30" when not today (the person's own clock). */
export function clock(at: number, now: number): string {
  const d = new Date(at);
  const hm = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return sameDay(at, now) ? hm : `${d.getMonth() + 1}/${d.getDate()} ${hm}`;
}

/** The row's headline ("remind now", "wait until 08:00", "don't remind") and the reason. */
export function verdictText(v: Verdict, now: number): { state: string; reason: string } {
  const time = v.until === undefined ? '' : clock(v.until, now);
  const state = t(`ws.state.${v.state}` as MessageKey, { time });
  const rule = v.rule === 'closesFirst' && v.cause ? `${t('ws.rule.closesFirst')} · ${t(`ws.rule.${v.cause}` as MessageKey, { zone: v.zone })}` : t(`ws.rule.${v.rule}` as MessageKey, { zone: v.zone });
  return { state, reason: rule };
}

/** A value for <input type="datetime-local"> from an instant, in the person's zone. */
export function toLocalInput(at: number): string {
  const d = new Date(at - new Date(at).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

export function fromLocalInput(value: string): number | undefined {
  const at = new Date(value).getTime();
  return Number.isFinite(at) ? at : undefined;
}
