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
  if (!utf8Bom && LATIN.has(label)) return new TextDecoder('windows-1252').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}
