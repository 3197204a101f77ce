import { createTwoFilesPatch } from 'diff';
import { sanitizeLines } from './sanitize';

/** The unified diff `fmt --check` prints for a file that is not in canonical form. */
export function formatPatch(file: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3 });
  // Drop the "Index:"/separator preamble: keep the ---/+++ header and the hunks, like `diff -u`.
  const lines = patch.split('\n');
  const start = lines.findIndex((l) => l.startsWith('--- '));
  return sanitizeLines(lines.slice(start).join('\n'));
}
