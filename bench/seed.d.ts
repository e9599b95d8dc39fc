export function seedDatabase(options: { orders: number; attempts: number; now: number }): Promise<{ orders: number; attempts: number }>;
