export function freePort(): Promise<number>;
export function startTeamServer(options?: { port?: number }): Promise<{
  url: string;
  port: number;
  stop(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}>;
