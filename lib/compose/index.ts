// The public surface of the compose area: templates, the suggestion engine,
// language and reason guesses. UI code imports types from here with `import type`.
export * from './model';
export { BUILTIN_TEMPLATES } from './templates';
export {
  LAST_CALL_MS,
  composeSuggestions,
  mergeLibrary,
  roundFor,
  suggest,
  type MissingVariable,
  type Suggestion,
  type SuggestionSet,
  type SuggestionWhy,
  type SuggestContext,
} from './engine';
export { fill, formatDeadline, formatTimeLeft, missingIn, optionalMissingIn, variablesFor, type ExtraVars, type VariableOptions, type Vars } from './variables';
export {
  guessLanguage,
  languageFallbacks,
  languageFor,
  normalizeLanguage,
  type BuyerLanguageHint,
  type LanguageGuess,
  type LanguageSource,
} from './language';
export { MESSAGE_LOCALE, UNDER_A_MINUTE, formatAmount, plural, pluralOf } from './locale';
export { guessReason, type ReasonGuess, type ReasonHints, type ReasonSignal } from './reason';
