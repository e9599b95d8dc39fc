import { t, type MessageKey } from '@/lib/i18n';
import { COMPOSE_CHANNELS, LANGUAGES, REASONS, STYLES } from '@/lib/compose/model';
import type { SuggestionChoices } from '@/lib/messaging/workspace';

interface Props {
  choices: SuggestionChoices;
  onChange(next: SuggestionChoices): void;
}

const LANGUAGE_NAMES: Record<string, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English', ru: 'Русский', pt: 'Português', es: 'Español' };

function Chips({ name, values, value, label, onPick }: { name: string; values: readonly string[]; value?: string; label(v: string): string; onPick(v?: string): void }) {
  return (
    <div className="chips" role="radiogroup" aria-label={t(`ws.${name}` as MessageKey)} data-testid={`${name}-chips`}>
      <span className="chips-label">{t(`ws.${name}` as MessageKey)}</span>
      {values.map((v) => (
        <button
          key={v}
          type="button"
          role="radio"
          aria-checked={value === v}
          data-testid={`${name}-chip`}
          data-value={v}
          className={`chip${value === v ? ' on' : ''}`}
          onClick={() => onPick(value === v ? undefined : v)}
        >
          {label(v)}
        </button>
      ))}
    </div>
  );
}

/** One click sets the suspected reason or style; the suggestions below update at once. */
export function SuggestionControls({ choices, onChange }: Props) {
  const set = (patch: Partial<SuggestionChoices>) => onChange({ ...choices, ...patch });
  return (
    <div className="ws-controls" data-testid="suggestion-controls">
      <Chips name="reason" values={REASONS.filter((r) => r !== 'unknown')} value={choices.reason} label={(v) => t(`ws.reason.${v}` as MessageKey)} onPick={(reason) => set({ reason })} />
      <Chips name="style" values={STYLES} value={choices.style} label={(v) => t(`ws.style.${v}` as MessageKey)} onPick={(style) => set({ style })} />
      <div className="ws-pickers">
        <label>
          {t('ws.channel')}
          <select data-testid="channel-picker" value={choices.channel ?? 'chat'} onChange={(e) => set({ channel: e.target.value === 'chat' ? undefined : e.target.value })}>
            {COMPOSE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('ws.language')}
          <select data-testid="language-picker" value={choices.language ?? ''} onChange={(e) => set({ language: e.target.value || undefined })}>
            <option value="">{t('ws.auto')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l] ?? l}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
