/**
 * check-source fetching the page by its address, in process: local servers on 127.0.0.1 (started here, stopped
 * after) serve the page, errors, redirects, slow, huge, cut and reset answers, and the CLI runs in this process
 * (runCli) through the real transport (src/cli/http-fetch.ts). Cases about our handling of an answer rather than
 * its transfer (sizes, codings, validators) hand the CLI a fake fetch that returns a Response. One case runs the
 * real executable. Nothing reaches the internet.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { editCatalogText } from '../src/catalog/edit-catalog';
import { createHttpFetch } from '../src/cli/http-fetch';
import { decodePageBytes } from '../src/page/decode-page';
import type { Fetch } from '../src/page/fetch-page';
import { isRecordable } from '../src/query/check-source';
import { BIN, CATALOG, FIXTURES, frenchSpaces, ROOT, runCli, type RunOutput } from './helpers';

const SOURCE = path.join(FIXTURES, 'source');
const COPY = fs.readFileSync(path.join(SOURCE, 'liste-des-services-en-ligne.txt'), 'utf8');
const HTML = fs.readFileSync(path.join(SOURCE, 'liste-des-services-en-ligne.html'));
const CATALOG_TEXT = fs.readFileSync(CATALOG, 'utf8');
const MiB = 1024 * 1024;
const ETAG = '"v1-liste"';
const LAST_MODIFIED = 'Wed, 25 Nov 2026 08:00:00 GMT';
// 2026-01-15 (UTC): the day --write records in these tests.
const DAY = { SOURCE_DATE_EPOCH: '1768435200' };

/** Windows-1252's bytes 0x80-0x9f; the rest of Latin-1 is its own code point. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Text in windows-1252 (every character of the page has a byte there). */
function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const code = c.codePointAt(0)!;
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      const high = CP1252_HIGH.indexOf(c);
      if (high === -1) throw new Error(`no windows-1252 byte for U+${code.toString(16)}`);
      return 0x80 + high;
    }),
  );
}

/**
 * The text copy with its last two services moved up, so that its last "Qui a accès" list has seven items (the
 * copy ends with a list of one), and that page cut just before the last item: read as whole, the cut page drops
 * one grant (Personnel administratif of Inscription de la clientèle des professionnels de la santé), which --write
 * would remove. What a page that arrived incomplete must never do.
 */
const WHOLE = ((): string => {
  const moved = COPY.indexOf('Le Rapport de votre offre');
  const block = COPY.indexOf('Ce service en ligne vous permet de gérer les inscriptions');
  return `${COPY.slice(0, block)}${COPY.slice(moved).replace(/\n?$/, '\n')}${COPY.slice(block, moved)}`;
})();
const CUT = Buffer.from(WHOLE.slice(0, WHOLE.lastIndexOf('- Personnel administratif')), 'utf8');

type Coding = 'gzip' | 'deflate' | 'br';

/** `bytes` compressed and flushed, without the end of the stream (no final block, no checksum): a decoder that tolerates that reads exactly `bytes`. */
function cutStream(coding: Coding, bytes: Buffer): Promise<Buffer> {
  const z = coding === 'gzip' ? zlib.createGzip() : coding === 'deflate' ? zlib.createDeflate() : zlib.createBrotliCompress();
  const flush = coding === 'br' ? zlib.constants.BROTLI_OPERATION_FLUSH : zlib.constants.Z_SYNC_FLUSH;
  const chunks: Buffer[] = [];
  z.on('data', (chunk: Buffer) => chunks.push(chunk));
  z.write(bytes);
  return new Promise((resolve) => z.flush(flush, () => setImmediate(() => resolve(Buffer.concat(chunks)))));
}

/** `bytes` compressed whole. */
function compressed(coding: Coding, bytes: Buffer): Buffer {
  return coding === 'gzip' ? zlib.gzipSync(bytes) : coding === 'deflate' ? zlib.deflateSync(bytes) : zlib.brotliCompressSync(bytes);
}

/** The text copy with a paragraph that pads it to exactly `size` bytes (a text copy: an HTML page of 4 MiB takes seconds to parse). */
function paddedCopy(size: number): Buffer {
  return Buffer.from(`${COPY}\n${'x'.repeat(size - Buffer.byteLength(COPY) - 1)}`, 'utf8');
}

/** Requests the server received, by path: their conditional headers. */
const seen: { path: string; ifNoneMatch: string | undefined; ifModifiedSince: string | undefined; userAgent: string | undefined }[] = [];
const held = new Set<http.ServerResponse>();
const LONG_ADDRESS = `/liste?${'a'.repeat(15000 - '/liste?'.length)}`;
// Backslashes and "é": characters that JSON and URLs escape, so that the old worker's protocol line outgrew its buffer (exit 70).
const LONG_ETAG = `"${'\\'.repeat(14998)}"`;
const FULL_PAGE = paddedCopy(4 * MiB);

const server = http.createServer((req, res) => {
  const at = req.url ?? '/';
  seen.push({ path: at, ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'], userAgent: req.headers['user-agent'] });
  switch (at.split('?')[0]) {
    case '/liste':
      if (req.headers['if-none-match'] === ETAG) {
        res.writeHead(304, { etag: ETAG });
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: ETAG, 'last-modified': LAST_MODIFIED });
      return res.end(HTML);
    case '/copie.txt':
      res.writeHead(200, { 'content-type': 'text/plain; charset=UTF-8' });
      return res.end(COPY);
    case '/latin1':
      res.writeHead(200, { 'content-type': 'text/plain; charset=windows-1252' });
      return res.end(windows1252(COPY));
    case '/drupal':
      // A page whose charset only its own <meta> gives.
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(fs.readFileSync(path.join(SOURCE, 'liste-des-services-en-ligne-drupal-windows-1252.html')));
    case '/gzip':
    case '/deflate':
    case '/br': {
      // The whole page compressed, with its Content-Length: what a server that compresses sends.
      const body = compressed(at.slice(1) as Coding, Buffer.from(WHOLE, 'utf8'));
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-encoding': at.slice(1), 'content-length': body.length });
      return res.end(body);
    }
    case '/moved':
      res.writeHead(301, { location: '/liste' });
      return res.end();
    case '/loop':
      res.writeHead(302, { location: '/loop' });
      return res.end();
    case '/to-ftp':
      res.writeHead(302, { location: 'ftp://127.0.0.1/liste' });
      return res.end();
    case '/to-long':
      res.writeHead(302, { location: LONG_ADDRESS });
      return res.end();
    case '/long-headers':
      // Two headers of 9,000 characters: past the 16 KiB of headers an answer may hold.
      res.writeHead(200, { 'content-type': 'text/html', 'x-one': 'a'.repeat(9000), 'x-two': 'b'.repeat(9000) });
      return res.end(HTML);
    case '/slow':
      // Headers, then nothing: the body never ends.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!DOCTYPE html><p>');
      held.add(res);
      return;
    case '/huge-announced':
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(5 * MiB) });
      res.write('<!DOCTYPE html>');
      held.add(res);
      return;
    case '/huge': {
      // No Content-Length: 5 MiB in chunks; the reader must stop past 4 MiB.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const more = (): void => {
        while (sent < 5 * MiB) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      res.on('error', () => undefined);
      return more();
    }
    case '/style.css':
      res.writeHead(200, { 'content-type': 'text/css' });
      return res.end('body { color: black }');
    case '/connexion':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<!DOCTYPE html><html><body><h1>Connexion</h1><form><label>Courriel</label><input name="courriel"></form></body></html>');
    default:
      res.writeHead(404, { 'content-type': 'text/html' });
      return res.end('<!DOCTYPE html><h1>Page introuvable</h1>');
  }
});

/** What the raw server sends for each path: its exact bytes, then how the connection ends. */
const transfers = new Map<string, { head: string; body: Buffer; end: 'close' | 'reset' }>();
const head = (lines: string): string => `HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n${lines}\r\n`;

/** A server that writes answers byte by byte as a test says (HTTP/1.1 by hand), for transfers node:http would not send. */
const raw = net.createServer((socket) => {
  socket.on('error', () => undefined);
  let request = '';
  socket.on('data', (data: Buffer) => {
    request += data.toString('latin1');
    if (!request.includes('\r\n\r\n')) return;
    const transfer = transfers.get(request.split(' ')[1]?.split('?')[0] ?? '');
    if (transfer === undefined) return void socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
    socket.write(transfer.head, 'latin1');
    socket.write(transfer.body);
    // A reset once the bytes are sent: RST instead of FIN, as a crashed server or a proxy that gives up.
    if (transfer.end === 'reset') setTimeout(() => socket.resetAndDestroy(), 50);
    else socket.end();
  });
});

let base = '';
let rawBase = '';
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-check-source-fetch-'));
let serial = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  rawBase = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
  for (const coding of ['gzip', 'deflate', 'br'] as const) {
    const body = await cutStream(coding, CUT);
    transfers.set(`/cut-${coding}`, {
      head: head(`Content-Encoding: ${coding}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n`),
      body,
      end: 'close',
    });
  }
  const chunk = Buffer.concat([Buffer.from(`${CUT.length.toString(16)}\r\n`), CUT, Buffer.from('\r\n')]);
  transfers.set('/whole-identity', { head: head(`Content-Length: ${CUT.length}\r\n`), body: CUT, end: 'close' });
  transfers.set('/short', { head: head(`Content-Length: ${Buffer.byteLength(WHOLE)}\r\n`), body: CUT, end: 'close' });
  transfers.set('/chunked-cut', { head: head('Transfer-Encoding: chunked\r\nConnection: close\r\n'), body: chunk, end: 'close' });
  transfers.set('/reset', { head: head('Transfer-Encoding: chunked\r\nConnection: close\r\n'), body: chunk, end: 'reset' });
  // Both long headers of issue 30: a 15,000-character address (which this server, unlike node:http's, takes) to a page with a 15,000-character ETag.
  const location = `/long-etag?${'é'.repeat(15000 - '/long-etag?'.length)}`;
  transfers.set('/to-long-etag', { head: `HTTP/1.1 302 Found\r\nLocation: ${location}\r\nContent-Length: 0\r\n\r\n`, body: Buffer.alloc(0), end: 'close' });
  transfers.set('/long-etag', { head: head(`ETag: ${LONG_ETAG}\r\nContent-Length: ${FULL_PAGE.length}\r\n`), body: FULL_PAGE, end: 'close' });
});

afterAll(async () => {
  for (const res of held) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await new Promise<void>((resolve) => raw.close(() => resolve()));
  fs.rmSync(TMP, { recursive: true, force: true });
});

/** Runs the CLI in process, its fetch the real transport (to this file's local servers). */
function fetchCli(argv: string[], env: Record<string, string> = {}): Promise<RunOutput> {
  // The real transport, with no proxy whatever the environment of the test run says.
  return runCli(argv, env, false, '', 80, createHttpFetch({}));
}

/** Runs the CLI in process with a fake fetch that answers `respond` for every address it is asked. */
function fakeCli(argv: string[], respond: (url: URL) => Response, env: Record<string, string> = {}): Promise<RunOutput> {
  const fetch: Fetch = (url) => Promise.resolve(respond(url));
  return runCli(argv, env, false, '', 80, fetch);
}

/** A 200 answer holding `body`, with its Content-Length, as a server sends one. */
function answer(body: Buffer | string, headers: Record<string, string> = {}): Response {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return new Response(bytes, { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(bytes.length), ...headers } });
}

/** A copy of the shipped catalogue whose source lines are `source` (the lines after `publisher:`, up to the blank line). */
function catalogWithSource(lines: readonly string[]): string {
  const text = CATALOG_TEXT.replace(/^( {2}publisher: .*\n)(?: {2}.*\n)*/m, (_, publisher: string) => `${publisher}${lines.map((l) => `  ${l}\n`).join('')}`);
  const file = path.join(TMP, `${serial++}-catalog.yaml`);
  fs.writeFileSync(file, text);
  return file;
}

const RECORDED = ['checked: 2026-11-27', 'sha256: a2ad4afe371ba8a62417f412acc5bc3a109b795bd291a069fc9197d2ce7fd044'];

describe('check-source URL: a page fetched by its address', () => {
  test('the HTML page served as text/html agrees (exit 0), the report names the address', async () => {
    const out = await fetchCli(['check-source', `${base}/liste`, '--json']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    const report = JSON.parse(out.stdout) as { page: string; agrees: boolean; form: string };
    expect(report).toMatchObject({ page: `${base}/liste`, agrees: true, form: 'html' });
  });

  test('a text copy served as text/plain agrees; a redirect is followed', async () => {
    expect((await fetchCli(['check-source', `${base}/copie.txt`])).code).toBe(0);
    const moved = await fetchCli(['check-source', `${base}/moved`, '--lang', 'en']);
    expect([moved.code, moved.stderr]).toEqual([0, '']);
    expect(moved.stdout).toContain('The catalogue agrees with the page');
  });

  test('a page compressed with gzip, deflate or br, whole, is decoded and agrees', async () => {
    for (const coding of ['gzip', 'deflate', 'br']) {
      const out = await fetchCli(['check-source', `${base}/${coding}`, '--json']);
      expect([coding, out.code, out.stderr]).toEqual([coding, 0, '']);
      expect((JSON.parse(out.stdout) as { counts: { matched: number } }).counts.matched).toBe(116);
    }
  });

  test('the charset of the HTTP header decodes the page: windows-1252 "é" and "’" read right, and read as UTF-8 they would not', async () => {
    const decodePage = (bytes: Uint8Array, charset: string | null): string => {
      const r = decodePageBytes(bytes, 'page', charset);
      return r.ok ? r.text : `problem: ${r.problem.detail.id}`;
    };
    expect(decodePage(windows1252('Médecin d’un GMF'), 'windows-1252')).toBe('Médecin d’un GMF');
    expect(decodePage(windows1252('Médecin'), null)).toBe('problem: notUtf8');
    expect(decodePage(Buffer.from('\ufeffMédecin', 'utf8'), 'windows-1252')).toBe('Médecin');
    const out = await fetchCli(['check-source', `${base}/latin1`, '--json']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect((JSON.parse(out.stdout) as { agrees: boolean }).agrees).toBe(true);
  });

  test('with no charset in the HTTP answer, the page’s own <meta charset> decodes it (a windows-1252 Drupal page agrees)', async () => {
    const out = await fetchCli(['check-source', `${base}/drupal`, '--json']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect((JSON.parse(out.stdout) as { counts: { matched: number } }).counts.matched).toBe(116);
  });

  test('check-source with no PAGE fetches the catalogue’s source.url and agrees (exit 0)', async () => {
    const catalog = catalogWithSource([`url: ${base}/liste`, ...RECORDED]);
    const before = seen.length;
    const out = await fetchCli(['check-source', '--catalog', catalog, '--lang', 'en']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toContain(`${base}/liste -> ${catalog}`);
    expect(out.stdout).toContain('The catalogue agrees with the page on all its list items: 116 items');
    // Nothing recorded, nothing asked conditionally; the tool says who it is.
    expect(seen.slice(before)).toEqual([
      { path: '/liste', ifNoneMatch: undefined, ifModifiedSince: undefined, userAgent: expect.stringMatching(/^ramq-access\//) },
    ]);
  });

  test('with a recorded etag, a 304 Not Modified agrees without reading: one line, exit 0, If-None-Match and If-Modified-Since sent', async () => {
    const catalog = catalogWithSource([`url: ${base}/liste`, ...RECORDED, `etag: '${ETAG}'`, `last_modified: ${LAST_MODIFIED}`]);
    const before = seen.length;
    for (const [lang, words] of [
      ['en', 'not modified since the last check on 2026-11-27 (HTTP 304)'],
      ['fr', 'inchangée depuis la dernière vérification, le 2026-11-27 (HTTP 304)'],
    ] as const) {
      const out = await fetchCli(['check-source', '--catalog', catalog, '--lang', lang]);
      expect(out.code).toBe(0);
      expect(out.stdout).toBe('');
      expect(out.stderr.split('\n')).toHaveLength(2);
      expect(out.stderr).toContain(words);
    }
    expect(seen.slice(before).map((s) => [s.ifNoneMatch, s.ifModifiedSince])).toEqual([
      [ETAG, LAST_MODIFIED],
      [ETAG, LAST_MODIFIED],
    ]);
  });

  test('--write from a fetched page records its ETag and Last-Modified; the next check is a 304; a write from a file removes them', async () => {
    const catalog = catalogWithSource([`url: ${base}/liste`, ...RECORDED]);
    const written = await fetchCli(['check-source', '--catalog', catalog, '--write'], DAY);
    expect(written.code).toBe(0);
    const text = fs.readFileSync(catalog, 'utf8');
    expect(text).toContain(`  checked: "2026-01-15"\n`);
    expect(text).toContain(`  etag: '${ETAG}'\n  last_modified: ${LAST_MODIFIED}\n`);
    // The written catalogue is canonical: fmt --check has nothing to say.
    expect((await runCli(['fmt', '--check', catalog])).code).toBe(0);
    const again = await fetchCli(['check-source', '--catalog', catalog, '--lang', 'en']);
    expect([again.code, again.stdout]).toEqual([0, '']);
    expect(again.stderr).toContain('(HTTP 304)');
    // A check recorded from another reading (a saved file, another day) drops validators that stood for the fetched one.
    const edited = editCatalogText(text, catalog, [{ op: 'record-check', checked: '2026-01-16', sha256: 'a'.repeat(64) }]);
    expect(edited.ok && !/etag|last_modified/.test(edited.text)).toBe(true);
  });

  test('a validator the schema could not hold is not recorded', () => {
    expect(isRecordable(ETAG, 500)).toBe(true);
    expect(isRecordable('W/"a b"', 500)).toBe(true);
    expect(isRecordable('"é"', 500)).toBe(false);
    expect(isRecordable(' "x"', 500)).toBe(false);
    expect(isRecordable('x'.repeat(501), 500)).toBe(false);
    expect(isRecordable(null, 500)).toBe(false);
  });
});

describe('a page that cannot be had: one line in the run’s language, exit 69', () => {
  const cases: readonly (readonly [string, string[], string, string])[] = [
    ['a 404', ['/absente'], 'the server answered 404 Not Found', 'le serveur a répondu 404 Not Found'],
    ['a redirect loop', ['/loop'], 'more than 5 redirections', 'plus de 5 redirections'],
    [
      'a redirect to another scheme',
      ['/to-ftp'],
      'a redirection to ftp://127.0.0.1/liste, which is not an http:// or https:// address',
      'une redirection vers ftp://127.0.0.1/liste',
    ],
    [
      'a slow server (--timeout 0.5)',
      ['/slow', '--timeout', '0.5'],
      'no complete answer within 0.5 s (--timeout)',
      'pas de réponse complète en 0,5 s (--timeout)',
    ],
    [
      'a body announced over 4 MiB',
      ['/huge-announced'],
      `the answer announces ${(5 * MiB).toLocaleString('en-CA')} bytes; a page may not exceed ${(4 * MiB).toLocaleString('en-CA')} bytes`,
      `la réponse annonce ${(5 * MiB).toLocaleString('fr-CA')} octets`,
    ],
    [
      'a body that runs past 4 MiB',
      ['/huge'],
      `the answer is over ${(4 * MiB).toLocaleString('en-CA')} bytes, the most a page may have; reading stopped there`,
      `la réponse dépasse ${(4 * MiB).toLocaleString('fr-CA')} octets`,
    ],
    [
      'a text/css answer',
      ['/style.css'],
      'the answer is text/css, not a page (text/html, application/xhtml+xml or text/plain)',
      'la réponse est de type text/css, pas une page',
    ],
  ];
  test.each(cases)('%s', async (_name, [where, ...rest], english, french) => {
    const url = `${base}${where}`;
    const en = await fetchCli(['check-source', url, ...rest, '--lang', 'en']);
    expect([en.code, en.stdout, en.stderr]).toEqual([69, '', `ramq-access: cannot fetch the page ${url}: ${english}\n`]);
    const fr = await fetchCli(['check-source', url, ...rest]);
    expect(fr.code).toBe(69);
    expect(fr.stderr).toMatch(new RegExp(`^ramq-access: impossible d’obtenir la page ${url.replace(/[.?]/g, '\\$&')}\u00a0: .*\n$`));
    expect(fr.stderr).toContain(french);
    // Never "no such file", never a bug.
    expect(en.stderr + fr.stderr).not.toMatch(/no such file|introuvable|internal|interne/i);
  });

  test('a refused connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const out = await fetchCli(['check-source', `http://127.0.0.1:${port}/liste`, '--lang', 'en']);
    expect([out.code, out.stderr]).toEqual([69, `ramq-access: cannot fetch the page http://127.0.0.1:${port}/liste: the server refused the connection\n`]);
  });

  test('a port browsers never connect to: exit 69, its reason a code in the run’s language, not fetch’s English "bad port"', async () => {
    // Port 9 (discard) is on the Fetch standard's list of blocked ports: no connection is tried.
    const out = await fetchCli(['check-source', 'http://127.0.0.1:9/liste']);
    expect(out.code).toBe(69);
    expect(out.stderr).toMatch(/^ramq-access: impossible d’obtenir la page http:\/\/127\.0\.0\.1:9\/liste\u00a0: .*\(BAD_PORT\)\n$/);
    expect(out.stderr).not.toContain('bad port');
  });

  test('a login page (200, HTML, no "Qui a accès" list) keeps exit 3', async () => {
    const out = await fetchCli(['check-source', `${base}/connexion`, '--lang', 'en']);
    expect(out.code).toBe(3);
    expect(out.stderr).toBe(
      `ramq-access: ${base}/connexion holds no "Qui a accès" list: is it the page "Liste des services en ligne" (not a login or error page)?\n`,
    );
  });
});

describe('a page is taken only when it arrived complete; --write writes nothing otherwise (issue 30, defect 1)', () => {
  test('the premise: the cut page, sent whole, reads as a page without one grant, which --write removes', async () => {
    const catalog = catalogWithSource(RECORDED);
    const before = fs.readFileSync(catalog, 'utf8');
    const out = await fetchCli(['check-source', `${rawBase}/whole-identity`, '--catalog', catalog, '--write', '--json'], DAY);
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout) as { findings: { kind: string; clientele: string }[] };
    expect(report.findings.map((f) => [f.kind, f.clientele])).toEqual([['grant-not-on-page', 'personnel-administratif']]);
    expect(fs.readFileSync(catalog, 'utf8')).not.toBe(before);
  });

  const short: readonly (readonly [string, string, string])[] = [
    ['a gzip stream cut before its end (its Content-Length what was sent)', '/cut-gzip', 'its gzip stream stops before its end'],
    ['a deflate stream cut before its end', '/cut-deflate', 'its deflate stream stops before its end'],
    ['a br stream cut before its end', '/cut-br', 'its br stream stops before its end'],
    ['a body shorter than its Content-Length', '/short', 'the connection ended before the end of the answer (ECONNRESET)'],
    ['a chunked body without its last chunk (Connection: close)', '/chunked-cut', 'the connection ended before the end of the answer (ECONNRESET)'],
    ['a connection reset after the headers and part of the body', '/reset', 'the connection ended before the end of the answer (ECONNRESET)'],
  ];
  test.each(short)('%s: exit 69, one line, the catalogue untouched', async (_name, where, why) => {
    const catalog = catalogWithSource(RECORDED);
    const before = fs.readFileSync(catalog, 'utf8');
    const url = `${rawBase}${where}`;
    const out = await fetchCli(['check-source', url, '--catalog', catalog, '--write', '--lang', 'en'], DAY);
    expect([out.code, out.stdout, out.stderr]).toEqual([69, '', `ramq-access: cannot fetch the page ${url}: the page arrived incomplete: ${why}\n`]);
    expect(fs.readFileSync(catalog, 'utf8')).toBe(before);
    const fr = await fetchCli(['check-source', url]);
    expect(fr.code).toBe(69);
    expect(fr.stderr).toContain('la page est arrivée incomplète');
  });

  const handled: readonly (readonly [string, () => Response, string])[] = [
    [
      'a body with nothing that marks its end (no Content-Length, not chunked, not compressed)',
      () => new Response(COPY, { headers: { 'content-type': 'text/plain' } }),
      'the page may have arrived incomplete: the answer has no Content-Length and is not chunked, so nothing marks its end',
    ],
    [
      'a body longer than its Content-Length',
      () => new Response(COPY, { headers: { 'content-type': 'text/plain', 'content-length': '100' } }),
      `the page arrived incomplete: ${Buffer.byteLength(COPY).toLocaleString('en-CA')} bytes where its Content-Length announces 100`,
    ],
    [
      'a gzip body whose checksum is wrong',
      () => {
        const body = zlib.gzipSync(COPY);
        body.writeUInt8(body.readUInt8(body.length - 5) ^ 0xff, body.length - 5);
        return answer(body, { 'content-encoding': 'gzip' });
      },
      "the answer's body, encoded as gzip, could not be decoded (gzip, deflate and br are)",
    ],
    [
      'a coding not decoded here',
      () => answer(COPY, { 'content-encoding': 'zstd' }),
      "the answer's body, encoded as zstd, could not be decoded (gzip, deflate and br are)",
    ],
    [
      'a gzip bomb: 64 MiB of zeros in 64 KiB',
      () => answer(zlib.gzipSync(Buffer.alloc(64 * MiB)), { 'content-encoding': 'gzip' }),
      `the answer is over ${(4 * MiB).toLocaleString('en-CA')} bytes, the most a page may have; reading stopped there`,
    ],
  ];
  test.each(handled)('%s: exit 69, one line', async (_name, respond, why) => {
    const out = await fakeCli(['check-source', 'https://example.test/liste', '--lang', 'en'], respond);
    expect([out.code, out.stdout, out.stderr]).toEqual([69, '', `ramq-access: cannot fetch the page https://example.test/liste: ${why}\n`]);
  });

  test('a page compressed twice (gzip, then br) is decoded in the reverse order and agrees', async () => {
    const body = zlib.brotliCompressSync(zlib.gzipSync(COPY));
    const out = await fakeCli(['check-source', 'https://example.test/liste', '--json'], () => answer(body, { 'content-encoding': 'gzip, br' }));
    expect([out.code, out.stderr]).toEqual([0, '']);
  });
});

describe('headers have limits of their own (issue 30, defect 2)', () => {
  test('a redirect to a 15,000-character address is refused (limit 8 KiB): exit 69, one line', async () => {
    const out = await fetchCli(['check-source', `${base}/to-long`, '--lang', 'en']);
    expect([out.code, out.stdout, out.stderr]).toEqual([
      69,
      '',
      `ramq-access: cannot fetch the page ${base}/to-long: a redirection to an address of 15,000 characters; addresses of at most 8,192 are followed\n`,
    ]);
  });

  test('a 15,000-character address to a page with a 15,000-character ETag and 4 MiB: exit 69, never 70', async () => {
    const out = await fetchCli(['check-source', `${rawBase}/to-long-etag`, '--lang', 'en']);
    expect([out.code, out.stdout]).toEqual([69, '']);
    expect(out.stderr).toContain('a redirection to an address of 15,000 characters');
  });

  test('a 15,000-character ETag with a 4 MiB page: the page is read (exit 0), the ETag ignored with one line and not recorded', async () => {
    const catalog = catalogWithSource(RECORDED);
    const url = `${rawBase}/long-etag`;
    const out = await fetchCli(['check-source', url, '--catalog', catalog, '--write', '--lang', 'en'], DAY);
    expect(out.code).toBe(0);
    expect(out.stderr.split('\n')[0]).toBe(`ramq-access: ${url}: the server's ETag is 15,000 characters long, more than 1,024: ignored, and not recorded`);
    const text = fs.readFileSync(catalog, 'utf8');
    expect(text).toContain('  checked: "2026-01-15"\n');
    expect(text).not.toMatch(/etag/);
  });

  test('an ETag or Last-Modified of 1,024 characters is kept (no line); 1,025 is ignored', async () => {
    const at = (n: number): Response => answer(COPY, { etag: `"${'e'.repeat(n - 2)}"`, 'last-modified': 'x'.repeat(n) });
    const kept = await fakeCli(['check-source', 'https://example.test/liste', '--lang', 'en'], () => at(1024));
    expect([kept.code, kept.stderr]).toEqual([0, '']);
    const ignored = await fakeCli(['check-source', 'https://example.test/liste', '--lang', 'en'], () => at(1025));
    expect(ignored.code).toBe(0);
    expect(ignored.stderr.match(/ignored, and not recorded/g)).toHaveLength(2);
  });

  test('the headers of one answer past 16 KiB: exit 69, one line', async () => {
    const out = await fetchCli(['check-source', `${base}/long-headers`, '--lang', 'en']);
    expect([out.code, out.stderr]).toEqual([69, `ramq-access: cannot fetch the page ${base}/long-headers: the answer's headers exceed 16,384 bytes\n`]);
  });
});

describe('usage errors (exit 2)', () => {
  test('no PAGE and no source.url', async () => {
    const catalog = catalogWithSource(RECORDED);
    const out = await fetchCli(['check-source', '--catalog', catalog, '--lang', 'en']);
    expect([out.code, out.stderr]).toEqual([
      2,
      `ramq-access: no page given, and ${catalog} records no source.url to fetch: give a page file, "-" for standard input, or an address\nTry 'ramq-access check-source --help' for more information.\n`,
    ]);
  });

  test('--timeout must be a number of seconds, and applies to an address only', async () => {
    for (const value of ['0', '-1', 'soon', '3601']) {
      const out = await fetchCli(['check-source', `${base}/liste`, '--timeout', value, '--lang', 'en']);
      expect([value, out.code]).toEqual([value, 2]);
      expect(out.stderr).toContain(`--timeout ${value}: give a number of seconds`);
    }
    const file = await fetchCli(['check-source', path.join(SOURCE, 'liste-des-services-en-ligne.txt'), '--timeout', '5']);
    expect([file.code, file.stderr]).toEqual([
      2,
      frenchSpaces(
        'ramq-access: --timeout vaut pour une page téléchargée par son adresse (http:// ou https://), pas pour un fichier\nSaisissez « ramq-access check-source --help » pour plus d’informations.\n',
      ),
    ]);
  });

  test('an address that is not one', async () => {
    const out = await fetchCli(['check-source', 'http://[::1', '--lang', 'en']);
    expect([out.code, out.stderr]).toEqual([
      2,
      "ramq-access: http://[::1 is not a valid address\nTry 'ramq-access check-source --help' for more information.\n",
    ]);
  });
});

describe('the shipped path', () => {
  test('a query never loads the network (no child_process, http, https or zlib in the process)', () => {
    // Not net: this probe's own write to a piped stderr loads it.
    const probe = `process.on('exit', () => process.stderr.write(JSON.stringify(['child_process', 'http', 'https', 'zlib'].filter((m) => process.moduleLoadList.includes('NativeModule ' + m)))));
require(${JSON.stringify(path.join(ROOT, 'dist', 'cli', 'start.js'))}).start(['services', 'podiatre', '--json']);`;
    const out = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', cwd: os.tmpdir() });
    expect([out.status, out.stderr]).toEqual([0, '[]']);
  });

  test('end to end: the real executable fetches the local page and agrees (exit 0)', async () => {
    // Spawned without blocking this process, whose server must answer it.
    const out = await new Promise<RunOutput>((resolve) => {
      execFile(
        process.execPath,
        [BIN, 'check-source', `${base}/liste`, '--lang', 'en'],
        { env: { PATH: process.env['PATH'] ?? '', LANG: 'en_CA.UTF-8' }, cwd: ROOT, encoding: 'utf8', timeout: 25000 },
        (error, stdout, stderr) => resolve({ stdout, stderr, code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1 }),
      );
    });
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toContain('The catalogue agrees with the page on all its list items: 116 items');
  });
});
