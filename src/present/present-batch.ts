import { answerOf, type Answer, type QuestionError, type Resolved } from '../query/ask';
import type { ErrorDocumentJson, ErrorJson, JsonCommand } from './json-output';
import { messagesFor } from './messages/messages';
import type { Lang } from './options';
import { questionErrorJson } from './present-question-error';
import { stringifyJson } from './sanitize';

/**
 * One line of batch input as it was read: its text, or why it is not taken
 * as a question (a NUL byte, bytes that are not UTF-8, more bytes than a line
 * may have: such a line is skipped unread, so only its length is known).
 */
export type BatchLine =
  | { readonly text: string }
  | { readonly refused: 'BINARY_LINE' | 'NOT_UTF8'; readonly text: string }
  | { readonly refused: 'LINE_TOO_LONG'; readonly bytes: number; readonly limit: number };

/** The error codes of a batch line: a question's, or the line's own when it is not read as a question. */
export type BatchErrorCode = QuestionError['code'] | 'BINARY_LINE' | 'NOT_UTF8' | 'LINE_TOO_LONG';

function errorLine(command: JsonCommand, error: ErrorJson): Buffer {
  const document: ErrorDocumentJson = { command, error };
  return Buffer.from(`${stringifyJson(document)}\n`, 'utf8');
}

/** Answers batch lines one at a time, in input order. */
export interface BatchPresenter {
  /** The NDJSON line (UTF-8, newline included) that answers the next input line: the answer's JSON or an error object. */
  readonly answer: (line: BatchLine) => Uint8Array;
  /** How many lines so far got an error object. */
  readonly errors: () => number;
}

/**
 * Bytes the cache of answers may hold (questions and answers): repeated
 * questions are common in a batch, distinct ones are not bounded, and memory
 * must not grow with the input.
 */
const CACHE_BYTES = 32 * 1024 * 1024;

/**
 * Answers a batch as NDJSON: one compact JSON document per input line, an
 * error object standing in for a bad line. A repeated question is answered
 * once and its line reused (answers depend only on the line's text).
 */
export function presentBatch<R>(
  command: JsonCommand,
  resolve: (text: string) => Answer<Resolved<R>>,
  toJson: (result: R) => unknown,
  lang: Lang,
): BatchPresenter {
  let errors = 0;
  let line = 0;
  // Answers are kept as encoded bytes: a repeated question then costs a map look-up.
  const answered = new Map<string, Buffer>();
  let cached = 0;
  return {
    answer: (input) => {
      line++;
      if ('refused' in input) {
        errors++;
        return errorLine(command, batchLineErrorJson(input, line, lang));
      }
      const text = input.text;
      let out = answered.get(text);
      if (out === undefined) {
        const a = answerOf(resolve(text));
        if (a.ok) {
          out = Buffer.from(`${stringifyJson(toJson(a.result))}\n`, 'utf8');
          if (cached + out.length + 2 * text.length <= CACHE_BYTES) {
            answered.set(text, out);
            cached += out.length + 2 * text.length;
          }
        } else {
          errors++;
          out = errorLine(command, batchErrorJson(a.error, line, lang));
        }
      }
      return out;
    },
    errors: () => errors,
  };
}

function batchErrorJson(error: QuestionError, line: number, lang: Lang): ErrorJson {
  const { code, message, input, suggestions, instead } = questionErrorJson(error, lang);
  return { code, message, line, input, suggestions, ...(instead === undefined ? {} : { instead }) };
}

/** The error object of a line not read as a question; an over-long line is not echoed (it was never kept). */
function batchLineErrorJson(input: Extract<BatchLine, { refused: string }>, line: number, lang: Lang): ErrorJson {
  const q = messagesFor(lang).questions;
  const code: BatchErrorCode = input.refused;
  switch (input.refused) {
    case 'LINE_TOO_LONG':
      return { code, message: q.lineTooLong(input.bytes, input.limit), line, input: '', suggestions: [] };
    case 'BINARY_LINE':
      return { code, message: q.binaryLine, line, input: input.text, suggestions: [] };
    case 'NOT_UTF8':
      return { code, message: q.notUtf8Line, line, input: input.text, suggestions: [] };
  }
}
