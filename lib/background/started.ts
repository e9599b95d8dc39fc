// Imported by the background's entrypoint right after zod's set-up: the mark says when the worker's script reached its
// own modules (from the worker's own start to here: the script's fetch and compile, and zod's module).
import { markOnce } from './marks';

markOnce('script');
