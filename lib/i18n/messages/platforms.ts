import { defineMessages } from '../define';

// UI strings of the adapter health and the manual order form (issue 4), keys prefixed pf..
export default defineMessages({
  'zh-CN': {},
  'zh-TW': {},
  en: {},
});
