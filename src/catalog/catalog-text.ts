import { findInvisible } from './invisible-characters';

/** The most characters (code points) a text of the catalogue may have: the schema's `text` maxLength. */
export const MAX_TEXT_LENGTH = 1000;

/**
 * Whether a string may stand as a text of the catalogue (a condition, a
 * name): what the schema's `text` allows, at most MAX_TEXT_LENGTH characters,
 * one line with a visible character, no control character and no invisible
 * or formatting one (a bidi override, a zero-width space). check-source
 * writes a condition the page states only when it is one.
 */
export function isCatalogText(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(text) || findInvisible(text) !== null || text.trim() === '') return false;
  // A code point is one or two UTF-16 units: only a length between the two bounds needs counting.
  if (text.length <= MAX_TEXT_LENGTH) return true;
  return text.length <= 2 * MAX_TEXT_LENGTH && [...text].length <= MAX_TEXT_LENGTH;
}
