import { defineMessages } from '../define';

// UI strings of the staged payments (issue 6), keys prefixed ms..
export default defineMessages({
  'zh-CN': {},
  'zh-TW': {},
  en: {},
});
