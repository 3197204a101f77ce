import type { QuestionError } from '../query/ask';
import type { Suggestion } from '../query/resolve-name';

/** A question error as batch lines show it (the JSON keeps the suggestions as data). */
export interface QuestionErrorJson {
  readonly code: QuestionError['code'];
  readonly message: string;
  readonly input: string;
  readonly suggestions: readonly Suggestion[];
}

function kindWord(error: QuestionError): string {
  return error.expected ?? 'name';
}

/** The short sentence for a question with no answer, without its suggestions. */
export function questionErrorMessage(error: QuestionError): string {
  switch (error.code) {
    case 'AMBIGUOUS_NAME':
      return `"${error.input}" is ambiguous`;
    case 'UNKNOWN_NAME':
      return `unknown ${kindWord(error)} "${error.input}"`;
    case 'BAD_LINE':
      return error.expected === null ? 'expected "clientele<TAB>service"' : `expected a ${error.expected} name`;
  }
}

/** One line for a person: what went wrong and what the name could have meant. */
export function describeQuestionError(error: QuestionError): string {
  const list = error.suggestions.map((s) => `${s.id} (${s.name})`).join(', ');
  if (error.code === 'AMBIGUOUS_NAME') return `"${error.input}" is ambiguous; it could mean: ${list}`;
  return `${questionErrorMessage(error)}${list === '' ? '' : `; did you mean: ${list}`}`;
}

/** Shapes a question error for JSON. */
export function questionErrorJson(error: QuestionError): QuestionErrorJson {
  return { code: error.code, message: questionErrorMessage(error), input: error.input, suggestions: error.suggestions };
}
