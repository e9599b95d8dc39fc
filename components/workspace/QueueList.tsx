import { useEffect, useRef, useState } from 'react';
import type { OrderListEntry } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';
import { OrderRow } from '../OrderRow';

/** Rows have a fixed height so a long queue can be windowed. */
export const ROW_HEIGHT = 118;
/** Up to this many rows render in full (every row in the DOM); beyond, only the visible window does. */
export const WINDOW_AFTER = 300;
/** Rows drawn beyond each edge of a windowed list's view. */
export const OVERSCAN = 8;

interface Props {
  /** One slot per row; a slot not loaded yet is undefined (a long queue arrives in pages). */
  entries: readonly (OrderListEntry | undefined)[];
  now: number;
  selected?: string;
  onSelect(key: string): void;
  /** Rows from..to are on screen but not all loaded. */
  onNeed?(from: number, to: number): void;
}

/** The queue as a listbox: arrow keys move, Enter selects, Home/End jump. */
export function QueueList({ entries, now, selected, onSelect, onNeed }: Props) {
  const scroller = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const windowed = entries.length > WINDOW_AFTER;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    setViewport(el.clientHeight || 600);
  }, [windowed]);

  // Keep the active row within the list when it shrinks; follow the selection.
  useEffect(() => {
    const i = selected ? entries.findIndex((e) => e?.key === selected) : -1;
    if (i >= 0) setActive(i);
    else if (active >= entries.length) setActive(Math.max(0, entries.length - 1));
  }, [entries, selected]); // eslint-disable-line react-hooks/exhaustive-deps

  const focusRow = (i: number) => {
    setActive(i);
    const el = scroller.current;
    if (!el) return;
    if (windowed) {
      const top = i * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
    }
    requestAnimationFrame(() => {
      const row = el.querySelector<HTMLElement>(`[data-index="${i}"]`);
      row?.focus({ preventScroll: windowed });
      if (!windowed) row?.scrollIntoView({ block: 'nearest' });
    });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (entries.length === 0) return;
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: entries.length - 1, PageDown: active + 5, PageUp: active - 5 };
    if (e.key in moves) {
      e.preventDefault();
      focusRow(Math.min(entries.length - 1, Math.max(0, moves[e.key]!)));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const entry = entries[active];
      if (entry) onSelect(entry.key);
    }
  };

  let from = 0;
  let to = entries.length;
  if (windowed) {
    from = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
    to = Math.min(entries.length, Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN);
  }
  let missing = false;
  const rows = [];
  for (let i = from; i < to; i++) {
    const entry = entries[i];
    const style = windowed ? ({ position: 'absolute', top: i * ROW_HEIGHT, left: 0, right: 0, height: ROW_HEIGHT } as const) : undefined;
    if (!entry) {
      missing = true;
      rows.push(<li key={`slot-${i}`} aria-hidden="true" className="order-row loading" style={style} />);
      continue;
    }
    rows.push(
      <OrderRow
        key={entry.key}
        id={`row-${i}`}
        entry={entry}
        now={now}
        selected={entry.key === selected}
        active={i === active}
        onSelect={onSelect}
        style={style}
        index={i}
      />,
    );
  }

  // Rows scrolled into view that have not arrived yet.
  useEffect(() => {
    if (missing) onNeed?.(from, to);
  }, [missing, from, to, onNeed]);

  return (
    <ul
      ref={scroller}
      className={`orders${windowed ? ' windowed' : ''}`}
      role="listbox"
      aria-label={t('ws.queue')}
      data-testid="queue"
      onKeyDown={onKeyDown}
      onScroll={windowed ? (e) => setScrollTop(e.currentTarget.scrollTop) : undefined}
    >
      {rows}
      {windowed && <li aria-hidden="true" className="spacer" style={{ height: entries.length * ROW_HEIGHT }} />}
    </ul>
  );
}
