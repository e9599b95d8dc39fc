// Which DOM changes are a countdown ticking. A 500-row list with a live
// countdown in every row changes its text every second; none of those changes
// moves a deadline (now + time left stays put), so none is worth a reread.

/**
 * The parts of a text that are a clock or a time left: "23:59:10", "2天3小时",
 * "23h 59m", "2 giờ", "15 min". Everything else in the text must stay the same
 * for a change to count as a tick: an amount beside a countdown is content.
 */
const TIME_SPAN =
  /\d{1,3}(?::\d{2}){1,2}|\d+\s*(?:天|小时|小時|时|時|分钟|分鐘|分|秒|ngày|giờ|phút|giây|dias?|horas?|minutos?|mins?|seg(?:undos?)?|сек|мин|час|дн|[dhms])(?![A-Za-z])/gi;

/** Whether `before` → `after` is only a countdown moving on: the same text once its time spans are set aside. */
export function isTick(before: string, after: string): boolean {
  if (before === after) return true;
  TIME_SPAN.lastIndex = 0;
  if (!TIME_SPAN.test(after)) return false;
  return before.replace(TIME_SPAN, '\u23F1') === after.replace(TIME_SPAN, '\u23F1');
}

function textOfNodes(nodes: NodeList): string | null {
  let text = '';
  for (const node of nodes) {
    // An element added or removed is structure, not a tick.
    if (node.nodeType !== 3 /* TEXT_NODE */) return null;
    text += node.nodeValue ?? '';
  }
  return text;
}

/**
 * Whether a batch of mutation records holds nothing but countdowns ticking.
 * Needs the observer to record `characterDataOldValue`. A text node whose
 * value is replaced (`el.textContent = …`) shows up as childList records
 * (one, or a removal and an addition) whose removed text nodes still carry
 * the old value: those are put together per parent before comparing.
 */
export function onlyTicks(records: readonly MutationRecord[]): boolean {
  const replaced = new Map<Node, { before: string; after: string }>();
  for (const record of records) {
    if (record.type === 'characterData') {
      if (record.oldValue === null || !isTick(record.oldValue, record.target.nodeValue ?? '')) return false;
    } else if (record.type === 'childList') {
      const before = textOfNodes(record.removedNodes);
      const after = textOfNodes(record.addedNodes);
      if (before === null || after === null) return false;
      const texts = replaced.get(record.target) ?? { before: '', after: '' };
      texts.before += before;
      texts.after += after;
      replaced.set(record.target, texts);
    } else {
      return false;
    }
  }
  for (const { before, after } of replaced.values()) if (!isTick(before, after)) return false;
  return records.length > 0;
}
