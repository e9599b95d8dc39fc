import type { PlatformAdapter } from '../types';

// Placeholder until the alibaba adapter lands: reads nothing.
export const alibabaAdapter: PlatformAdapter = {
  platform: 'alibaba',
  selectorsVersion: 'alibaba-unset',
  readOrders: () => null,
  chatBuyer: () => undefined,
  findComposer: () => null,
};
