import { t, type MessageKey } from '@/lib/i18n';
import type { Platform } from '@/lib/orders/model';

export const STATUS_FILTERS = ['all', 'now', 'waiting', 'held', 'promised', 'saysPaid'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface Filters {
  search: string;
  platform: Platform | 'all';
  status: StatusFilter;
  tag: string;
}

export const NO_FILTERS: Filters = { search: '', platform: 'all', status: 'all', tag: '' };

/** A tag's label: derived tags are translated, the person's own ("#vip") shown as written. */
export function tagLabel(tag: string): string {
  return tag.startsWith('#') ? tag : t(`ws.tag.${tag}` as MessageKey);
}

interface Props {
  filters: Filters;
  platforms: Platform[];
  tags: string[];
  onChange(next: Filters): void;
}

export function QueueFilters({ filters, platforms, tags, onChange }: Props) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div className="ws-filters" data-testid="queue-filters">
      <input
        type="search"
        data-testid="queue-search"
        aria-label={t('ws.filter.search')}
        placeholder={t('ws.filter.search')}
        value={filters.search}
        onChange={(e) => set({ search: e.target.value })}
      />
      <div className="ws-filter-row">
        <select data-testid="filter-status" aria-label={t('ws.filter.status')} value={filters.status} onChange={(e) => set({ status: e.target.value as StatusFilter })}>
          {STATUS_FILTERS.map((s) => (
            <option key={s} value={s}>
              {s === 'all' ? `${t('ws.filter.status')} · ${t('ws.filter.all')}` : t(`ws.filter.${s}` as MessageKey)}
            </option>
          ))}
        </select>
        <select data-testid="filter-platform" aria-label={t('ws.filter.platform')} value={filters.platform} onChange={(e) => set({ platform: e.target.value as Filters['platform'] })}>
          <option value="all">{`${t('ws.filter.platform')} · ${t('ws.filter.all')}`}</option>
          {platforms.map((p) => (
            <option key={p} value={p}>
              {t(`platform.${p}` as MessageKey)}
            </option>
          ))}
        </select>
        <select data-testid="filter-tag" aria-label={t('ws.filter.tag')} value={filters.tag} onChange={(e) => set({ tag: e.target.value })}>
          <option value="">{`${t('ws.filter.tag')} · ${t('ws.filter.all')}`}</option>
          {tags.map((tag) => (
            <option key={tag} value={tag}>
              {tagLabel(tag)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
