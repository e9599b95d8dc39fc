import type { PlatformAdapter } from '../types';

// Placeholder until the shopee adapter lands: reads nothing.
export const shopeeAdapter: PlatformAdapter = {
  platform: 'shopee',
  selectorsVersion: 'shopee-unset',
  readOrders: () => null,
  chatBuyer: () => undefined,
  findComposer: () => null,
};
