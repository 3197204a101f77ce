import { createTwoFilesPatch } from 'diff';
import type { Messages } from './messages/messages';
import { sanitizeLines, sanitizeText } from './sanitize';
import { wrapHanging } from './text-formats';

/**
 * The most changed lines (removed plus added) `fmt --check` shows as a patch.
 * Myers' diff takes time in proportion to the file's length times the number
 * of changes, so a file far from canonical form (indented JSON, say, where
 * every line changes) took minutes; stopping the search at this many changes
 * bounds it, and such a file gets a count instead of an unreadable patch.
 */
export const MAX_PATCH_CHANGES = 2000;

/** Lower bounds of the lines a patch from `before` to `after` removes and adds: each line kept must be in both texts. */
export function countChangedLines(before: string, after: string): { removed: number; added: number } {
  const balance = new Map<string, number>();
  for (const line of before.split('\n')) balance.set(line, (balance.get(line) ?? 0) + 1);
  for (const line of after.split('\n')) balance.set(line, (balance.get(line) ?? 0) - 1);
  let removed = 0;
  let added = 0;
  for (const n of balance.values()) {
    if (n > 0) removed += n;
    else added -= n;
  }
  return { removed, added };
}

/**
 * What `fmt --check` prints for a file that is not in canonical form: a unified
 * diff, or, past MAX_PATCH_CHANGES changed lines, one sentence saying so with the
 * least number of lines removed and added (one line, or fitted to `width` at a
 * terminal; a patch is never wrapped).
 */
export function formatPatch(file: string, before: string, after: string, m: Messages, limit: number = MAX_PATCH_CHANGES, width = Infinity): string {
  // As git names an absolute path (`git diff --no-index /tmp/x ...`: `--- a/tmp/x`): `a//tmp/x` is a path
  // `git apply` refuses and `patch -p1` reads as absolute.
  const named = file.replace(/^\/+/, '');
  const patch = createTwoFilesPatch(`a/${named}`, `b/${named}`, before, after, undefined, undefined, { context: 3, maxEditLength: limit });
  if (patch === undefined) {
    const { removed, added } = countChangedLines(before, after);
    return `${wrapHanging('', sanitizeText(m.errors.tooManyChanges(file, limit, removed, added)), width, 2).join('\n')}\n`;
  }
  // Drop the "Index:"/separator preamble: keep the ---/+++ header and the hunks, like `diff -u`.
  const lines = patch.split('\n');
  const start = lines.findIndex((l) => l.startsWith('--- '));
  return sanitizeLines(lines.slice(start).join('\n'));
}
