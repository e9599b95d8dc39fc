import { useState } from 'react';
import { ask, copyText } from '@/components/api';
import { t } from '@/lib/i18n';
import type { Order } from '@/lib/orders/model';

/**
 * A message ready to go: its exact text, and buttons that put it into the
 * bound tab's chat box (or copy it). Either way the contact is logged, and
 * `onSent` gets the attempt so the plan step can be recorded against it.
 */
export function MessageBox(props: {
  order: Order;
  tabId?: number;
  templateId: string;
  text: string;
  label: string;
  onSent(attemptId: string | undefined): Promise<void> | void;
  onError(message: string): void;
  onClose?(): void;
}) {
  const { order, tabId, templateId, text, label, onSent, onError, onClose } = props;
  const [busy, setBusy] = useState(false);
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
      <div className="buttons">
        <button className="primary" data-testid="milestone-insert" disabled={busy} onClick={() => void run('insert')}>
          {t('insert')}
        </button>
        <button data-testid="milestone-copy" disabled={busy} onClick={() => void run('copy')}>
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
