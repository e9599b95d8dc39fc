export function startTicking(options: { containerSelector?: string }): number;
