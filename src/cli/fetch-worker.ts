/**
 * The fetch worker: a script of its own, run by fetchPage (src/cli/fetch-page.ts)
 * in a child process, so that the synchronous CLI can wait for Node's
 * asynchronous fetch. It reads one FetchRequest (JSON) on standard input and
 * writes one FetchHeader as a JSON line on standard output, followed, for a
 * page, by the body's raw bytes. Not part of the bundle: the build leaves it at
 * dist/cli/fetch-worker.js.
 */
import type { FetchFailure, FetchHeader, FetchRequest } from './fetch-page';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** The media types a page may be served as: HTML, XHTML, or a text copy. */
const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8';

type Answer = { header: FetchHeader; bytes?: Uint8Array };

const failed = (url: URL, failure: FetchFailure): Answer => ({ header: { kind: 'failed', url: url.href, failure } });

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

/** A failure of fetch itself (no HTTP answer), as data: the system's error code is on the error's cause. */
function networkFailure(error: unknown, url: URL, signal: AbortSignal, seconds: number): Answer {
  if (signal.aborted) return failed(url, { id: 'timeout', seconds });
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  // The system's code (ECONNRESET, CERT_HAS_EXPIRED...) when there is one; fetch's own reasons are English sentences, so they
  // become codes too (a port the Fetch standard blocks, such as 9 or 6000), or one that says only that fetch failed.
  const reason = typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : '';
  const code = typeof cause?.code === 'string' ? cause.code : reason === 'bad port' ? 'BAD_PORT' : 'FETCH_FAILED';
  if (code === 'ECONNREFUSED') return failed(url, { id: 'refused' });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') return failed(url, { id: 'dns', host: url.hostname });
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT')
    return failed(url, { id: 'timeout', seconds });
  return failed(url, { id: 'network', code });
}

/** Reads a body to its end, or stops one chunk past the limit (null). */
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

async function fetchOnce(request: FetchRequest): Promise<Answer> {
  const seconds = request.timeoutMs / 1000;
  // One deadline for the whole fetch, redirects and body included.
  const signal = AbortSignal.timeout(request.timeoutMs);
  let url = new URL(request.url);
  const headers: Record<string, string> = { accept: ACCEPT, 'user-agent': request.userAgent };
  if (request.etag !== null) headers['if-none-match'] = request.etag;
  if (request.lastModified !== null) headers['if-modified-since'] = request.lastModified;
  for (let redirects = 0; ;) {
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'manual', signal, headers });
    } catch (error) {
      return networkFailure(error, url, signal, seconds);
    }
    const status = response.status;
    if (REDIRECTS.has(status)) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (location === null) return failed(url, { id: 'http', status, statusText: response.statusText });
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
      await response.body?.cancel().catch(() => undefined);
      return { header: { kind: 'not-modified', url: url.href } };
    }
    if (status < 200 || status > 299) {
      await response.body?.cancel().catch(() => undefined);
      return failed(url, { id: 'http', status, statusText: response.statusText });
    }
    const rawType = response.headers.get('content-type');
    const { type, charset } = parseContentType(rawType);
    // No Content-Type at all: the reader tells a text copy from HTML by its content, as a browser sniffs it.
    if (type !== null && !PAGE_TYPES.has(type)) {
      await response.body?.cancel().catch(() => undefined);
      return failed(url, { id: 'notHtml', contentType: rawType ?? '' });
    }
    const announced = Number(response.headers.get('content-length') ?? NaN);
    if (Number.isFinite(announced) && announced > request.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return failed(url, { id: 'tooLarge', size: announced, limit: request.maxBytes });
    }
    let bytes: Uint8Array | null;
    try {
      bytes = response.body === null ? new Uint8Array(0) : await readAtMost(response.body, request.maxBytes);
    } catch (error) {
      return networkFailure(error, url, signal, seconds);
    }
    if (bytes === null) return failed(url, { id: 'tooLarge', size: null, limit: request.maxBytes });
    return {
      header: { kind: 'page', url: url.href, charset, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
      bytes,
    };
  }
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as FetchRequest;
  const { header, bytes } = await fetchOnce(request);
  const out = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), bytes ?? new Uint8Array(0)]);
  // Exit once written: an idle keep-alive connection must not hold the process.
  process.stdout.write(out, () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
