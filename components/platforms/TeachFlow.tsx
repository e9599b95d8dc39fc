import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { ask } from '@/components/api';
import { loadTeachScript } from '@/lib/content/teach-script';
import { t, type MessageKey } from '@/lib/i18n';
import type { ContentRequestMap, ContentResponses, TeachPreviewOrder } from '@/lib/messaging/content';
import { formatMoney } from '@/lib/orders/money';
import { OPTIONAL_FIELDS, RECIPE_FIELDS, type Recipe, type RecipeField } from '@/lib/platforms/recipe/types';

/**
 * Asks the content script of the bound tab's frame that reads the list (the top one, or a pane served by another
 * seller host) directly: a step waits
 * for the person's click for as long as it takes, which a round trip through
 * a service worker that may go to sleep could not promise.
 */
async function askPage<K extends keyof ContentRequestMap>(tabId: number, frameId: number, type: K, payload: ContentRequestMap[K]): Promise<ContentResponses[K] | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, { type, ...payload }, { frameId })) as ContentResponses[K] | undefined;
  } catch {
    return undefined;
  }
}

const isOptional = (field: RecipeField) => (OPTIONAL_FIELDS as readonly RecipeField[]).includes(field);
const fieldName = (field: RecipeField) => t(`teach.field.${field}` as MessageKey);

interface Preview {
  recipe: Recipe;
  count: number;
  unreadable: number;
  orders: TeachPreviewOrder[];
}

/**
 * Teaching the bound tab's page: one step per field, answered by a click on
 * the page (the content script's picker), then a preview of what the recipe
 * reads there, and save or cancel. Cancel changes nothing anywhere.
 */
export function TeachFlow({ tabId, frameId = 0, again, onDone }: { tabId: number; frameId?: number; again: boolean; onDone: (saved: boolean) => void }) {
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Partial<Record<RecipeField, string | null>>>({});
  const [error, setError] = useState<string>();
  const [preview, setPreview] = useState<Preview>();
  const [saving, setSaving] = useState(false);
  // The field the page's picker listens for: its step shows only then, so no click goes unheard.
  const [armed, setArmed] = useState<RecipeField>();
  const finished = useRef(false);
  // Whether the page side of teaching is in the frame (see loadTeachScript).
  const loaded = useRef(false);

  const field = RECIPE_FIELDS[step];

  const end = useCallback(
    async (saved: boolean) => {
      if (finished.current) return;
      finished.current = true;
      await askPage(tabId, frameId, 'teach/end', {});
      onDone(saved);
    },
    [tabId, frameId, onDone],
  );

  const refreshPreview = useCallback(async () => {
    const reply = await askPage(tabId, frameId, 'teach/preview', {});
    if (finished.current) return;
    if (!reply) return setError(t('teach.noPage'));
    if (!reply.ok) {
      setPreview(undefined);
      return setError(t(`teach.err.${reply.error}` as MessageKey));
    }
    setError(undefined);
    setPreview({ recipe: reply.recipe, count: reply.count, unreadable: reply.unreadable, orders: reply.orders });
  }, [tabId, frameId]);

  // Each step: the picker on the page listens first, then the step shows, then it waits for the click.
  useEffect(() => {
    if (!field) {
      // Every step answered or skipped: the page gets its clicks back.
      void askPage(tabId, frameId, 'teach/end', {});
      return;
    }
    let live = true;
    const stale = () => !live || finished.current;
    void (async () => {
      // The page side of teaching comes with the first step (it is no part of the page's content script).
      if (!loaded.current) loaded.current = await loadTeachScript(tabId, frameId);
      const armedReply = await askPage(tabId, frameId, 'teach/arm', { field });
      if (stale()) return;
      if (!armedReply) return setError(t('teach.noPage'));
      if (!armedReply.ok) return setError(t('teach.err.bad-url'));
      setArmed(field);
      for (;;) {
        const reply = await askPage(tabId, frameId, 'teach/pick', { field });
        if (stale()) return;
        if (!reply) return setError(t('teach.noPage'));
        if (reply.ok) {
          setError(undefined);
          setAnswers((a) => ({ ...a, [field]: reply.text }));
          if (step >= 2) await refreshPreview();
          if (!stale()) setStep((s) => s + 1);
          return;
        }
        if (reply.error === 'replaced') return;
        if (reply.error === 'cancelled') return void end(false);
        if (reply.error === 'not-teaching') return setError(t('teach.err.bad-url'));
        // A click that was not the value asked for: say why, and keep listening.
        setError(t(`teach.err.${reply.error}` as MessageKey));
      }
    })();
    return () => {
      live = false;
    };
  }, [tabId, frameId, field, step, refreshPreview, end]);

  // Leaving the panel (or the component) stops the picker on the page.
  useEffect(() => () => void (finished.current || askPage(tabId, frameId, 'teach/end', {})), [tabId, frameId]);

  const skip = () => {
    if (!field || !isOptional(field)) return;
    setAnswers((a) => ({ ...a, [field]: null }));
    setStep((s) => s + 1);
  };

  const save = async () => {
    if (!preview) return;
    setSaving(true);
    try {
      await ask('recipe/save', { recipe: preview.recipe, tabId });
      await end(true);
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    }
  };

  return (
    <section className="teach" data-testid="teach" aria-live="polite">
      <h2>{t(again ? 'teach.again' : 'teach.title')}</h2>
      <p className="muted">{t('teach.intro')}</p>
      <ol className="teach-steps">
        {RECIPE_FIELDS.slice(0, step).map((f) => (
          <li key={f} className="teach-done" data-field={f}>
            {fieldName(f)}：<span className="teach-answer">{answers[f] ?? t('teach.skipped')}</span>
          </li>
        ))}
      </ol>
      {field && armed === field && (
        <div className="teach-step" data-testid="teach-step" data-field={field}>
          <strong>
            {t('teach.ask', { field: fieldName(field) })}
            {isOptional(field) && ` ${t('teach.optional')}`}
          </strong>
          {isOptional(field) && (
            <button type="button" data-testid="teach-skip" onClick={skip}>
              {t('teach.skip')}
            </button>
          )}
        </div>
      )}
      {error && (
        <div role="alert" className="toast warn" data-testid="teach-error">
          {error}
        </div>
      )}
      {preview && (
        <div className="teach-preview" data-testid="teach-preview" data-count={preview.count}>
          <div>{t('teach.preview', { count: preview.count })}</div>
          <ul>
            {preview.orders.map((o) => (
              <li key={o.orderId} data-testid="teach-preview-order" data-order-id={o.orderId}>
                <span className="mono">{o.orderId}</span> · {o.buyer} · {formatMoney({ minor: o.minor, currency: o.currency })}
              </li>
            ))}
          </ul>
          {preview.unreadable > 0 && <div className="muted">{t('teach.previewUnreadable', { count: preview.unreadable })}</div>}
        </div>
      )}
      <div className="teach-actions">
        <button type="button" className="primary" data-testid="teach-save" disabled={!preview || preview.count === 0 || saving} onClick={() => void save()}>
          {t('teach.save')}
        </button>
        <button type="button" data-testid="teach-cancel" onClick={() => void end(false)}>
          {t('teach.cancel')}
        </button>
      </div>
    </section>
  );
}
