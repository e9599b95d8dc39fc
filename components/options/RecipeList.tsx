import { useCallback, useEffect, useState } from 'react';
import { ask, useDbChanged } from '@/components/api';
import { t, type MessageKey } from '@/lib/i18n';
import type { RecipeSummary } from '@/lib/platforms/recipe/types';

/** The pages the seller taught PayNudge to read, each deletable (a deleted page is read by the built-in readers again). */
export function RecipeList() {
  const [recipes, setRecipes] = useState<RecipeSummary[]>();
  const [message, setMessage] = useState<string>();
  const load = useCallback(() => {
    ask('recipes/list', {}).then(
      (r) => setRecipes(r.recipes),
      (e: Error) => setMessage(e.message),
    );
  }, []);
  useEffect(load, [load]);
  useDbChanged(load);

  const remove = async (id: string) => {
    try {
      await ask('recipe/delete', { id });
      setMessage(t('teach.list.deleted'));
      load();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };

  return (
    <section aria-labelledby="recipes-h" data-testid="recipe-section">
      <h2 id="recipes-h">{t('teach.list.title')}</h2>
      {recipes && recipes.length === 0 && <p className="muted">{t('teach.list.empty')}</p>}
      <ul className="recipe-list">
        {recipes?.map((r) => (
          <li key={r.id} data-testid="recipe-row" data-recipe-id={r.id} data-platform={r.platform}>
            <div>
              <strong>{t(`platform.${r.platform}` as MessageKey)}</strong> · <span className="mono">{r.urlPattern}</span>
            </div>
            <div className="muted">
              {new Date(r.createdAt).toLocaleString()} · {t('teach.list.fields', { fields: r.fields.map((f) => t(`teach.field.${f}` as MessageKey)).join('、') })}
            </div>
            <button type="button" className="danger" data-testid="recipe-delete" onClick={() => void remove(r.id)}>
              {t('teach.list.delete')}
            </button>
          </li>
        ))}
      </ul>
      {message && (
        <p role="status" className="muted">
          {message}
        </p>
      )}
    </section>
  );
}
