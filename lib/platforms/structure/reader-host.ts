// The structural reader (./reader.ts) is a script of its own (entrypoints/structure.ts), put into a seller frame the
// first time the selectors read that frame's page short: most pages read by their selectors, and the structural
// reader with its words in every back-office language is the largest part of reading. readPage finds it here; until
// it is there, a page the selectors read short reads as the selectors left it (never a whole read, so nothing stored
// changes by it) and structureWanted says the frame should ask for the script and read again.
import type { readByStructure } from './reader';

/** Where the injected script (or a test's setup) leaves the structural reader. */
export const STRUCTURE_GLOBAL = '__payNudgeStructureReader';
export type StructureReader = typeof readByStructure;
export type StructureHost = { [STRUCTURE_GLOBAL]?: StructureReader };
/** The injected script's path in the extension (WXT builds an unlisted script to the root). */
export const STRUCTURE_SCRIPT = '/structure.js';

let wanted = false;

/** The structural reader, when this frame has it; asking without it notes that it was wanted (see structureWanted). */
export function structureReader(): StructureReader | undefined {
  const read = (globalThis as StructureHost)[STRUCTURE_GLOBAL];
  if (!read) wanted = true;
  return read;
}

/** Whether a read since the last call needed the structural reader and this frame had none (the note is cleared). */
export function structureWanted(): boolean {
  const was = wanted;
  wanted = false;
  return was;
}

/** Leaves the structural reader where structureReader finds it (running twice changes nothing). */
export function provideStructureReader(read: StructureReader): void {
  (globalThis as StructureHost)[STRUCTURE_GLOBAL] ??= read;
}
