/** Labels of the single-byte encodings a French page is served in besides UTF-8; WHATWG reads all of them as windows-1252. */
const LATIN = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'l1', 'us-ascii', 'ascii']);

/**
 * The text of a page fetched by its address, from its bytes and the charset
 * of its Content-Type (null when the server gave none): a byte-order mark
 * wins (and is dropped), then a Latin-1 family label, else UTF-8. A minimal
 * version, to be replaced by the page reader's own decoder (which also reads
 * `<meta charset>`).
 */
export function decodePage(bytes: Uint8Array, httpCharset: string | null): string {
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const label = httpCharset?.trim().toLowerCase() ?? '';
  if (!utf8Bom && LATIN.has(label)) return decodeWindows1252(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Windows-1252's characters for the bytes 0x80-0x9f (five of them unassigned, read as the C1 control of that number, as WHATWG does). */
const HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

// By hand: Node 20's TextDecoder('windows-1252') reads the bytes as Latin-1, 0x92 as U+0092 instead of "’".
function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? HIGH.charCodeAt(b - 0x80) : b)));
  }
  return text;
}
