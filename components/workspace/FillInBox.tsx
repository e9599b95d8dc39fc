import { useState } from 'react';
import type { MissingVariable } from '@/lib/compose/engine';
import type { FillIn, SuggestionChoices } from '@/lib/messaging/workspace';
import { t, type MessageKey } from '@/lib/i18n';

interface Props {
  missing: readonly MissingVariable[];
  choices: SuggestionChoices;
  onChange(next: SuggestionChoices): void;
}

type Name = keyof FillIn;
const FILLABLE: readonly Name[] = ['item', 'coupon', 'gift', 'shop', 'seller', 'cutoff', 'returns'];
const isFillable = (name: string): name is Name => (FILLABLE as readonly string[]).includes(name);

/**
 * What a missing field would unlock, and a place to type it for this order:
 * an item title the page did not give, a coupon, a gift, the shop name, a
 * signature, a shop fact. Also the one order fact a person confirms by hand,
 * low stock. Values apply to this order only; settings keep the lasting ones.
 */
export function FillInBox({ missing, choices, onChange }: Props) {
  const [drafts, setDrafts] = useState<Partial<Record<Name, string>>>({});
  const open = missing.filter((m) => isFillable(m.name));
  const filled = FILLABLE.filter((n) => choices.vars?.[n]);
  const lowStock = choices.facts?.includes('low_stock') ?? false;
  const setVar = (name: Name, value: string | undefined) => {
    const vars: FillIn = { ...choices.vars, [name]: value?.trim() || undefined };
    onChange({ ...choices, vars });
    setDrafts((d) => ({ ...d, [name]: undefined }));
  };
  return (
    <div className="fill-in" data-testid="fill-in">
      {open.length > 0 && <p className="muted">{t('ws.fill.title')}</p>}
      {open.map((m) => {
        const name = m.name as Name;
        const id = `fill-${name}`;
        return (
          <form
            key={name}
            className="fill-row"
            data-testid="fill-in-field"
            data-name={name}
            onSubmit={(e) => {
              e.preventDefault();
              if (drafts[name]?.trim()) setVar(name, drafts[name]);
            }}
          >
            <label htmlFor={id}>{t(`ws.fill.${name}` as MessageKey)}</label>
            <input
              id={id}
              type={name === 'cutoff' ? 'time' : 'text'}
              maxLength={200}
              value={drafts[name] ?? ''}
              onChange={(e) => setDrafts((d) => ({ ...d, [name]: e.target.value }))}
            />
            <button type="submit" disabled={!drafts[name]?.trim()}>
              {t('ws.fill.use')}
            </button>
            <span className="muted">{t('ws.fill.unlocks', { count: m.templateIds.length })}</span>
          </form>
        );
      })}
      {filled.length > 0 && (
        <ul className="plain fill-done">
          {filled.map((name) => (
            <li key={name} data-testid="fill-in-done" data-name={name}>
              {t(`ws.fill.${name}` as MessageKey)}: <strong>{choices.vars?.[name]}</strong>{' '}
              <button type="button" className="link" onClick={() => setVar(name, undefined)}>
                {t('ws.fill.clear')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="fill-fact">
        <input
          type="checkbox"
          data-testid="fact-low-stock"
          checked={lowStock}
          onChange={(e) =>
            onChange({ ...choices, facts: e.target.checked ? [...(choices.facts ?? []), 'low_stock'] : (choices.facts ?? []).filter((f) => f !== 'low_stock') })
          }
        />
        {t('ws.fill.lowStock')}
      </label>
    </div>
  );
}
