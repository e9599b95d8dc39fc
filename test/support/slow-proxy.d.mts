export function startSlowProxy(target: string, options: { delayMs: number; when(url: string): boolean }): Promise<{ url: string; close(): Promise<void> }>;
