import { t, currentLocale, type MessageKey } from '@/lib/i18n';
import { formatMoney } from '@/lib/orders/money';
import type { ContactAttempt } from '@/lib/orders/model';
import type { MilestonePlan, PlanEvent } from '@/lib/milestones/model';
import { stageName } from '@/lib/milestones/messages';
import { CHINA_OFFSET_MINUTES } from '@/lib/orders/time';

type Entry = { at: number; event?: PlanEvent; attempt?: ContactAttempt };

function when(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** Stages' events (payments, notices, receipts…) and the order's contact attempts in one sequence, newest first. */
export function Timeline({ plan, attempts }: { plan: MilestonePlan; attempts: ContactAttempt[] }) {
  const ui = currentLocale();
  const byId = new Map(attempts.map((a) => [a.id, a]));
  const linked = new Set(plan.events.flatMap((e) => (e.attemptId ? [e.attemptId] : [])));
  const entries: Entry[] = [
    ...plan.events.map((event) => ({ at: event.at, event, attempt: event.attemptId ? byId.get(event.attemptId) : undefined })),
    ...attempts.filter((a) => !linked.has(a.id)).map((attempt) => ({ at: attempt.at, attempt })),
  ].sort((a, b) => b.at - a.at);
  const stageLabel = (id?: string) => {
    const index = plan.stages.findIndex((s) => s.id === id);
    return index < 0 ? '' : `${index + 1}. ${stageName(plan.stages[index]!, ui)}`;
  };

  return (
    <ol className="ms-timeline" data-testid="milestone-timeline">
      {entries.map((entry, i) => {
        const { event, attempt } = entry;
        const kind = event ? event.kind : 'attempt';
        return (
          <li key={i} className={`ms-event kind-${kind}`} data-testid="milestone-event" data-kind={kind}>
            <span className="ms-event-time muted">{when(entry.at)}</span>
            <span className="ms-event-dot" aria-hidden="true" />
            <div className="ms-event-body">
              <div>
                <strong>{t(`ms.event.${kind}` as MessageKey)}</strong>
                {event?.stageId && <span className="muted"> · {stageLabel(event.stageId)}</span>}
                {event?.amountMinor !== undefined && <span> · {formatMoney({ minor: event.amountMinor, currency: plan.total.currency })}</span>}
                {event?.reference && <span className="muted"> · {t('ms.refShort', { ref: event.reference })}</span>}
                {attempt && (
                  <span className="muted">
                    {' '}
                    · {t(`channel.${attempt.channel}` as MessageKey)} · {t(`action.${attempt.action}` as MessageKey)}
                  </span>
                )}
              </div>
              {event?.note && event.kind === 'account_changed' && (
                <div className="ms-event-note">{event.note.split(', ').map((f) => t(`ms.bank.${f}` as MessageKey)).join('、')}</div>
              )}
              {event?.note && event.kind !== 'created' && event.kind !== 'account_changed' && <div className="ms-event-note">{event.note}</div>}
              {event?.kind === 'created' && <div className="ms-event-note">{t(`ms.preset.${event.note ?? 'custom'}` as MessageKey)}</div>}
              {attempt?.text && <div className="ms-event-text" title={attempt.text}>{attempt.text}</div>}
              {attempt?.note && <div className="ms-event-note">{attempt.note}</div>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
