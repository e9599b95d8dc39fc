import type { PlatformAdapter } from '../types';

// Placeholder until the aliexpress adapter lands: reads nothing.
export const aliexpressAdapter: PlatformAdapter = {
  platform: 'aliexpress',
  selectorsVersion: 'aliexpress-unset',
  readOrders: () => null,
  chatBuyer: () => undefined,
  findComposer: () => null,
};
