import { useId, useState } from 'react';
import { ask, copyText } from '@/components/api';
import { t, type MessageKey } from '@/lib/i18n';
import type { LintIssue } from '@/lib/compose/model';
import type { Order } from '@/lib/orders/model';

const SHOWN_ISSUES: ReadonlySet<LintIssue> = new Set(['bank_details', 'off_platform_payment', 'outside_link', 'phone_number', 'messenger', 'email_address']);

/**
 * A message ready to go: its exact text, and buttons that put it into the
 * bound tab's chat box (or copy it). Either way the contact is logged, and
 * `onSent` gets the attempt so the plan step can be recorded against it.
 * Text a marketplace may punish (bank details, links, outside contacts on a
 * marketplace order) is named, and neither button works until the person
 * says the deal is agreed off the platform: it never goes out unnoticed.
 */
export function MessageBox(props: {
  order: Order;
  tabId?: number;
  templateId: string;
  text: string;
  label: string;
  warnings?: readonly LintIssue[];
  onSent(attemptId: string | undefined): Promise<void> | void;
  onError(message: string): void;
  onClose?(): void;
}) {
  const { order, tabId, templateId, text, label, onSent, onError, onClose } = props;
  const warnings = props.warnings ?? [];
  const [busy, setBusy] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const ackId = useId();
  const blocked = warnings.length > 0 && !acknowledged;
  const [note, setNote] = useState<string>();

  const run = async (how: 'insert' | 'copy') => {
    setBusy(true);
    try {
      let attemptId: string | undefined;
      let message = t('copied');
      const result = how === 'insert' && tabId !== undefined ? await ask('suggestion/insert', { tabId, orderKey: order.key, templateId, text }) : undefined;
      if (result?.inserted) {
        attemptId = result.attemptId;
        message = t('inserted');
      } else {
        await copyText(text);
        attemptId = (await ask('suggestion/copied', { orderKey: order.key, templateId, text })).attemptId;
        if (how === 'insert') message = t('copiedNoComposer');
      }
      await onSent(attemptId);
      setNote(message);
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ms-message" data-testid="milestone-message" data-template-id={templateId}>
      <div className="ms-message-label">{label}</div>
      <p className="ms-message-text" data-testid="milestone-message-text">{text}</p>
      {warnings.length > 0 && (
        <div className="ms-lint" role="alert" data-testid="milestone-lint" data-issues={warnings.join(' ')}>
          <p>{t('ms.lint.title')}</p>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{t(SHOWN_ISSUES.has(w) ? (`ms.lint.${w}` as MessageKey) : 'ms.lint.other')}</li>
            ))}
          </ul>
          <label htmlFor={ackId} className="ms-lint-ack">
            <input id={ackId} type="checkbox" data-testid="milestone-lint-ack" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
            {t('ms.lint.ack')}
          </label>
        </div>
      )}
      <div className="buttons">
        <button className="primary" data-testid="milestone-insert" disabled={busy || blocked} onClick={() => void run('insert')}>
          {t('insert')}
        </button>
        <button data-testid="milestone-copy" disabled={busy || blocked} onClick={() => void run('copy')}>
          {t('copy')}
        </button>
        {onClose && (
          <button disabled={busy} onClick={onClose}>
            {t('ms.close')}
          </button>
        )}
      </div>
      {note && <div className="ms-note" role="status">{note}</div>}
    </div>
  );
}
