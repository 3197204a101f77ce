import { INVISIBLE_CLASS } from '../catalog/invisible-characters';

// The characters no output may carry raw, defined once: C0 controls, DEL and C1 controls (ESC and
// CSI start escape sequences, OSC sets a terminal's title), every character that shows nothing or
// changes how text shows (bidi marks, overrides and isolates, zero-width characters, soft hyphen,
// line and paragraph separators, tags, ...: src/catalog/invisible-characters.ts), and lone
// surrogates. Text shows them as visible `\u{..}`; JSON as `\uXXXX` escapes of the same string.
const C0 = '\\u0000-\\u001f';
const DEL_AND_C1 = '\\u007f-\\u009f';
const UNSAFE = new RegExp(`[${C0}${DEL_AND_C1}${INVISIBLE_CLASS}\\p{Cs}]`, 'gu');
// JSON.stringify already escapes C0 controls and lone surrogates; a raw C0 character in its output is
// the indentation's own line break.
const UNSAFE_IN_JSON = new RegExp(`[${DEL_AND_C1}${INVISIBLE_CLASS}]`, 'gu');

/** A character written as visible `\u{..}` text (its code point in hexadecimal). */
export function visibleCodePoint(ch: string): string {
  return `\\u{${ch.codePointAt(0)!.toString(16)}}`;
}

/** Makes catalogue or user text safe to print on a terminal: control characters, escape sequences and invisible characters become visible `\u{..}` text. */
export function sanitizeText(text: string): string {
  return text.replace(UNSAFE, visibleCodePoint);
}

/** Sanitises each line of a text of several lines: the line breaks are the caller's own, everything inside a line is neutralised. */
export function sanitizeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => sanitizeText(line))
    .join('\n');
}

/** `\uXXXX` escapes of a character's UTF-16 code units (a surrogate pair for a character beyond U+FFFF). */
function jsonEscape(ch: string): string {
  let out = '';
  for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * JSON.stringify whose text holds no unsafe character raw (see above): each is written as `\uXXXX`,
 * so the text is still JSON and parses back to the very same value, but a terminal, a log viewer or
 * a diff shows it for what it is. Such characters can only stand inside JSON strings, where an
 * escape means the same as the character.
 */
export function stringifyJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE_IN_JSON, jsonEscape);
}
