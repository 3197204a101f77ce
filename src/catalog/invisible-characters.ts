/**
 * The one definition of the characters that show nothing, or change how the text around them shows,
 * as a fragment of a RegExp character class (for the `u` flag): the default-ignorable code points
 * (soft hyphen U+00AD, combining grapheme joiner U+034F, Hangul fillers U+115F, U+1160, U+3164,
 * U+FFA0, Khmer U+17B4-17B5, Mongolian U+180B-180F, zero-width characters and joiners U+200B-200D,
 * U+2060-206F, variation selectors, U+FEFF, U+FFF0-FFF8, tags U+E0000-E0FFF, ...), every other
 * format character (bidi marks, embeddings, overrides and isolates U+061C, U+200E, U+200F,
 * U+202A-202E, U+2066-2069; interlinear annotation U+FFF9-FFFB; musical U+1D173-1D17A; ...), the
 * line and paragraph separators U+2028 and U+2029, and the braille blank U+2800 (a letter-sized blank
 * that is not a space). The catalogue refuses them in every text (INVISIBLE_CHARACTER), and every
 * output escapes them (src/present/sanitize.ts). The schema's `text` pattern lists the same set within
 * the Basic Multilingual Plane only, as `\uXXXX` escapes that every regex engine reads (ECMAScript with
 * or without the u flag, Python's re, Rust's regex): those beyond it (tags, U+110BD, U+110CD,
 * U+13430-1343F, U+1BCA0-1BCA3, U+1D173-1D17A) are left to INVISIBLE_CHARACTER.
 */
export const INVISIBLE_CLASS = '\\p{Default_Ignorable_Code_Point}\\p{Cf}\\u2028\\u2029\\u2800';

const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'u');
const INVISIBLE_ALL = new RegExp(`[${INVISIBLE_CLASS}]`, 'gu');

/** An invisible character found in a text: its code point, and its place counted in characters (code points) from 1. */
export interface InvisibleCharacter {
  readonly codePoint: number;
  readonly position: number;
}

/** Finds the first invisible character of a text (see INVISIBLE_CLASS), or null when it has none. */
export function findInvisible(text: string): InvisibleCharacter | null {
  if (!INVISIBLE.test(text)) return null;
  let position = 0;
  for (const ch of text) {
    position++;
    if (INVISIBLE.test(ch)) return { codePoint: ch.codePointAt(0)!, position };
  }
  return null;
}

/** A text without its invisible characters. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE_ALL, '');
}
