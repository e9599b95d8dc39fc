import { defineMessages } from '../define';

// UI strings of the popup, options page, data and insights (issue 7), keys prefixed opt..
export default defineMessages({
  'zh-CN': {},
  'zh-TW': {},
  en: {},
});
