export function seedDatabase(options: {
  orders: number;
  attempts: number;
  now: number;
  unpaidEvery?: number;
  days?: number;
  part?: { orders?: [number, number]; attempts?: [number, number] };
}): Promise<{ orders: number; attempts: number }>;
