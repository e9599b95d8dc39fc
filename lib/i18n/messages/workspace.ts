import { defineMessages } from '../define';

// UI strings of the reminder workspace (issue 5), keys prefixed ws..
export default defineMessages({
  'zh-CN': {},
  'zh-TW': {},
  en: {},
});
