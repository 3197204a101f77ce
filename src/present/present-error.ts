import type { Problem } from '../catalog/problem';
import type { QuestionError } from '../query/ask';
import type { JsonCommand } from './formats';
import { toJson, type ErrorCode, type ErrorDocumentJson, type ErrorJson } from './json-output';
import type { Messages } from './messages/messages';
import { problemsPresenter } from './problems-on-demand';
import { questionErrorJson } from './present-question-error';
import { sanitizeText, stringifyJson } from './sanitize';

/** What a run that ends without an answer knows of why, for its JSON error object: a question with no answer, or another error. */
export type RunError =
  | { readonly kind: 'question'; readonly error: QuestionError }
  | {
      readonly kind: 'other';
      readonly code: ErrorCode;
      /** The line said on standard error, in the run's language. */
      readonly message: string;
      /** The offending text (an option, a file), or empty. */
      readonly input: string;
      /** A catalogue's problems, when it could not be used. */
      readonly problems: readonly Problem[];
    };

/** Shapes why a run ends without an answer as the error object of a --batch line (without its line number). */
export function runErrorJson(e: RunError, m: Messages): ErrorJson {
  if (e.kind === 'question') return { ...questionErrorJson(e.error, m) };
  return {
    code: e.code,
    message: sanitizeText(e.message),
    input: e.input,
    suggestions: [],
    ...(e.problems.length === 0 ? {} : { problems: e.problems.map((p) => ({ ...problemsPresenter().problemJson(p, m), file: p.file })) }),
  };
}

/**
 * The one document a --json run that ends in an error writes on standard output: the error object of a --batch
 * line under its command (so `| jq` always has JSON to read). Compact on one line in --batch (NDJSON), else indented.
 */
export function presentErrorDocument(command: JsonCommand, error: ErrorJson, compact: boolean): string {
  const document: ErrorDocumentJson = { command, error };
  return compact ? `${stringifyJson(document)}\n` : toJson(document);
}
