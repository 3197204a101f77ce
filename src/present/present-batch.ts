import type { Answer, QuestionError } from '../query/ask';
import type { Lang } from './options';
import { questionErrorJson } from './present-question-error';
import { stringifyJson } from './sanitize';

/** Lines of NDJSON per chunk: big enough to amortise writes, small enough to keep memory flat. */
const CHUNK_LINES = 4096;

/** A batch's output, produced chunk by chunk, and how many lines held a bad question. */
export interface BatchOutput {
  /** UTF-8 bytes, ready to write. */
  readonly chunks: Iterable<Uint8Array>;
  /** Read after the chunks have been consumed. */
  readonly errors: () => number;
}

/**
 * Answers a batch as NDJSON: one compact JSON document per input line, in
 * order, an error object standing in for a bad line. A repeated question is
 * answered once and its line reused (answers depend only on the line's text).
 */
export function presentBatch<R>(lines: Iterable<string>, answer: (text: string) => Answer<R>, toJson: (result: R) => unknown, lang: Lang): BatchOutput {
  let errors = 0;
  // Answers are kept as encoded bytes: a repeated question then costs a map look-up and a copy.
  function* chunks(): Generator<Uint8Array> {
    const answered = new Map<string, Buffer>();
    let chunk: Buffer[] = [];
    let line = 0;
    for (const text of lines) {
      line++;
      let out = answered.get(text);
      if (out === undefined) {
        const a = answer(text);
        if (a.ok) {
          out = Buffer.from(`${stringifyJson(toJson(a.result))}\n`, 'utf8');
          if (answered.size < 100_000) answered.set(text, out);
        } else {
          errors++;
          out = Buffer.from(`${stringifyJson({ error: batchErrorJson(a.error, line, lang) })}\n`, 'utf8');
        }
      }
      chunk.push(out);
      if (chunk.length === CHUNK_LINES) {
        yield Buffer.concat(chunk);
        chunk = [];
      }
    }
    if (chunk.length > 0) yield Buffer.concat(chunk);
  }
  return { chunks: chunks(), errors: () => errors };
}

function batchErrorJson(error: QuestionError, line: number, lang: Lang): unknown {
  const { code, message, input, suggestions, instead } = questionErrorJson(error, lang);
  return { code, message, line, input, suggestions, ...(instead === undefined ? {} : { instead }) };
}
