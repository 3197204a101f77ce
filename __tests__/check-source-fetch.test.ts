/**
 * check-source fetching the page by its address: a local HTTP server on 127.0.0.1 (started here, stopped after)
 * serves the page, errors, redirects, slow and huge answers; the real executable runs in a child process, spawned
 * asynchronously so that this process's server can answer it. Nothing reaches the internet.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { decodePageBytes } from '../src/page/decode-page';
import { editCatalogText } from '../src/catalog/edit-catalog';
import { BIN, CATALOG, FIXTURES, frenchSpaces, ROOT, type RunOutput } from './helpers';

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

/** Requests the server received, by path: their conditional headers. */
const seen: { path: string; ifNoneMatch: string | undefined; ifModifiedSince: string | undefined; userAgent: string | undefined }[] = [];
const held = new Set<http.ServerResponse>();

const server = http.createServer((req, res) => {
  const at = req.url ?? '/';
  seen.push({ path: at, ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'], userAgent: req.headers['user-agent'] });
  switch (at) {
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
    case '/moved':
      res.writeHead(301, { location: '/liste' });
      return res.end();
    case '/loop':
      res.writeHead(302, { location: '/loop' });
      return res.end();
    case '/to-ftp':
      res.writeHead(302, { location: 'ftp://127.0.0.1/liste' });
      return res.end();
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

let base = '';
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-check-source-fetch-'));
let serial = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of held) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(TMP, { recursive: true, force: true });
});

/** Runs the real executable without blocking this process (its server must answer). */
function runBinAsync(argv: string[], env: Record<string, string> = {}): Promise<RunOutput> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...argv],
      { env: { PATH: process.env['PATH'] ?? '', LANG: 'fr_CA.UTF-8', ...env }, cwd: ROOT, encoding: 'utf8', timeout: 25000, maxBuffer: 64 * MiB },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ stdout, stderr, code });
      },
    );
  });
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
    const out = await runBinAsync(['check-source', `${base}/liste`, '--json']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    const report = JSON.parse(out.stdout) as { page: string; agrees: boolean; form: string };
    expect(report).toMatchObject({ page: `${base}/liste`, agrees: true, form: 'html' });
  });

  test('a text copy served as text/plain agrees; a redirect is followed', async () => {
    expect((await runBinAsync(['check-source', `${base}/copie.txt`])).code).toBe(0);
    const moved = await runBinAsync(['check-source', `${base}/moved`, '--lang', 'en']);
    expect([moved.code, moved.stderr]).toEqual([0, '']);
    expect(moved.stdout).toContain('The catalogue agrees with the page');
  });

  test('the charset of the HTTP header decodes the page: windows-1252 "é" and "’" read right, and read as UTF-8 they would not', async () => {
    const decodePage = (bytes: Uint8Array, charset: string | null): string => {
      const r = decodePageBytes(bytes, 'page', charset);
      return r.ok ? r.text : `problem: ${r.problem.detail.id}`;
    };
    expect(decodePage(windows1252('Médecin d’un GMF'), 'windows-1252')).toBe('Médecin d’un GMF');
    expect(decodePage(windows1252('Médecin'), null)).toBe('problem: notUtf8');
    expect(decodePage(Buffer.from('\ufeffMédecin', 'utf8'), 'windows-1252')).toBe('Médecin');
    const out = await runBinAsync(['check-source', `${base}/latin1`, '--json']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect((JSON.parse(out.stdout) as { agrees: boolean }).agrees).toBe(true);
  });

  test('with no charset in the HTTP answer, the page’s own <meta charset> decodes it (a windows-1252 Drupal page agrees)', async () => {
    const out = await runBinAsync(['check-source', `${base}/drupal`, '--json']);
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect((JSON.parse(out.stdout) as { counts: { matched: number } }).counts.matched).toBe(116);
  });

  test('check-source with no PAGE fetches the catalogue’s source.url and agrees (exit 0)', async () => {
    const catalog = catalogWithSource([`url: ${base}/liste`, ...RECORDED]);
    const before = seen.length;
    const out = await runBinAsync(['check-source', '--catalog', catalog, '--lang', 'en']);
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
      const out = await runBinAsync(['check-source', '--catalog', catalog, '--lang', lang]);
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
    const written = await runBinAsync(['check-source', '--catalog', catalog, '--write'], DAY);
    expect(written.code).toBe(0);
    const text = fs.readFileSync(catalog, 'utf8');
    expect(text).toContain(`  checked: "2026-01-15"\n`);
    expect(text).toContain(`  etag: '${ETAG}'\n  last_modified: ${LAST_MODIFIED}\n`);
    // The written catalogue is canonical: fmt --check has nothing to say.
    expect(spawnSync(process.execPath, [BIN, 'fmt', '--check', catalog], { encoding: 'utf8' }).status).toBe(0);
    const again = await runBinAsync(['check-source', '--catalog', catalog, '--lang', 'en']);
    expect([again.code, again.stdout]).toEqual([0, '']);
    expect(again.stderr).toContain('(HTTP 304)');
    // A check recorded from another reading (a saved file, another day) drops validators that stood for the fetched one.
    const edited = editCatalogText(text, catalog, [{ op: 'record-check', checked: '2026-01-16', sha256: 'a'.repeat(64) }]);
    expect(edited.ok && !/etag|last_modified/.test(edited.text)).toBe(true);
  });

  test('a validator the schema could not hold is not recorded', async () => {
    const { isRecordable } = await import('../src/page/fetch-page');
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
    ['a slow server (--timeout 1)', ['/slow', '--timeout', '1'], 'no complete answer within 1 s (--timeout)', 'pas de réponse complète en 1 s (--timeout)'],
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
    const started = Date.now();
    const en = await runBinAsync(['check-source', url, ...rest, '--lang', 'en']);
    expect([en.code, en.stdout, en.stderr]).toEqual([69, '', `ramq-access: cannot fetch the page ${url}: ${english}\n`]);
    const fr = await runBinAsync(['check-source', url, ...rest]);
    expect(fr.code).toBe(69);
    expect(fr.stderr).toMatch(new RegExp(`^ramq-access: impossible d’obtenir la page ${url.replace(/[.?]/g, '\\$&')}\u00a0: .*\n$`));
    expect(fr.stderr).toContain(french);
    // Never "no such file", never a bug.
    expect(en.stderr + fr.stderr).not.toMatch(/no such file|introuvable|internal|interne/i);
    expect(Date.now() - started).toBeLessThan(15000);
  });

  test('a refused connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const out = await runBinAsync(['check-source', `http://127.0.0.1:${port}/liste`, '--lang', 'en']);
    expect([out.code, out.stderr]).toEqual([69, `ramq-access: cannot fetch the page http://127.0.0.1:${port}/liste: the server refused the connection\n`]);
  });

  test('a port fetch never connects to: exit 69, its reason a code in the run’s language, not fetch’s English "bad port"', async () => {
    // Port 9 (discard) is on the Fetch standard's list of blocked ports: fetch fails before any connection is tried.
    const out = await runBinAsync(['check-source', 'http://127.0.0.1:9/liste']);
    expect(out.code).toBe(69);
    expect(out.stderr).toMatch(/^ramq-access: impossible d’obtenir la page http:\/\/127\.0\.0\.1:9\/liste\u00a0: .*\(BAD_PORT\)\n$/);
    expect(out.stderr).not.toContain('bad port');
  });

  test('a login page (200, HTML, no "Qui a accès" list) keeps exit 3', async () => {
    const out = await runBinAsync(['check-source', `${base}/connexion`, '--lang', 'en']);
    expect(out.code).toBe(3);
    expect(out.stderr).toBe(
      `ramq-access: ${base}/connexion holds no "Qui a accès" list: is it the page "Liste des services en ligne" (not a login or error page)?\n`,
    );
  });
});

describe('usage errors (exit 2)', () => {
  test('no PAGE and no source.url', async () => {
    const catalog = catalogWithSource(RECORDED);
    const out = await runBinAsync(['check-source', '--catalog', catalog, '--lang', 'en']);
    expect([out.code, out.stderr]).toEqual([
      2,
      `ramq-access: no page given, and ${catalog} records no source.url to fetch: give a page file, "-" for standard input, or an address\nTry 'ramq-access check-source --help' for more information.\n`,
    ]);
  });

  test('--timeout must be a number of seconds, and applies to an address only', async () => {
    for (const value of ['0', '-1', 'soon', '3601']) {
      const out = await runBinAsync(['check-source', `${base}/liste`, '--timeout', value, '--lang', 'en']);
      expect([value, out.code]).toEqual([value, 2]);
      expect(out.stderr).toContain(`--timeout ${value}: give a number of seconds`);
    }
    const file = await runBinAsync(['check-source', path.join(SOURCE, 'liste-des-services-en-ligne.txt'), '--timeout', '5']);
    expect([file.code, file.stderr]).toEqual([
      2,
      frenchSpaces(
        'ramq-access: --timeout vaut pour une page téléchargée par son adresse (http:// ou https://), pas pour un fichier\nSaisissez « ramq-access check-source --help » pour plus d’informations.\n',
      ),
    ]);
  });

  test('an address that is not one', async () => {
    const out = await runBinAsync(['check-source', 'http://[::1', '--lang', 'en']);
    expect([out.code, out.stderr]).toEqual([
      2,
      "ramq-access: http://[::1 is not a valid address\nTry 'ramq-access check-source --help' for more information.\n",
    ]);
  });
});

test('a query never loads the fetch code (no child_process in the process)', () => {
  const probe = `process.on('exit', () => process.stderr.write(String(process.moduleLoadList.includes('NativeModule child_process'))));
require(${JSON.stringify(path.join(ROOT, 'dist', 'cli', 'start.js'))}).start(['services', 'podiatre', '--json']);`;
  const out = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', cwd: os.tmpdir() });
  expect([out.status, out.stderr]).toEqual([0, 'false']);
});
