import type { QuestionError } from '../query/ask';
import type { Suggestion } from '../query/resolve-name';
import { messagesFor } from './messages/messages';
import type { Lang } from './options';

/** A question error as batch lines show it (the JSON keeps the suggestions as data). */
export interface QuestionErrorJson {
  readonly code: QuestionError['code'];
  readonly message: string;
  readonly input: string;
  readonly suggestions: readonly Suggestion[];
}

/** The short sentence for a question with no answer, without its suggestions. */
export function questionErrorMessage(error: QuestionError, lang: Lang): string {
  const q = messagesFor(lang).questions;
  switch (error.code) {
    case 'AMBIGUOUS_NAME':
      return q.ambiguous(error.input);
    case 'UNKNOWN_NAME':
      return q.unknown[error.expected ?? 'name'](error.input);
    case 'BAD_LINE':
      return error.expected === null ? q.badPair : q.badName[error.expected];
  }
}

/** One line for a person: what went wrong and what the name could have meant (names in the language's own form). */
export function describeQuestionError(error: QuestionError, lang: Lang): string {
  const q = messagesFor(lang).questions;
  const list = error.suggestions.map((s) => `${s.id} (${lang === 'en' ? s.name_en : s.name})`).join(', ');
  if (error.code === 'AMBIGUOUS_NAME') return q.couldMean(error.input, list);
  const message = questionErrorMessage(error, lang);
  return list === '' ? message : q.withSuggestions(message, list);
}

/** Shapes a question error for JSON. */
export function questionErrorJson(error: QuestionError, lang: Lang): QuestionErrorJson {
  return { code: error.code, message: questionErrorMessage(error, lang), input: error.input, suggestions: error.suggestions };
}
