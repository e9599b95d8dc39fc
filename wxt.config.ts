import { defineConfig } from 'wxt';
import { HOST_PERMISSIONS } from './lib/platforms/hosts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // Parallel builds (tests of two work trees at once) each get their own output folder.
  outDir: process.env.PAYNUDGE_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'PayNudge',
    description: '待付款订单催付助手：读取卖家后台的待付款订单，建议催付话术，一键填入聊天框（由你按发送）。',
    // sidePanel: the reminder desk (Firefox uses sidebar_action, no permission); clipboardWrite: the copy button and the
    // "no chat box found" fallback. Nothing else: orders are read by content
    // scripts, data lives in IndexedDB, which needs no permission.
    permissions: browser === 'firefox' ? ['clipboardWrite'] : ['sidePanel', 'clipboardWrite'],
    // Only seller back-office and chat hosts: lets the background see those
    // tabs' URLs (to bind the panel) and nothing more.
    host_permissions: HOST_PERMISSIONS,
    action: { default_title: 'PayNudge' },
  }),
});
