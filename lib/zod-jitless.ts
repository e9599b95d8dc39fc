import { z } from 'zod';

// zod compiles object parsers with `new Function` when it may, and finds out by trying once. Under the
// extension's policy (script-src 'self', no 'unsafe-eval') that try is refused and reported as a CSP
// violation; so the pages say up front that there is no eval, and zod interprets instead.
z.config({ jitless: true });
