// The structural reader (lib/platforms/structure/reader.ts), injected into a seller frame by the background the first
// time the selectors read that frame's page short (lib/platforms/structure/reader-host.ts). It runs in the content
// script's own world and leaves the reader where readPage looks for it.
import { readByStructure } from '@/lib/platforms/structure/reader';
import { provideStructureReader } from '@/lib/platforms/structure/reader-host';

export default defineUnlistedScript(() => provideStructureReader(readByStructure));
