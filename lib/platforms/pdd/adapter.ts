import type { PlatformAdapter } from '../types';

// Placeholder until the pdd adapter lands: reads nothing.
export const pddAdapter: PlatformAdapter = {
  platform: 'pdd',
  selectorsVersion: 'pdd-unset',
  readOrders: () => null,
  chatBuyer: () => undefined,
  findComposer: () => null,
};
