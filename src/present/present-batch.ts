import type { NameReading } from '../query/access';
import type { Answer, QuestionError, Resolved } from '../query/ask';
import type { JsonCommand } from './formats';
import { readAsJson, type ErrorDocumentJson, type ErrorJson } from './json-output';
import type { Messages } from './messages/messages';
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
  /** The bytes its caches hold, as their limits count them. */
  readonly cachedBytes: () => number;
}

/** The bytes each cache of a batch may hold, counted as keys (two bytes a character), values and entries. */
export interface BatchCacheLimits {
  /** For the JSON lines of the answers, one per key of what an answer depends on. */
  readonly answerBytes: number;
  /** For lines already answered, by their text. */
  readonly lineBytes: number;
}

/**
 * 32 MiB, half for the answers and half for the lines: repeated questions are common in a batch, and so
 * are names spelt in many ways; distinct lines are not bounded, and memory must not grow with the input.
 * A full cache takes no more entries; answers then are made anew, as an error object always is.
 */
export const BATCH_CACHE_LIMITS: BatchCacheLimits = Object.freeze({ answerBytes: 16 * 1024 * 1024, lineBytes: 16 * 1024 * 1024 });

/** What one entry of a map costs besides its key and value, counted so that many short lines stay within the budget. */
const ENTRY_BYTES = 64;

/**
 * The JSON line of an answer, made once for every question with its key: the document with an empty
 * `read_as`, and where `read_as` stands in it (in bytes), so that the reading of each line's names is
 * written in its place. `at` is -1 when the document cannot be spliced (the check when it was made
 * failed): its lines are then made whole, each.
 */
interface Template {
  readonly bytes: Buffer;
  readonly at: number;
  readonly end: number;
}

const READ_AS = '"read_as":';
const EMPTY_READ_AS = Buffer.from(`${READ_AS}[]`, 'utf8');

/** The JSON line of a document (UTF-8, newline included). */
function jsonLine(document: unknown): Buffer {
  return Buffer.from(`${stringifyJson(document)}\n`, 'utf8');
}

/** The line of an answer whose `read_as` the template leaves out: the template's own bytes when the names were names. */
function splice(template: Template, readAs: readonly NameReading[]): Buffer {
  if (readAs.length === 0) return template.bytes;
  // stringifyJson escapes character by character and JSON.stringify writes a member as it writes its value alone: the same bytes as the whole document's.
  const member = Buffer.from(`${READ_AS}${stringifyJson(readAsJson(readAs))}`, 'utf8');
  return Buffer.concat([template.bytes.subarray(0, template.at), member, template.bytes.subarray(template.end)]);
}

/**
 * The template of an answer's line, from the first question with its key: the document with an empty
 * `read_as` (it stays where the document has it). It is checked against that question's own line, which
 * is the line given when the check fails.
 */
function templateOf(document: unknown, question: Resolved<unknown>): { template: Template; line: Buffer } {
  const whole = jsonLine(document);
  const blank = jsonLine(typeof document === 'object' && document !== null ? { ...document, read_as: [] } : document);
  // Inside a JSON string every `"` is escaped: an unescaped `"read_as":` is a member's name, and the answer has one such member.
  const at = blank.indexOf(EMPTY_READ_AS);
  if (at !== -1 && blank.indexOf(EMPTY_READ_AS, at + 1) === -1) {
    const template = { bytes: blank, at, end: at + EMPTY_READ_AS.length };
    const line = splice(template, question.read_as);
    if (line.equals(whole)) return { template, line };
  }
  return { template: { bytes: whole, at: -1, end: -1 }, line: whole };
}

/**
 * Answers a batch as NDJSON: one compact JSON document per input line, an error object standing in for
 * a bad line. Each line's names are resolved (resolveName remembers the last names that resolved to
 * nothing, whose near names are costly to rank); the answer's JSON is made once per key of what it
 * depends on (the entries named and the condition a name carried, see Resolved), and each line gets it
 * with the reading of its own names (`read_as`) in its place: a name spelt in a hundred ways is answered
 * once. A repeated line is answered once and its bytes reused. An error object is made for each line
 * that has one: it carries the line's number.
 */
export function presentBatch<R>(
  command: JsonCommand,
  resolve: (text: string) => Answer<Resolved<R>>,
  toJson: (result: R) => unknown,
  m: Messages,
  limits: BatchCacheLimits = BATCH_CACHE_LIMITS,
): BatchPresenter {
  let errors = 0;
  let line = 0;
  // Answers are kept as encoded bytes: a repeated question then costs a map look-up.
  const answers = new Map<string, Template>();
  let answerBytes = 0;
  const lines = new Map<string, Buffer>();
  let lineBytes = 0;
  /** The bytes that answer a question, and whether they are a template's (kept once, however many lines share them). */
  const answerBytesOf = (question: Resolved<R>): { bytes: Buffer; shared: boolean } => {
    const known = answers.get(question.key);
    if (known !== undefined) {
      if (known.at === -1) return { bytes: jsonLine(toJson(question.answer())), shared: false };
      const bytes = splice(known, question.read_as);
      return { bytes, shared: bytes === known.bytes };
    }
    const made = templateOf(toJson(question.answer()), question);
    const cost = made.template.bytes.length + 2 * question.key.length + ENTRY_BYTES;
    if (answerBytes + cost > limits.answerBytes) return { bytes: made.line, shared: false };
    answers.set(question.key, made.template);
    answerBytes += cost;
    return { bytes: made.line, shared: made.line === made.template.bytes };
  };
  return {
    answer: (input) => {
      line++;
      if ('refused' in input) {
        errors++;
        return errorLine(command, batchLineErrorJson(input, line, m));
      }
      const text = input.text;
      const known = lines.get(text);
      if (known !== undefined) return known;
      const question = resolve(text);
      if (!question.ok) {
        errors++;
        return errorLine(command, batchErrorJson(question.error, line, m));
      }
      const { bytes: out, shared } = answerBytesOf(question.result);
      // A line whose names were names shares its answer's bytes; a line with a reading has bytes of its own.
      const cost = 2 * text.length + ENTRY_BYTES + (shared ? 0 : out.length);
      if (lineBytes + cost <= limits.lineBytes) {
        lines.set(text, out);
        lineBytes += cost;
      }
      return out;
    },
    errors: () => errors,
    cachedBytes: () => answerBytes + lineBytes,
  };
}

function batchErrorJson(error: QuestionError, line: number, m: Messages): ErrorJson {
  const { code, message, input, suggestions, instead } = questionErrorJson(error, m);
  return { code, message, line, input, suggestions, ...(instead === undefined ? {} : { instead }) };
}

/** The error object of a line not read as a question; an over-long line is not echoed (it was never kept). */
function batchLineErrorJson(input: Extract<BatchLine, { refused: string }>, line: number, m: Messages): ErrorJson {
  const q = m.questions;
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
