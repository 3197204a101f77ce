import { decodeCatalogBytes, type ReadResult } from '../catalog/load-catalog';

/** How far into a page its `<meta charset>` is looked for, as browsers do (the HTML standard's prescan reads 1024 bytes). */
const PRESCAN_BYTES = 1024;

/** The encoding a WHATWG label names, as TextDecoder knows it; null for a label no browser knows (then it is ignored, as browsers do). */
function encodingOf(label: string): string | null {
  try {
    const encoding = new TextDecoder(label.trim()).encoding;
    // A page cannot declare itself UTF-16 from inside (its bytes would not read as ASCII): browsers read UTF-8 then; x-user-defined is windows-1252's bytes.
    if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8';
    return encoding === 'x-user-defined' ? 'windows-1252' : encoding;
  } catch {
    return null;
  }
}

/** The charset a `Content-Type` value gives (`text/html; charset=windows-1252`), or null. */
export function charsetOfContentType(contentType: string | null): string | null {
  const m = contentType === null ? null : /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return m?.[2] ?? null;
}

/** The charset the first bytes of an HTML page declare: `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...; charset=...">`. */
function declaredCharset(bytes: Uint8Array): string | null {
  // Bytes as Latin-1: every ASCII letter of a declaration is itself, whatever the encoding.
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES))
    .toString('latin1')
    .replace(/<!--[\s\S]*?-->/g, '');
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = meta[0];
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (direct && !/\bcontent\s*=/i.test(tag.slice(0, direct.index))) {
      const encoding = encodingOf(direct[1] ?? '');
      if (encoding !== null) return encoding;
    }
    if (/\bhttp-equiv\s*=\s*["']?\s*content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      const label = charsetOfContentType(`x;${(content?.[1] ?? content?.[2] ?? content?.[3] ?? '').replace(/^[^;]*;?/, '')}`);
      const encoding = label === null ? null : encodingOf(label);
      if (encoding !== null) return encoding;
    }
  }
  return null;
}

/**
 * Decodes a page's bytes as a browser would: a byte-order mark first, then
 * the charset of the HTTP answer, then (for HTML) the page's own `<meta
 * charset>`, else UTF-8. UTF-8 is decoded strictly (bytes that are not UTF-8
 * are refused, as for a catalogue: a replacement character could change a
 * name); another declared encoding is decoded as declared. `file` names the
 * input in a problem.
 */
export function decodePageBytes(bytes: Uint8Array, file: string, httpCharset: string | null = null): ReadResult {
  const bom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? 'utf-8'
      : bytes[0] === 0xff && bytes[1] === 0xfe
        ? 'utf-16le'
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? 'utf-16be'
          : null;
  const fromHttp = httpCharset === null ? null : encodingOf(httpCharset);
  const start = Buffer.from(bytes.subarray(0, 64))
    .toString('latin1')
    .replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '');
  const html = /^\s*<[!?a-zA-Z]/.test(start);
  const encoding = bom ?? fromHttp ?? (html ? declaredCharset(bytes) : null) ?? 'utf-8';
  if (encoding === 'utf-8') return decodeCatalogBytes(bytes, file);
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be') {
    // A NUL byte in a single-byte page is a binary file, whatever it declares.
    const strict = decodeCatalogBytes(bytes.indexOf(0) === -1 ? new Uint8Array(0) : bytes, file);
    if (!strict.ok && strict.problem.detail.id === 'binary') return strict;
  }
  return { ok: true, text: encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding, { ignoreBOM: false }).decode(bytes) };
}

// windows-1252's bytes 0x80 to 0x9F (the WHATWG index); the rest are Latin-1's. Node's TextDecoder reads them as Latin-1's C1 controls, so "’" would become U+0092.
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes windows-1252 (what browsers read for "iso-8859-1", "latin1", "us-ascii" and "windows-1252" alike). */
function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}
