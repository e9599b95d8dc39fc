// Named points of a worker's start and of its first answers (User Timing marks, `pn:<name>`), each once per worker.
// The bench reads them from the worker (performance.getEntriesByType('mark')) to split a waking answer into the
// script's start, its modules, the database's open and the queue's steps. Nothing else reads them.

const done = new Set<string>();

/** Marks `name` the first time this worker reaches it (later calls cost a Set lookup). */
export function markOnce(name: string): void {
  if (done.has(name)) return;
  done.add(name);
  try {
    globalThis.performance?.mark?.(`pn:${name}`);
  } catch {
    // No User Timing here (an old test environment): the marks are only for measuring.
  }
}
