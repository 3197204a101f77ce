import type { QuestionError } from '../query/ask';
import { MAX_NAME_LENGTH, type EntityKind, type Suggestion } from '../query/resolve-name';
import type { Messages } from './messages/messages';
import type { Lang } from './options';
import { sanitizeText } from './sanitize';

/** A question error as batch lines show it (the JSON keeps the suggestions as data). */
export interface QuestionErrorJson {
  readonly code: QuestionError['code'];
  readonly message: string;
  readonly input: string;
  readonly suggestions: readonly Suggestion[];
  /** The command line that answers, for WRONG_KIND and WRONG_ORDER when there is one. */
  readonly instead?: string;
}

/** The short sentence for a question with no answer, without its suggestions. */
export function questionErrorMessage(error: QuestionError, m: Messages): string {
  const q = m.questions;
  switch (error.code) {
    case 'AMBIGUOUS_NAME':
      return q.ambiguous(error.input);
    case 'UNKNOWN_NAME':
      return q.unknown[error.expected ?? 'name'](error.input);
    case 'WRONG_KIND': {
      const named = error.suggestions[0];
      if (named === undefined) return q.unknown[error.expected ?? 'name'](error.input);
      if (named.kind !== 'category') return q.isOtherKind[named.kind](error.input);
      return error.expected === 'service' || error.expected === 'clientele'
        ? q.isCategory[error.expected](error.input)
        : q.unknown[error.expected ?? 'name'](error.input);
    }
    case 'WRONG_ORDER': {
      // The input is the pair as given: a service where the clientele goes, then a clientele.
      const [service = '', clientele = ''] = error.input.split('\t');
      return q.swapped(service, clientele);
    }
    case 'NAME_TOO_LONG':
      return q.tooLong(error.input.length, MAX_NAME_LENGTH);
    case 'BAD_LINE':
      return error.expected === null ? q.badPair : q.badName[error.expected];
  }
}

/** The command line that answers instead, for a name of the wrong kind or two names the other way round. */
export function insteadCommand(error: QuestionError): string | null {
  return error.instead === undefined ? null : ['ramq-access', ...error.instead].join(' ');
}

/** The list command for each kind of name. */
const LIST_OF: Readonly<Record<EntityKind, string>> = { clientele: 'clienteles', service: 'services', category: 'categories' };

/** A word as one argument of a POSIX shell command line: as it is when it holds no character the shell reads, else in single quotes. */
export function shellWord(text: string): string {
  return /^[\p{L}\p{N}_.,:@%+/=-]+$/u.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** One line for a person: what went wrong and what the name could have meant (names in the language's own form). */
export function describeQuestionError(error: QuestionError, m: Messages, lang: Lang): string {
  const q = m.questions;
  // A candidate of another kind than the argument takes says what it is: a clientele's argument may list a service.
  const list = error.suggestions
    .map((s) => {
      const name = lang === 'en' ? s.name_en : s.name;
      return error.expected !== null && s.kind !== error.expected ? q.candidateOfKind(s.id, name, m.words.kinds[s.kind]) : `${s.id} (${name})`;
    })
    .join(', ');
  if (error.code === 'AMBIGUOUS_NAME') return q.couldMean(error.input, list);
  const message = questionErrorMessage(error, m);
  if (error.code === 'WRONG_KIND' || error.code === 'WRONG_ORDER') {
    const command = insteadCommand(error);
    return command === null ? message : q.askInstead(message, command);
  }
  if (list !== '') return q.withSuggestions(message, list);
  if (error.code !== 'UNKNOWN_NAME' || error.input.trim() === '') return message;
  // Nothing near the name: the list of its kind, and a search for its words, are the next step.
  const listCommand = error.expected === null ? null : `ramq-access list ${LIST_OF[error.expected]}`;
  return q.nextStep(message, listCommand, `ramq-access search ${shellWord(error.input.trim())}`);
}

/** Shapes a question error for JSON. */
export function questionErrorJson(error: QuestionError, m: Messages): QuestionErrorJson {
  const instead = insteadCommand(error);
  return {
    code: error.code,
    // Prose for people: the name it quotes shows its control and invisible characters; `input` keeps them as typed.
    message: sanitizeText(questionErrorMessage(error, m)),
    // A name over the limit is not echoed back (it may be 64 KiB): the line number says which it was.
    input: error.code === 'NAME_TOO_LONG' ? '' : error.input,
    suggestions: error.suggestions,
    ...(instead === null ? {} : { instead }),
  };
}
