import { defineConfig } from 'wxt';
import { HOST_PERMISSIONS } from './lib/platforms/hosts';

// connect-src: only the background's team sync (lib/sync/remote.ts, which itself reaches only the one server
// configured, and only while sync is on) needs the network: an https server, or one on this computer. Every
// extension page narrows it back to 'none' with a policy of its own (<meta> in each entrypoint's index.html).
// Everything else starts from default-src 'none': the pages load only their own scripts, style sheets and images.
const EXTENSION_PAGES_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; connect-src https: http://127.0.0.1:* http://localhost:*; frame-src 'none'; base-uri 'none'; form-action 'none'";
/** Team sync to a server on this computer needs no prompt (and no CORS set-up); other servers are asked for when sync starts. */
const TEAM_LOOPBACK_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Parallel builds (tests of two work trees at once) each get their own output folder.
  outDir: process.env.PAYNUDGE_OUT_DIR ?? '.output',
  // @wxt-dev/i18n: manifest name, description and command descriptions from locales/*.yml (-> _locales/).
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // PouchDB (team sync, background only) imports Node's 'events': the npm package of the same name, not the builtin.
  vite: () => ({ resolve: { alias: { events: 'events/' } } }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // English for browsers in languages we do not have; zh_CN and zh_TW follow the browser.
    default_locale: 'en',
    // sidePanel: the reminder desk (Firefox uses sidebar_action, no permission); clipboardWrite: the copy button and the
    // "no chat box found" fallback. Nothing else: orders are read by content
    // scripts, data lives in IndexedDB, which needs no permission.
    // alarms + notifications: follow-ups (a promised payment time, a "buyer says paid" to verify) that survive restarts.
    // scripting (Chrome): after an update, put the new content scripts into seller tabs already open.
    permissions: browser === 'firefox' ? ['clipboardWrite', 'alarms', 'notifications'] : ['sidePanel', 'clipboardWrite', 'alarms', 'notifications', 'scripting'],
    // Extension pages run only their own bundled scripts and reach no network at all.
    content_security_policy:
      browser === 'firefox'
        ? (EXTENSION_PAGES_CSP as unknown as { extension_pages: string })
        : { extension_pages: EXTENSION_PAGES_CSP },
    // Seller back-office and chat hosts: lets the background see those
    // tabs' URLs (to bind the panel) and nothing more.
    host_permissions: [...HOST_PERMISSIONS, ...TEAM_LOOPBACK_HOSTS],
    // The shop's own CouchDB, asked for when the person starts team sync (else its CORS set-up must allow us).
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*'] } : { optional_host_permissions: ['https://*/*'] }),
    // Inserts the top suggestion of the selected (or most urgent) order; changeable at chrome://extensions/shortcuts.
    commands: { 'insert-top-suggestion': { suggested_key: { default: 'Alt+Shift+Y' }, description: '__MSG_cmdInsertSuggestion__' } },
    action: { default_title: '__MSG_actionTitle__' },
    // Firefox: a fixed add-on id (IndexedDB and the sidebar survive reinstalls) and no data collected.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'paynudge@paynudge.dev', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
