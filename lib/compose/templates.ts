// The built-in reminder templates: our own writing for this product, one file
// per language under ./templates/. Placeholders are {{name}} (see VARIABLES);
// a template whose placeholders cannot all be filled is never offered.
import type { Template } from './model';
import { EN } from './templates/en';
import { ES } from './templates/es';
import { PT } from './templates/pt';
import { RU } from './templates/ru';
import { ZH_CN } from './templates/zh-CN';
import { ZH_TW } from './templates/zh-TW';

export type {
  ComposeChannel,
  CustomerType,
  Language,
  Reason,
  Round,
  Style,
  Template,
  TemplateInput,
  Variable,
} from './model';
export {
  ASKABLE_VARIABLES,
  COMPOSE_CHANNELS,
  CUSTOMER_TYPES,
  LANGUAGES,
  REASONS,
  ROUNDS,
  STYLES,
  VARIABLES,
} from './model';

export const BUILTIN_TEMPLATES: readonly Template[] = [...ZH_CN, ...ZH_TW, ...EN, ...RU, ...PT, ...ES];
