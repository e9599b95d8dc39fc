import type { PlatformAdapter } from '../types';

// Placeholder until the tiktok adapter lands: reads nothing.
export const tiktokAdapter: PlatformAdapter = {
  platform: 'tiktok',
  selectorsVersion: 'tiktok-unset',
  readOrders: () => null,
  chatBuyer: () => undefined,
  findComposer: () => null,
};
