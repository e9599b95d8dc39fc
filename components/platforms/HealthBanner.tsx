import { useCallback, useEffect, useState } from 'react';
import { ask, useDbChanged } from '@/components/api';
import { t } from '@/lib/i18n';
import type { HealthProblem } from '@/lib/messaging/platforms';

function pageOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url.slice(0, 200);
  }
}

/** The warning for one unreadable page, in plain words. Page text only ever lands in text nodes. */
export function healthText(p: HealthProblem): string {
  const platform = t(`platform.${p.platform}`);
  const version = p.selectorsVersion ?? t('pf.health.versionUnknown');
  if (p.kind === 'no-rows') return t('pf.health.noRows', { platform, version, list: t(p.unpaidOnly ? 'pf.health.list.unpaid' : 'pf.health.list.any') });
  if (p.kind === 'short-read') return t('pf.health.short', { platform, version, count: p.count, rows: p.rows });
  if (p.kind === 'degraded') return t(p.readPath === 'recipe' ? 'pf.health.degraded.recipe' : 'pf.health.degraded.structure', { platform, version, count: p.count });
  return t('pf.health.unreadable', { platform, version, count: p.count, rows: p.rows });
}

/**
 * Warns when a seller page that should list orders yields none, or rows that
 * could not be read: silence would look like "no unpaid orders".
 */
export function HealthBanner({ tabId, onTeach }: { tabId?: number; onTeach?: (again: boolean, frameId: number) => void }) {
  const [problems, setProblems] = useState<HealthProblem[]>([]);
  const load = useCallback(() => {
    ask('health/get', { tabId }).then(
      (r) => setProblems(r.problems),
      () => setProblems([]),
    );
  }, [tabId]);
  useEffect(load, [load]);
  useDbChanged(load);

  if (problems.length === 0) return null;
  // The bound tab reads short, its taught recipe stopped matching, or only the structural reader read it (the
  // seller may see it misread a field and correct it by teaching): offer teaching, once.
  const teachable =
    onTeach && tabId !== undefined ? problems.find((p) => p.tabId === tabId && (p.kind !== 'degraded' || p.recipeNoMatch || p.readPath === 'structure')) : undefined;
  return (
    <div className="health">
      {problems.map((p) => (
        <div
          key={`${p.tabId}|${p.platform}|${p.listKey}`}
          role={p.kind === 'degraded' ? 'status' : 'alert'}
          data-testid="health-warning"
          data-platform={p.platform}
          data-tab={p.tabId === tabId ? 'this' : 'other'}
          data-kind={p.kind}
          data-read-path={p.readPath ?? 'selectors'}
          data-selectors-version={p.selectorsVersion ?? ''}
          className={p.kind === 'degraded' ? 'toast' : 'toast warn'}
        >
          <div>{healthText(p)}</div>
          {p.recipeNoMatch && <div data-testid="recipe-no-match">{t('teach.noMatch')}</div>}
          {p === teachable && (
            <button type="button" className="teach-offer" data-testid="teach-button" onClick={() => onTeach!(Boolean(p.recipeNoMatch), p.frameId ?? 0)}>
              {t(p.recipeNoMatch ? 'teach.again' : 'teach.button')}
            </button>
          )}
          <div className="muted" title={p.url}>
            {p.tabId === tabId ? '' : `${t('pf.health.otherTab')} · `}
            {pageOf(p.url)}
          </div>
        </div>
      ))}
    </div>
  );
}
