export function seedDatabase(options: { orders: number; attempts: number; now: number; unpaidEvery?: number; days?: number }): Promise<{ orders: number; attempts: number }>;
