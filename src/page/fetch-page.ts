/**
 * check-source's page fetched by its address, in process, through the fetch
 * the CLI is given (src/cli/http-fetch.ts in a real run, a fake in tests):
 * one deadline, redirects followed by hand, the Content-Type, the size limit,
 * conditional headers, limits on the headers it keeps, and a page taken only
 * when its transfer provably ended where the server said it would.
 */

/** One HTTP answer as fetchPage reads it; a `Response` has this shape. */
export interface HttpAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  /** The body as it came, Content-Encoding not applied; the stream errors when the connection ends before the answer does. */
  readonly body: ReadableStream<Uint8Array> | null;
}

/**
 * One GET of an http(s) address, redirects not followed and the body not decoded: all check-source asks of the
 * network. It rejects with a ProxyError when the proxy it goes through fails it, with the system's error otherwise.
 */
export type Fetch = (url: URL, init: { readonly headers: Readonly<Record<string, string>>; readonly signal: AbortSignal }) => Promise<HttpAnswer>;

/** What to fetch, and within which limits. */
export interface FetchRequest {
  readonly url: string;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
  /** The recorded validators of the page, sent as If-None-Match and If-Modified-Since; null sends none. */
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly userAgent: string;
}

/** How a page fell short of its end: the transfer did not prove it whole. */
export type Shortfall =
  /** The connection ended or failed before the end of the answer (a reset, a chunked body without its last chunk). */
  | { readonly kind: 'connection'; readonly code: string }
  /** The body is not as long as its Content-Length. */
  | { readonly kind: 'length'; readonly received: number; readonly announced: number }
  /** A gzip, deflate or br stream stops before its own end (and checksum). */
  | { readonly kind: 'encoding'; readonly coding: string }
  /** No Content-Length, no chunked transfer, no compressed stream: nothing marks the end of the page. */
  | { readonly kind: 'unframed' };

/** Why a page could not be fetched: data, worded by src/present in the run's language. */
export type FetchFailure =
  | { readonly id: 'refused' }
  | { readonly id: 'dns'; readonly host: string }
  | { readonly id: 'network'; readonly code: string }
  | { readonly id: 'timeout'; readonly seconds: number }
  | { readonly id: 'http'; readonly status: number; readonly statusText: string }
  | { readonly id: 'tooManyRedirects'; readonly max: number }
  | { readonly id: 'badRedirect'; readonly location: string }
  | { readonly id: 'longRedirect'; readonly length: number; readonly limit: number }
  | { readonly id: 'headersTooLarge'; readonly limit: number }
  /** `size` is the Content-Length when the server announced it, null when the body (or its decoding) ran past the limit while read. */
  | { readonly id: 'tooLarge'; readonly size: number | null; readonly limit: number }
  | { readonly id: 'notHtml'; readonly contentType: string }
  | { readonly id: 'incomplete'; readonly shortfall: Shortfall }
  /** A Content-Encoding the reader does not decode, or a stream that does not decode (damaged, not what it says). */
  | { readonly id: 'badEncoding'; readonly coding: string }
  | ProxyFailure;

/** How the proxy a fetch went through failed it, before any answer of the site. */
export type ProxyTrouble =
  | { readonly kind: 'refused' }
  | { readonly kind: 'dns' }
  | { readonly kind: 'network'; readonly code: string }
  /** The proxy answered the CONNECT of an https:// address with other than 2xx. */
  | { readonly kind: 'tunnel'; readonly status: number; readonly statusText: string }
  /** The proxy answered a request it was to forward (an http:// address) with 407 Proxy Authentication Required. */
  | { readonly kind: 'request'; readonly status: number; readonly statusText: string };

/**
 * A failure of the proxy rather than of the site: `proxy` is its scheme, host and port, never its credentials;
 * `badProxy` names the variable (HTTPS_PROXY, http_proxy...) whose value is no http:// or https:// proxy address.
 */
export type ProxyFailure =
  { readonly id: 'proxy'; readonly proxy: string; readonly trouble: ProxyTrouble } | { readonly id: 'badProxy'; readonly variable: string };

/** What a Fetch throws when the proxy it goes through fails it: fetchPage reports the proxy, not the page's server. */
export class ProxyError extends Error {
  constructor(readonly failure: ProxyFailure) {
    super(failure.id === 'proxy' ? `the proxy ${failure.proxy} failed (${failure.trouble.kind})` : `${failure.variable} is no proxy address`);
    this.name = 'ProxyError';
  }
}

/** A validator the server sent past MAX_VALIDATOR_CHARS: not kept, so never recorded. */
export interface IgnoredValidator {
  readonly header: 'ETag' | 'Last-Modified';
  readonly length: number;
}

/** What the fetch found: the page, "not modified since the recorded validators", or a failure. `url` is the address after redirects. */
export type FetchAnswer =
  | {
      readonly kind: 'page';
      readonly url: string;
      /** The charset parameter of the Content-Type, or null. */
      readonly charset: string | null;
      readonly etag: string | null;
      readonly lastModified: string | null;
      readonly ignored: readonly IgnoredValidator[];
      /** The body, decoded from its Content-Encoding; the page reader decodes its characters. */
      readonly bytes: Uint8Array;
    }
  | { readonly kind: 'not-modified'; readonly url: string }
  | { readonly kind: 'failed'; readonly url: string; readonly failure: FetchFailure };

/** The longest redirect address followed, in characters: real ones are a few hundred; many servers and proxies refuse request lines past 8 KiB. */
export const MAX_REDIRECT_CHARS = 8 * 1024;
/** The longest ETag or Last-Modified kept, in characters (the catalogue records at most 500 and 100 of them). */
export const MAX_VALIDATOR_CHARS = 1024;
/** The most the headers of one answer may hold, in bytes (Node's own default, which the transport applies). */
export const MAX_HEADER_BYTES = 16 * 1024;
/** The longest status text or Content-Type quoted in a failure, in characters. */
const MAX_QUOTED_CHARS = 200;
/** Content codings applied one over the other that are decoded at most. */
const MAX_CODINGS = 3;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** The media types a page may be served as: HTML, XHTML, or a text copy. */
const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8';
/** The page is read in French (its "Qui a accès" lists), as a Quebec browser asks for it. */
const ACCEPT_LANGUAGE = 'fr-CA';
/** Asked for by name, so that the body comes as sent and is decoded here, strictly (see decodeBody). */
const ACCEPT_ENCODING = 'gzip, deflate, br';
/** The ports the Fetch standard blocks (https://fetch.spec.whatwg.org/#port-blocking), as browsers and Node's fetch do. */
const BLOCKED_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137,
  139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

const failed = (url: URL, failure: FetchFailure): FetchAnswer => ({ kind: 'failed', url: url.href, failure });
const quoted = (text: string): string => (text.length <= MAX_QUOTED_CHARS ? text : `${text.slice(0, MAX_QUOTED_CHARS)}…`);

/** The media type (lowercase, without parameters) and the charset of a Content-Type. */
function parseContentType(value: string | null): { type: string | null; charset: string | null } {
  if (value === null) return { type: null, charset: null };
  const [type = '', ...params] = value.split(';');
  let charset: string | null = null;
  for (const param of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]*)"?\s*$/i.exec(param);
    if (m) charset = m[1] === '' ? null : (m[1] ?? null);
  }
  return { type: type.trim().toLowerCase(), charset };
}

/** The system's code of an error (ECONNRESET, CERT_HAS_EXPIRED, HPE_HEADER_OVERFLOW...), on it or on its cause; FETCH_FAILED without one. */
function errorCode(error: unknown): string {
  for (let e: unknown = error, depth = 0; typeof e === 'object' && e !== null && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
  }
  return 'FETCH_FAILED';
}

/** How a connection to a proxy failed with `error` (for a Fetch that goes through one), as data. */
export function proxyTrouble(error: unknown): ProxyTrouble {
  const code = errorCode(error);
  if (code === 'ECONNREFUSED') return { kind: 'refused' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return { kind: 'dns' };
  return { kind: 'network', code };
}

/** A proxy's failure with its status text bounded, as other quoted texts are. */
function quotedProxyFailure(failure: ProxyFailure): ProxyFailure {
  if (failure.id !== 'proxy' || (failure.trouble.kind !== 'tunnel' && failure.trouble.kind !== 'request')) return failure;
  return { ...failure, trouble: { ...failure.trouble, statusText: quoted(failure.trouble.statusText) } };
}

/** A failure before any answer, as data. */
function networkFailure(error: unknown, url: URL, signal: AbortSignal, seconds: number): FetchAnswer {
  if (signal.aborted) return failed(url, { id: 'timeout', seconds });
  if (error instanceof ProxyError) return failed(url, quotedProxyFailure(error.failure));
  const code = errorCode(error);
  if (code === 'ECONNREFUSED') return failed(url, { id: 'refused' });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return failed(url, { id: 'dns', host: url.hostname });
  if (code === 'HPE_HEADER_OVERFLOW') return failed(url, { id: 'headersTooLarge', limit: MAX_HEADER_BYTES });
  return failed(url, { id: 'network', code });
}

/** An address the fetch does not ask at all: credentials in it (as fetch refuses), or a port browsers never connect to. */
function refusedAddress(url: URL): FetchFailure | null {
  if (url.username !== '' || url.password !== '') return { id: 'network', code: 'URL_CREDENTIALS' };
  if (url.port !== '' && BLOCKED_PORTS.has(Number(url.port))) return { id: 'network', code: 'BAD_PORT' };
  return null;
}

/** Reads a body to its end, or stops one chunk past the limit (null); a stream that errors throws. */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, length);
    length += value.length;
    if (length > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
}

/** The content codings of an answer, in the order they were applied ("identity" dropped), or the first one not decoded here. */
function codingsOf(header: string | null): { ok: true; codings: string[] } | { ok: false; coding: string } {
  const codings = (header ?? '')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  if (codings.length > MAX_CODINGS) return { ok: false, coding: codings.join(', ') };
  const unknown = codings.find((c) => !['gzip', 'x-gzip', 'deflate', 'br'].includes(c));
  return unknown === undefined ? { ok: true, codings } : { ok: false, coding: unknown };
}

/**
 * The body decoded from its content codings, last applied first, with zlib's
 * strict one-shot decoders: a stream cut before its end (and, for gzip and
 * deflate, its checksum) is an error there, where Node's fetch decodes it
 * leniently and hands on a prefix as the page. Each output is bounded by the
 * size limit, so that a small bomb stops there.
 */
function decodeBody(bytes: Uint8Array, codings: readonly string[], limit: number): { ok: true; bytes: Uint8Array } | { ok: false; failure: FetchFailure } {
  if (codings.length === 0) return { ok: true, bytes };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zlib = require('node:zlib') as typeof import('node:zlib');
  let out: Uint8Array = bytes;
  for (const coding of [...codings].reverse()) {
    const options = { maxOutputLength: limit };
    try {
      out = coding === 'br' ? zlib.brotliDecompressSync(out, options) : coding === 'deflate' ? zlib.inflateSync(out, options) : zlib.gunzipSync(out, options);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ERR_BUFFER_TOO_LARGE') return { ok: false, failure: { id: 'tooLarge', size: null, limit } };
      if (code === 'Z_BUF_ERROR') return { ok: false, failure: { id: 'incomplete', shortfall: { kind: 'encoding', coding } } };
      return { ok: false, failure: { id: 'badEncoding', coding } };
    }
  }
  return { ok: true, bytes: out };
}

/**
 * The page's body once its transfer is proven whole, or why not: the bytes
 * match the Content-Length, or the transfer was chunked (the fetch errors when
 * the last chunk does not come), and every content coding decodes to its own
 * end; a body with none of these has nothing that marks its end.
 */
async function readPage(answer: HttpAnswer, maxBytes: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; failure: FetchFailure }> {
  // A Transfer-Encoding overrides the Content-Length (RFC 9112, 6.3); one that does not end in chunked leaves the end to the connection's.
  const transfer = answer.headers.get('transfer-encoding');
  const chunked = transfer !== null && /(?:^|,)\s*chunked\s*$/i.test(transfer);
  const lengthHeader = transfer === null ? answer.headers.get('content-length') : null;
  const announced = lengthHeader !== null && /^\s*\d+\s*$/.test(lengthHeader) ? Number(lengthHeader) : null;
  if (announced !== null && announced > maxBytes) {
    await answer.body?.cancel().catch(() => undefined);
    return { ok: false, failure: { id: 'tooLarge', size: announced, limit: maxBytes } };
  }
  const codings = codingsOf(answer.headers.get('content-encoding'));
  if (!codings.ok) {
    await answer.body?.cancel().catch(() => undefined);
    return { ok: false, failure: { id: 'badEncoding', coding: codings.coding } };
  }
  const raw = answer.body === null ? new Uint8Array(0) : await readAtMost(answer.body, maxBytes);
  if (raw === null) return { ok: false, failure: { id: 'tooLarge', size: null, limit: maxBytes } };
  if (announced !== null && raw.length !== announced)
    return { ok: false, failure: { id: 'incomplete', shortfall: { kind: 'length', received: raw.length, announced } } };
  if (announced === null && !chunked && codings.codings.length === 0) return { ok: false, failure: { id: 'incomplete', shortfall: { kind: 'unframed' } } };
  return decodeBody(raw, codings.codings, maxBytes);
}

/** A validator header, unless past MAX_VALIDATOR_CHARS (then noted in `ignored`). */
function validator(answer: HttpAnswer, header: IgnoredValidator['header'], ignored: IgnoredValidator[]): string | null {
  const value = answer.headers.get(header);
  if (value === null || value.length <= MAX_VALIDATOR_CHARS) return value;
  ignored.push({ header, length: value.length });
  return null;
}

/**
 * Fetches a page through `fetch`. Expected failures come back as data: a
 * network failure, an HTTP error, a redirect the fetch does not follow, an
 * answer that is not a page, too large, or that arrived incomplete.
 */
export async function fetchPage(request: FetchRequest, fetch: Fetch): Promise<FetchAnswer> {
  const seconds = request.timeoutMs / 1000;
  // One deadline for the whole fetch, redirects and body included.
  const signal = AbortSignal.timeout(request.timeoutMs);
  let url = new URL(request.url);
  const headers: Record<string, string> = {
    accept: ACCEPT,
    'accept-encoding': ACCEPT_ENCODING,
    'accept-language': ACCEPT_LANGUAGE,
    'user-agent': request.userAgent,
  };
  if (request.etag !== null) headers['if-none-match'] = request.etag;
  if (request.lastModified !== null) headers['if-modified-since'] = request.lastModified;
  for (let redirects = 0; ;) {
    const refused = refusedAddress(url);
    if (refused !== null) return failed(url, refused);
    let answer: HttpAnswer;
    try {
      answer = await fetch(url, { headers, signal });
    } catch (error) {
      return networkFailure(error, url, signal, seconds);
    }
    const status = answer.status;
    const statusText = quoted(answer.statusText);
    if (REDIRECTS.has(status)) {
      await answer.body?.cancel().catch(() => undefined);
      const location = answer.headers.get('location');
      if (location === null) return failed(url, { id: 'http', status, statusText });
      if (location.length > MAX_REDIRECT_CHARS) return failed(url, { id: 'longRedirect', length: location.length, limit: MAX_REDIRECT_CHARS });
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        return failed(url, { id: 'badRedirect', location });
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return failed(url, { id: 'badRedirect', location: next.href });
      if (++redirects > request.maxRedirects) return failed(url, { id: 'tooManyRedirects', max: request.maxRedirects });
      url = next;
      continue;
    }
    // "Not modified" answers the validators we sent; a 304 nobody asked for is no page.
    if (status === 304 && (request.etag !== null || request.lastModified !== null)) {
      await answer.body?.cancel().catch(() => undefined);
      return { kind: 'not-modified', url: url.href };
    }
    if (status < 200 || status > 299) {
      await answer.body?.cancel().catch(() => undefined);
      return failed(url, { id: 'http', status, statusText });
    }
    const rawType = answer.headers.get('content-type');
    const { type, charset } = parseContentType(rawType);
    // No Content-Type at all: the reader tells a text copy from HTML by its content, as a browser sniffs it.
    if (type !== null && !PAGE_TYPES.has(type)) {
      await answer.body?.cancel().catch(() => undefined);
      return failed(url, { id: 'notHtml', contentType: quoted(rawType ?? '') });
    }
    let read: Awaited<ReturnType<typeof readPage>>;
    try {
      read = await readPage(answer, request.maxBytes);
    } catch (error) {
      // The body's stream failed: the connection ended before the answer did, or the deadline passed.
      if (signal.aborted) return failed(url, { id: 'timeout', seconds });
      return failed(url, { id: 'incomplete', shortfall: { kind: 'connection', code: errorCode(error) } });
    }
    if (!read.ok) return failed(url, read.failure);
    const ignored: IgnoredValidator[] = [];
    const etag = validator(answer, 'ETag', ignored);
    const lastModified = validator(answer, 'Last-Modified', ignored);
    return { kind: 'page', url: url.href, charset, etag, lastModified, ignored, bytes: read.bytes };
  }
}
