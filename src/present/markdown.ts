import { sanitizeText } from './sanitize';

/**
 * Escapes catalogue or page text for inline Markdown outside code (a paragraph, a title, a list item, a table
 * cell), so that it shows as written and makes nothing: no emphasis, code, link, image, HTML (`<!--` that hides
 * the rest of a comment, `<img>` that loads a remote image), entity (`&#x202E;`, which GitHub turns into a real
 * bidi override), strikethrough, table cell break, heading or list. Every character that can open markup is
 * backslash-escaped (CommonMark allows it before any ASCII punctuation, and shows the character), the starts of
 * GFM's bare autolinks (`https://`, `www.`, an address with `@`) are broken by an escape, and a line start that
 * would open a block (`- `, `+ `, `1.`) is escaped. Unsafe characters are made visible first (sanitizeText).
 * The one escaper for text in every markdown presenter; code spans and fences use mdCode and mdFence.
 */
export function mdText(s: string): string {
  return sanitizeText(s)
    .replace(/[\\`*_[\]<>|&~!#]/g, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@')
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** The longest run of backticks in a text. */
function longestBacktickRun(s: string): number {
  let longest = 0;
  for (const run of s.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/**
 * A CommonMark code span showing a text as it is. Backslash escapes do not
 * work inside a code span (`\<` shows the backslash), so the text is not
 * escaped: the span is delimited by a run of backticks longer than any in the
 * text, and padded with a space on each side when the text starts or ends with
 * a backtick (which would join the delimiter) or starts and ends with a space
 * (which CommonMark would strip), as the spec's own examples do.
 */
export function mdCode(s: string): string {
  const text = sanitizeText(s);
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  const spaced = text.startsWith(' ') && text.endsWith(' ') && /[^ ]/.test(text);
  const pad = text.startsWith('`') || text.endsWith('`') || spaced ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * A fenced code block holding lines as they are: its fence is a run of
 * backticks longer than any in the text (three at least), so that no line of
 * the text can close it.
 */
export function mdFence(info: string, lines: readonly string[]): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(lines.join('\n')) + 1));
  return [`${fence}${info}`, ...lines, fence].join('\n');
}
