// Characters a copy or a page may hold that are not text: soft hyphen, zero-width space and joiners, word joiner, byte-order mark.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** A line's text as the check compares it: composed (NFC), invisible characters dropped, every run of spaces (non-breaking ones too) one space. */
export function clean(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}
