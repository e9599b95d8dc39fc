// Imported by the background's entrypoint right after zod's set-up, before the rest of its modules.
// The mark says when the worker's script reached its own modules (from the worker's own start to here: the
// script's fetch and compile, and zod's module). The reads of what the stopped worker saved for this one (the
// panel's queue, the popup's facts) start here, so reading them from disk overlaps the modules' set-up instead
// of following it: a waking worker's first request nearly always wants one of them.
import { markOnce } from './marks';
import { SAVED_POPUP, SAVED_QUEUE, WAKING_READ_KEPT_MS } from './saved';

markOnce('script');
// The popup's few facts are asked for first and the queue's ~3 MB right after, not the other way round: asked for
// queue first, the worker's cache storage answered the two together, and a waking popup's answer waited for the
// queue's read (in the worker's marks at 5,000 open orders, 30-180 ms after the popup's request). Chaining the
// queue's read after the facts' read helped the popup as much but delayed the panel's queue (A/B, load 2-4).
void SAVED_POPUP.prefetch(WAKING_READ_KEPT_MS);
void SAVED_QUEUE.prefetch(WAKING_READ_KEPT_MS);
