import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import type { Buyer } from '@/lib/orders/model';
import type { BuyerProfile as Profile } from '@/lib/reminders/profile';
import { ask } from '../api';
import { outcomeLabel } from './labels';

interface Props {
  buyerKey: string;
  buyer?: Buyer;
  profile: Profile;
  onSaved(message: string): void;
  onError(message: string): void;
}

const LANGS = ['', 'zh-CN', 'zh-TW', 'en', 'ru', 'pt', 'es'];
const ZONES = ['', 'Asia/Shanghai', 'Asia/Taipei', 'Asia/Hong_Kong', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/Moscow', 'Europe/Berlin', 'Europe/London', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Sao_Paulo', 'America/Mexico_City'];

/** New or returning, past contacts, and the person's notes and rules for this buyer. */
export function BuyerProfile({ buyerKey, buyer, profile, onSaved, onError }: Props) {
  const [note, setNote] = useState(buyer?.note ?? '');
  const [tags, setTags] = useState((buyer?.tags ?? []).join(', '));
  // Shown at once; the stored value comes back with the next load.
  const [doNotRemind, setDoNotRemind] = useState(buyer?.doNotRemind === true);
  useEffect(() => setDoNotRemind(buyer?.doNotRemind === true), [buyer?.doNotRemind]);
  useEffect(() => {
    setNote(buyer?.note ?? '');
    setTags((buyer?.tags ?? []).join(', '));
  }, [buyerKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = (patch: Parameters<typeof ask<'buyer/update'>>[1]['patch']) =>
    ask('buyer/update', { buyerKey, patch }).then(() => onSaved(t('ws.profile.saved')), (error: Error) => onError(error.message));

  const zones = buyer?.timeZone && !ZONES.includes(buyer.timeZone) ? [...ZONES, buyer.timeZone] : ZONES;
  return (
    <section className="profile" data-testid="buyer-profile" aria-label={t('ws.profile')}>
      <h2>{t('ws.profile')}</h2>
      <div className="tags">
        <span className="tag" data-testid="buyer-type">{profile.customer === 'returning' ? t('returning') : t('newBuyer')}</span>
        {profile.paidOrders > 0 && <span className="tag">{t('ws.profile.paidBefore', { n: profile.paidOrders })}</span>}
        <span className="tag">{t('ws.profile.attempts', { n: profile.attempts, orders: profile.ordersContacted })}</span>
        {profile.lastOutcome && <span className="tag">{t('ws.profile.lastOutcome', { outcome: outcomeLabel(profile.lastOutcome) })}</span>}
      </div>
      {buyer && (
        <div className="profile-form">
          <label className="check">
            <input type="checkbox" data-testid="do-not-remind" checked={doNotRemind}
              onChange={(e) => {
                setDoNotRemind(e.target.checked);
                void save({ doNotRemind: e.target.checked });
              }} />
            {t('ws.profile.doNotRemind')}
          </label>
          <div className="ws-pickers">
            <label>
              {t('ws.profile.language')}
              <select data-testid="buyer-language" value={buyer.language ?? ''} onChange={(e) => void save({ language: e.target.value })}>
                {LANGS.map((l) => (
                  <option key={l} value={l}>{l || t('ws.auto')}</option>
                ))}
              </select>
            </label>
            <label>
              {t('ws.profile.timeZone')}
              <select data-testid="buyer-timezone" value={buyer.timeZone ?? ''} onChange={(e) => void save({ timeZone: e.target.value })}>
                {zones.map((z) => (
                  <option key={z} value={z}>{z || t('ws.auto')}</option>
                ))}
              </select>
            </label>
          </div>
          <textarea data-testid="buyer-note" aria-label={t('ws.profile.note')} placeholder={t('ws.profile.note')} value={note} maxLength={5000} rows={2} onChange={(e) => setNote(e.target.value)} onBlur={() => note !== (buyer.note ?? '') && void save({ note })} />
          <input
            data-testid="buyer-tags"
            aria-label={t('ws.profile.tags')}
            placeholder={t('ws.profile.tags')}
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            onBlur={() => {
              const list = [...new Set(tags.split(/[,，]/).map((s) => s.trim()).filter(Boolean))].slice(0, 20);
              if (list.join(',') !== (buyer.tags ?? []).join(',')) void save({ tags: list });
            }}
          />
        </div>
      )}
    </section>
  );
}
