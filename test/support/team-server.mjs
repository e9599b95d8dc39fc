// A CouchDB-compatible team server for trying team sync and for the tests:
// pouchdb-server, in memory, on 127.0.0.1. `npm run team-server [-- --port N]`
// runs one until Ctrl+C; tests import startTeamServer() (a free port each).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const BIN = join(root, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');

/** A port nobody listens on now. */
export function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

async function waitUp(url, ms = 20_000) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`team server did not start at ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts pouchdb-server --in-memory on 127.0.0.1 (admin party: anyone may
 * create databases and users). Its config and log go to a temporary folder.
 * Returns its URL and stop(); restart() brings it back on the same port
 * (empty: it is in memory).
 */
export async function startTeamServer({ port } = {}) {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'paynudge-team-'));
  const url = `http://127.0.0.1:${port}`;
  let child;
  const launch = async () => {
    child = spawn(process.execPath, [BIN, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--config', join(dir, 'config.json'), '--no-stdout-logs'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitUp(url);
  };
  const stop = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
  };
  await launch();
  return {
    url,
    port,
    stop,
    async restart() {
      await stop();
      await launch();
    },
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--port');
  const server = await startTeamServer({ port: i > 0 ? Number(process.argv[i + 1]) : 5984 });
  console.log(`PayNudge team server (pouchdb-server, in memory) at ${server.url}`);
  console.log(`In Options → Team: server ${server.url}, database e.g. shop-a, any agent name; user and password empty (admin party).`);
  console.log('Everything is lost when it stops. Ctrl+C to stop.');
  const quit = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
