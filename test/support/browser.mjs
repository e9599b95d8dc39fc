// Finds a Chromium that can load an unpacked extension, installing one when
// the machine has none: system Chromium/Chrome, else apt (root on
// Debian/Ubuntu), else Playwright's own download. Branded Google Chrome 137+
// ignores --load-extension, so Chromium is preferred.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  process.env.PAYNUDGE_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
].filter(Boolean);

function playwrightChromium() {
  try {
    const path = execFileSync(process.execPath, ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"], { encoding: 'utf8' });
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function findBrowser() {
  return CANDIDATES.find((p) => existsSync(p)) ?? playwrightChromium();
}

function tryApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) return false;
  console.log('[paynudge] No Chromium found: installing Debian/Ubuntu package "chromium" with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  if (update.status !== 0) return false;
  const install = spawnSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', env });
  return install.status === 0;
}

function tryPlaywright() {
  console.log('[paynudge] Trying "npx playwright install chromium"…');
  const result = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  return result.status === 0;
}

/** Returns a browser path, installing one if needed; exits with a clear message if none can be had. */
export function ensureBrowser() {
  let path = findBrowser();
  if (!path && tryApt()) path = findBrowser();
  if (!path && tryPlaywright()) path = findBrowser();
  if (!path) {
    console.error(
      '[paynudge] No Chromium could be found or installed.\n' +
        '  Install one (Debian/Ubuntu: sudo apt-get install chromium) or point PAYNUDGE_CHROMIUM at a Chromium binary, then run again.',
    );
    process.exit(1);
  }
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`[paynudge] Chromium: ${ensureBrowser()}`);
}

/**
 * Screenshots of a Chinese UI need a CJK font; a bare server has none and
 * would render boxes. Best effort: install Noto CJK with apt when root.
 */
export function ensureCjkFont() {
  if (process.platform !== 'linux') return;
  const probe = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  if (probe.status === 0 && probe.stdout.trim()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    console.warn('[paynudge] No Chinese font found: screenshots will show boxes. Install fonts-noto-cjk.');
    return;
  }
  console.log('[paynudge] Installing fonts-noto-cjk so screenshots show Chinese text…');
  spawnSync('apt-get', ['install', '-y', 'fonts-noto-cjk'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}
