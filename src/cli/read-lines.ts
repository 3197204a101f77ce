import { isUtf8 } from 'node:buffer';
import type { ChunkReader } from '../catalog/load-catalog';
import type { BatchLine } from '../present/present-batch';

/**
 * The longest batch line, in bytes, not counting its line end. A longer line
 * is never held in memory: it is skipped to its end and answered with
 * LINE_TOO_LONG (the longest name is 300 characters, so a real question is
 * far shorter).
 */
export const MAX_LINE_BYTES = 64 * 1024;

/** Bytes asked of one read: what a pipe's buffer holds. */
const READ_BYTES = 64 * 1024;

const LF = 0x0a;
const CR = 0x0d;
const BOM = '\ufeff';

/**
 * The lines of an input read a chunk at a time, each as soon as its line end
 * arrives, then `null` once the complete lines of a read are given: the caller
 * writes its answers there, before the next read waits for more input (a
 * coprocess sends its next question only once it has the answer). Lines end
 * with LF or CRLF; a last line without a line end is a line too. Memory stays
 * within one read and one line of `maxBytes`, whatever the input's size.
 */
export function* readLines(read: ChunkReader, maxBytes = MAX_LINE_BYTES): Generator<BatchLine | null> {
  const chunk = Buffer.allocUnsafe(READ_BYTES);
  // The start of a line that a read cut off; one byte more than a line may have, for the CR of a CRLF.
  const partial = Buffer.allocUnsafe(maxBytes + 1);
  let partialLength = 0;
  // While skipping an over-long line: its bytes so far (-1 when not skipping) and its last byte (a CR then may be its line end's).
  let skipped = -1;
  let skippedLast = 0;
  let first = true;
  const take = (bytes: Uint8Array): BatchLine => {
    const line = textLine(bytes, maxBytes, first);
    first = false;
    return line;
  };
  const skippedLine = (): BatchLine => {
    const line: BatchLine = { refused: 'LINE_TOO_LONG', bytes: skippedLast === CR ? skipped - 1 : skipped, limit: maxBytes };
    skipped = -1;
    first = false;
    return line;
  };
  for (;;) {
    const n = read(chunk);
    if (n === 0) break;
    const view = chunk.subarray(0, n);
    let start = 0;
    for (let end = view.indexOf(LF); end !== -1; end = view.indexOf(LF, start)) {
      if (skipped >= 0) {
        skipped += end - start;
        if (end > start) skippedLast = view[end - 1]!;
        yield skippedLine();
      } else if (partialLength === 0) {
        yield take(view.subarray(start, end));
      } else if (partialLength + end - start > partial.length) {
        skipped = partialLength + end - start;
        skippedLast = end > start ? view[end - 1]! : partial[partialLength - 1]!;
        partialLength = 0;
        yield skippedLine();
      } else {
        partial.set(view.subarray(start, end), partialLength);
        const line = partial.subarray(0, partialLength + end - start);
        partialLength = 0;
        yield take(line);
      }
      start = end + 1;
    }
    const rest = n - start;
    if (skipped >= 0) {
      skipped += rest;
      if (rest > 0) skippedLast = view[n - 1]!;
    } else if (partialLength + rest > partial.length) {
      skipped = partialLength + rest;
      skippedLast = view[n - 1]!;
      partialLength = 0;
    } else {
      partial.set(view.subarray(start), partialLength);
      partialLength += rest;
    }
    yield null;
  }
  if (skipped >= 0) yield skippedLine();
  else if (partialLength > 0) yield take(partial.subarray(0, partialLength));
}

/** One complete line's bytes (a CR before its end dropped) as a question's text, or why it is not one. */
function textLine(bytes: Uint8Array, maxBytes: number, first: boolean): BatchLine {
  const line = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.subarray(0, bytes.length - 1) : bytes;
  if (line.length > maxBytes) return { refused: 'LINE_TOO_LONG', bytes: line.length, limit: maxBytes };
  const decoded = Buffer.from(line.buffer, line.byteOffset, line.length).toString('utf8');
  // A byte-order mark starts the input, not the first question.
  const text = first && decoded.startsWith(BOM) ? decoded.slice(1) : decoded;
  if (line.includes(0)) return { refused: 'BINARY_LINE', text };
  if (!isUtf8(line)) return { refused: 'NOT_UTF8', text };
  return { text };
}
