/**
 * check-source behind a proxy (issue 32, "Offices behind a proxy"), in process: an http origin and an https origin
 * (its certificate made here with openssl) on 127.0.0.1, and a proxy of this file's own (node:http: absolute-form
 * requests relayed, CONNECT tunnels piped) that notes what it was asked. The page's host, ramq.test, has no address
 * here: only the proxy reaches it, as in an office whose machines resolve no outside name. The CLI runs in this
 * process through the real transport, given this file's environment and told to trust the test's certificate; one
 * case runs the real executable with NODE_EXTRA_CA_CERTS. Nothing reaches the internet.
 */
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { createHttpFetch, routeFor } from '../src/cli/http-fetch';
import { BIN, FIXTURES, ROOT, runCli, type RunOutput } from './helpers';

const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const SOURCE = path.join(FIXTURES, 'source');
const HTML = fs.readFileSync(path.join(SOURCE, 'liste-des-services-en-ligne.html'));
const COPY = fs.readFileSync(path.join(SOURCE, 'liste-des-services-en-ligne.txt'), 'utf8');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-check-source-proxy-'));
const CERT_FILE = path.join(TMP, 'cert.pem');
const KEY_FILE = path.join(TMP, 'key.pem');
/** The page's host: a reserved name (RFC 6761) that only the test's proxy resolves. */
const HOST = 'ramq.test';

/**
 * As in check-source-fetch.test.ts: the text copy with its last list made seven items long, and that page cut just
 * before its last item, which read as whole loses one grant (Personnel administratif).
 */
const WHOLE = ((): string => {
  const moved = COPY.indexOf('Le Rapport de votre offre');
  const block = COPY.indexOf('Ce service en ligne vous permet de gérer les inscriptions');
  return `${COPY.slice(0, block)}${COPY.slice(moved).replace(/\n?$/, '\n')}${COPY.slice(block, moved)}`;
})();
const CUT = Buffer.from(WHOLE.slice(0, WHOLE.lastIndexOf('- Personnel administratif')), 'utf8');
const CHUNK = Buffer.concat([Buffer.from(`${CUT.length.toString(16)}\r\n`), CUT, Buffer.from('\r\n')]);

/** What the origins send for each path, byte for byte, before they close the connection. */
const ANSWERS: Readonly<Record<string, Buffer>> = {
  '/liste': Buffer.concat([
    Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${HTML.length}\r\nConnection: close\r\n\r\n`),
    HTML,
  ]),
  '/403': Buffer.from('HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'),
  '/429': Buffer.from('HTTP/1.1 429 Too Many Requests\r\nRetry-After: 3600\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'),
  // The cut page, chunked: with its last chunk, then without it (a closing server).
  '/chunked-whole': Buffer.concat([
    Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n'),
    CHUNK,
    Buffer.from('0\r\n\r\n'),
  ]),
  '/chunked-cut': Buffer.concat([
    Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n'),
    CHUNK,
  ]),
};
const NOT_FOUND = Buffer.from('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');

/** What an origin received: its scheme, the path and the headers (names in lower case). */
const originSeen: { origin: 'http' | 'https'; path: string; headers: Record<string, string> }[] = [];

/** An origin that reads one request head and writes the answer of its path as written above. */
function serveRaw(origin: 'http' | 'https'): (socket: net.Socket) => void {
  return (socket) => {
    socket.on('error', () => undefined);
    let request = '';
    const onData = (data: Buffer): void => {
      request += data.toString('latin1');
      const end = request.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.off('data', onData);
      const [line = '', ...fields] = request.slice(0, end).split('\r\n');
      const at = line.split(' ')[1] ?? '';
      const headers = Object.fromEntries(fields.map((f) => [f.slice(0, f.indexOf(':')).toLowerCase(), f.slice(f.indexOf(':') + 1).trim()]));
      originSeen.push({ origin, path: at, headers });
      socket.end(ANSWERS[at] ?? NOT_FOUND);
    };
    socket.on('data', onData);
  };
}

/** What the proxy was asked: the method, its target (an absolute address or host:port), and two of its headers. */
interface ProxySeen {
  method: string;
  target: string;
  authorization: string | undefined;
  userAgent: string | undefined;
}
const proxySeen: ProxySeen[] = [];
/** How the proxy answers: relaying, or 407 to everything. */
let proxyAnswer: 'relay' | 407 = 'relay';
const tunnels = new Set<net.Socket>();
let httpPort = 0;
let httpsPort = 0;

/** The origin a proxy reaches for a host and port: ramq.test is the test's origins, 127.0.0.1 itself. */
function originPort(host: string, port: number, secure: boolean): number {
  return host === HOST ? (secure ? httpsPort : httpPort) : port;
}

/** The test's proxy: node:http relaying absolute-form requests, and piping CONNECT tunnels byte for byte. */
function attachProxy(proxy: http.Server): void {
  proxy.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const at = new URL(req.url ?? '/');
    proxySeen.push({
      method: req.method ?? '',
      target: req.url ?? '',
      authorization: req.headers['proxy-authorization'],
      userAgent: req.headers['user-agent'],
    });
    if (proxyAnswer === 407) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"', 'content-length': '0' });
      return res.end();
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const upstream = http.request(
      { host: '127.0.0.1', port: originPort(at.hostname, Number(at.port || 80), false), method: req.method, path: `${at.pathname}${at.search}`, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
        answer.on('aborted', () => res.destroy());
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    upstream.end();
  });
  proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    tunnels.add(socket);
    socket.on('error', () => undefined);
    proxySeen.push({ method: 'CONNECT', target: req.url ?? '', authorization: req.headers['proxy-authorization'], userAgent: req.headers['user-agent'] });
    if (proxyAnswer === 407)
      return void socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\nContent-Length: 0\r\n\r\n');
    const [host = '', port = '443'] = (req.url ?? '').split(':');
    const upstream = net.connect(originPort(host, Number(port), true), '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    tunnels.add(upstream);
    upstream.on('error', () => socket.destroy());
  });
}

let CERT = '';
const httpOrigin = net.createServer(serveRaw('http'));
let httpsOrigin: tls.Server;
const proxy = http.createServer();
attachProxy(proxy);
/** The same proxy reached over TLS (an https:// proxy address). */
let tlsProxy: https.Server;
let proxyUrl = '';
let tlsProxyUrl = '';
let closedUrl = '';

const listen = async (server: net.Server): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

beforeAll(async () => {
  // A self-signed certificate for ramq.test and 127.0.0.1, valid a day.
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', `/CN=${HOST}`,
    '-addext', `subjectAltName=DNS:${HOST},IP:127.0.0.1`, '-keyout', KEY_FILE, '-out', CERT_FILE,
  ], { stdio: 'ignore' }); // prettier-ignore
  CERT = fs.readFileSync(CERT_FILE, 'utf8');
  const key = fs.readFileSync(KEY_FILE);
  httpsOrigin = tls.createServer({ key, cert: CERT }, serveRaw('https'));
  tlsProxy = https.createServer({ key, cert: CERT });
  attachProxy(tlsProxy);
  httpPort = await listen(httpOrigin);
  httpsPort = await listen(httpsOrigin);
  proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
  tlsProxyUrl = `https://127.0.0.1:${await listen(tlsProxy)}`;
  // A port nothing listens on: a proxy that refuses connections.
  const closed = net.createServer();
  closedUrl = `http://127.0.0.1:${await listen(closed)}`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});

afterAll(async () => {
  for (const socket of tunnels) socket.destroy();
  for (const server of [proxy, tlsProxy]) server.closeAllConnections();
  await Promise.all([httpOrigin, httpsOrigin, proxy, tlsProxy].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  fs.rmSync(TMP, { recursive: true, force: true });
});

beforeEach(() => {
  proxySeen.length = 0;
  originSeen.length = 0;
  proxyAnswer = 'relay';
});

/** Runs the CLI in process with `env` as its environment and its transport's, trusting the test's certificate. */
function proxiedCli(argv: string[], env: Record<string, string>): Promise<RunOutput> {
  return runCli(argv, env, false, '', 80, createHttpFetch(env, { ca: CERT }));
}

/** The shipped page agrees with the shipped catalogue: exit 0, nothing on stderr. */
async function expectAgrees(url: string, env: Record<string, string>): Promise<void> {
  const out = await proxiedCli(['check-source', url, '--json'], env);
  expect([out.code, out.stderr]).toEqual([0, '']);
  expect(JSON.parse(out.stdout)).toMatchObject({ page: url, agrees: true, form: 'html' });
}

const targets = (): string[] => proxySeen.map((s) => `${s.method} ${s.target}`);

describe('check-source through the proxy the environment names', () => {
  test('an http:// page is asked of the proxy in absolute form (HTTP_PROXY), and agrees', async () => {
    await expectAgrees(`http://${HOST}/liste`, { HTTP_PROXY: proxyUrl });
    expect(targets()).toEqual([`GET http://${HOST}/liste`]);
    expect(originSeen.map((s) => [s.origin, s.path, s.headers['host']])).toEqual([['http', '/liste', HOST]]);
  });

  test('an https:// page goes through a CONNECT tunnel (HTTPS_PROXY), TLS to the site over it, and agrees', async () => {
    await expectAgrees(`https://${HOST}/liste`, { HTTPS_PROXY: proxyUrl });
    expect(targets()).toEqual([`CONNECT ${HOST}:443`]);
    // The proxy saw no request of the page: only the origin did, inside TLS.
    expect(originSeen.map((s) => [s.origin, s.path, s.headers['host']])).toEqual([['https', '/liste', HOST]]);
  });

  test('an https:// page goes through HTTP_PROXY when HTTPS_PROXY is not set (undici’s rule); an http:// one never through HTTPS_PROXY', async () => {
    await expectAgrees(`https://${HOST}/liste`, { HTTP_PROXY: proxyUrl });
    expect(targets()).toEqual([`CONNECT ${HOST}:443`]);
    proxySeen.length = 0;
    const direct = `http://127.0.0.1:${httpPort}/liste`;
    await expectAgrees(direct, { HTTPS_PROXY: proxyUrl });
    expect(targets()).toEqual([]);
  });

  test('a proxy reached over TLS (an https:// proxy address) tunnels too', async () => {
    await expectAgrees(`https://${HOST}/liste`, { HTTPS_PROXY: tlsProxyUrl });
    expect(targets()).toEqual([`CONNECT ${HOST}:443`]);
  });

  test('lower case variables are read, and win over upper case where both are set (curl, undici)', async () => {
    await expectAgrees(`https://${HOST}/liste`, { https_proxy: proxyUrl });
    await expectAgrees(`http://${HOST}/liste`, { http_proxy: proxyUrl });
    // The upper case ones name a proxy that refuses every connection: only the lower case ones are used.
    await expectAgrees(`https://${HOST}/liste`, { https_proxy: proxyUrl, HTTPS_PROXY: closedUrl });
    await expectAgrees(`http://${HOST}/liste`, { http_proxy: proxyUrl, HTTP_PROXY: closedUrl });
    const page = `http://127.0.0.1:${httpPort}/liste`;
    await expectAgrees(page, { HTTP_PROXY: proxyUrl, no_proxy: 'example.org', NO_PROXY: '127.0.0.1' });
    expect(targets()).toEqual([`CONNECT ${HOST}:443`, `GET http://${HOST}/liste`, `CONNECT ${HOST}:443`, `GET http://${HOST}/liste`, `GET ${page}`]);
  });

  test('the origin receives a User-Agent naming the tool and its version, and Accept-Language: fr-CA; never the proxy’s credentials', async () => {
    const expectHeaders = (): void => {
      for (const { headers } of originSeen) {
        expect(headers['user-agent']).toBe(`ramq-access/${VERSION} (check-source)`);
        expect(headers['accept-language']).toBe('fr-CA');
        expect(headers['proxy-authorization']).toBeUndefined();
      }
    };
    await expectAgrees(`http://127.0.0.1:${httpPort}/liste`, {});
    expectHeaders();
    await expectAgrees(`https://${HOST}/liste`, { HTTPS_PROXY: `http://agent:secret@127.0.0.1:${new URL(proxyUrl).port}` });
    await expectAgrees(`http://${HOST}/liste`, { HTTP_PROXY: proxyUrl });
    expect(originSeen).toHaveLength(3);
    expectHeaders();
    // The proxy is told who asks, too.
    expect(proxySeen.map((s) => s.userAgent)).toEqual([`ramq-access/${VERSION} (check-source)`, `ramq-access/${VERSION} (check-source)`]);
  });

  test('credentials in the proxy’s address go as Proxy-Authorization: Basic, decoded, and are never printed', async () => {
    const port = new URL(proxyUrl).port;
    // "agent@ramq" and "sécret:1", percent-encoded in the address as they must be.
    const env = { HTTPS_PROXY: `http://agent%40ramq:s%C3%A9cret%3A1@127.0.0.1:${port}`, HTTP_PROXY: `http://agent%40ramq:s%C3%A9cret%3A1@127.0.0.1:${port}` };
    const basic = `Basic ${Buffer.from('agent@ramq:sécret:1', 'utf8').toString('base64')}`;
    for (const url of [`https://${HOST}/liste`, `http://${HOST}/liste`]) {
      const ok = await proxiedCli(['check-source', url, '--lang', 'en'], env);
      expect([ok.code, ok.stderr]).toEqual([0, '']);
      proxyAnswer = 407;
      const refused = await proxiedCli(['check-source', url, '--lang', 'en'], env);
      proxyAnswer = 'relay';
      expect(refused.code).toBe(69);
      expect(refused.stderr).toContain(`the proxy http://127.0.0.1:${port} refused`);
      for (const out of [ok, refused]) expect(out.stdout + out.stderr).not.toMatch(/agent|cret|%40|Basic/);
    }
    expect(proxySeen.map((s) => s.authorization)).toEqual([basic, basic, basic, basic]);
  });
});

describe('NO_PROXY: the hosts reached directly', () => {
  const page = (): string => `http://127.0.0.1:${httpPort}/liste`;

  test('an exact host (an IP literal here) is reached directly; another host goes through the proxy', async () => {
    await expectAgrees(page(), { HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' });
    expect(targets()).toEqual([]);
    await expectAgrees(page(), { HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.2' });
    expect(targets()).toEqual([`GET ${page()}`]);
  });

  test('host:port exempts that port only', async () => {
    await expectAgrees(page(), { HTTP_PROXY: proxyUrl, NO_PROXY: `127.0.0.1:${httpPort}` });
    expect(targets()).toEqual([]);
    await expectAgrees(page(), { HTTP_PROXY: proxyUrl, NO_PROXY: `127.0.0.1:${httpPort + 1}` });
    expect(targets()).toEqual([`GET ${page()}`]);
  });

  test('"*" exempts every host, http:// and https://', async () => {
    await expectAgrees(page(), { HTTP_PROXY: proxyUrl, NO_PROXY: '*' });
    await expectAgrees(`https://127.0.0.1:${httpsPort}/liste`, { HTTPS_PROXY: proxyUrl, NO_PROXY: '*' });
    expect(targets()).toEqual([]);
    await expectAgrees(`https://127.0.0.1:${httpsPort}/liste`, { HTTPS_PROXY: proxyUrl, NO_PROXY: 'example.org' });
    expect(targets()).toEqual([`CONNECT 127.0.0.1:${httpsPort}`]);
  });

  test('a domain suffix exempts the names under it (ramq.test is then asked of the system, which has no address for it)', async () => {
    for (const noProxy of ['test', '.test', '*.test']) {
      const out = await proxiedCli(['check-source', `https://${HOST}/liste`, '--lang', 'en'], { HTTPS_PROXY: proxyUrl, NO_PROXY: noProxy });
      expect([noProxy, out.code, out.stderr]).toEqual([
        noProxy,
        69,
        `ramq-access: cannot fetch the page https://${HOST}/liste: no address found for ${HOST}\n`,
      ]);
    }
    expect(targets()).toEqual([]);
    await expectAgrees(`https://${HOST}/liste`, { HTTPS_PROXY: proxyUrl, NO_PROXY: 'amq.test,ramq.test.example' });
    expect(targets()).toEqual([`CONNECT ${HOST}:443`]);
  });

  test('routeFor: the rules, as undici’s EnvHttpProxyAgent reads them', () => {
    const route = (address: string, env: Record<string, string>): string => {
      const r = routeFor(new URL(address), env);
      return r.kind === 'proxy' ? r.name : r.kind === 'bad' ? `bad ${r.variable}` : 'direct';
    };
    const P = 'http://proxy.example:3128';
    const cases: [string, Record<string, string>, string][] = [
      ['https://www.ramq.gouv.qc.ca/', {}, 'direct'],
      ['https://www.ramq.gouv.qc.ca/', { HTTPS_PROXY: P }, P],
      ['http://www.ramq.gouv.qc.ca/', { HTTPS_PROXY: P }, 'direct'],
      ['https://www.ramq.gouv.qc.ca/', { HTTP_PROXY: P }, P],
      ['https://www.ramq.gouv.qc.ca/', { HTTPS_PROXY: 'http://s.example:8080', HTTP_PROXY: P }, 'http://s.example:8080'],
      ['https://www.ramq.gouv.qc.ca/', { https_proxy: '', HTTP_PROXY: P }, P],
      ['http://www.ramq.gouv.qc.ca/', { http_proxy: 'http://lower.example:1', HTTP_PROXY: P }, 'http://lower.example:1'],
      ['http://www.ramq.gouv.qc.ca/', { http_proxy: '', HTTP_PROXY: P }, 'direct'],
      // The proxy's address: no scheme is http://; no port is the scheme's; credentials never in its name.
      ['http://a.example/', { HTTP_PROXY: 'proxy.example:3128' }, P],
      ['http://a.example/', { HTTP_PROXY: 'http://proxy.example' }, 'http://proxy.example:80'],
      ['http://a.example/', { HTTP_PROXY: 'https://proxy.example' }, 'https://proxy.example:443'],
      ['http://a.example/', { HTTP_PROXY: 'http://user:pass@proxy.example:3128/' }, P],
      ['http://a.example/', { HTTP_PROXY: 'socks5://proxy.example:1080' }, 'bad HTTP_PROXY'],
      ['https://a.example/', { https_proxy: 'http://' }, 'bad https_proxy'],
      ['http://a.example/', { HTTP_PROXY: 'http://us%er@proxy.example:3128' }, 'bad HTTP_PROXY'],
      // NO_PROXY: hosts and domains, compared as written (no name is resolved).
      ['https://www.ramq.gouv.qc.ca/', { HTTPS_PROXY: P, NO_PROXY: 'www.ramq.gouv.qc.ca' }, 'direct'],
      ['https://www.ramq.gouv.qc.ca/', { HTTPS_PROXY: P, NO_PROXY: 'ramq.gouv.qc.ca' }, 'direct'],
      ['https://ramq.gouv.qc.ca/', { HTTPS_PROXY: P, NO_PROXY: '.ramq.gouv.qc.ca' }, 'direct'],
      ['https://www.ramq.gouv.qc.ca/', { HTTPS_PROXY: P, NO_PROXY: '*.gouv.qc.ca' }, 'direct'],
      ['https://www.ramq.gouv.qc.ca/', { HTTPS_PROXY: P, NO_PROXY: 'RAMQ.Gouv.QC.ca.' }, 'direct'],
      ['https://www.ramq.gouv.qc.ca./', { HTTPS_PROXY: P, NO_PROXY: 'ramq.gouv.qc.ca' }, 'direct'],
      ['https://notramq.gouv.qc.ca/', { HTTPS_PROXY: P, NO_PROXY: 'ramq.gouv.qc.ca' }, P],
      ['https://www.ramq.gouv.qc.ca/', { HTTPS_PROXY: P, NO_PROXY: 'www.ramq.gouv.qc' }, P],
      ['https://www.ramq.gouv.qc.ca/', { HTTPS_PROXY: P, NO_PROXY: 'example.org ramq.gouv.qc.ca' }, 'direct'],
      ['https://www.ramq.gouv.qc.ca/', { HTTPS_PROXY: P, NO_PROXY: ' example.org,, ramq.gouv.qc.ca ' }, 'direct'],
      ['https://www.ramq.gouv.qc.ca/', { HTTPS_PROXY: P, NO_PROXY: ' * ' }, 'direct'],
      ['https://www.ramq.gouv.qc.ca/', { HTTPS_PROXY: P, NO_PROXY: '' }, P],
      // Ports: an entry's port against the address's, the scheme's default when it gives none.
      ['https://www.ramq.gouv.qc.ca/', { HTTPS_PROXY: P, NO_PROXY: 'ramq.gouv.qc.ca:443' }, 'direct'],
      ['http://www.ramq.gouv.qc.ca/', { HTTP_PROXY: P, NO_PROXY: 'ramq.gouv.qc.ca:443' }, P],
      ['http://www.ramq.gouv.qc.ca:8080/', { HTTP_PROXY: P, NO_PROXY: '*.ramq.gouv.qc.ca:8080' }, 'direct'],
      // IP literals, IPv6 bare or in brackets.
      ['http://127.0.0.1:8080/', { HTTP_PROXY: P, NO_PROXY: '127.0.0.1' }, 'direct'],
      ['http://127.0.0.1:8080/', { HTTP_PROXY: P, NO_PROXY: '127.0.0.1:9090' }, P],
      ['http://127.0.0.1:8080/', { HTTP_PROXY: P, NO_PROXY: 'localhost' }, P],
      ['http://[::1]:8080/', { HTTP_PROXY: P, NO_PROXY: '::1' }, 'direct'],
      ['http://[::1]:8080/', { HTTP_PROXY: P, NO_PROXY: '[::1]' }, 'direct'],
      ['http://[::1]:8080/', { HTTP_PROXY: P, NO_PROXY: '[::1]:8080' }, 'direct'],
      ['http://[::1]:8080/', { HTTP_PROXY: P, NO_PROXY: '[::1]:9090' }, P],
      // Lower case wins, even empty.
      ['https://www.ramq.gouv.qc.ca/', { HTTPS_PROXY: P, no_proxy: 'example.org', NO_PROXY: 'ramq.gouv.qc.ca' }, P],
      ['https://www.ramq.gouv.qc.ca/', { HTTPS_PROXY: P, no_proxy: '', NO_PROXY: '*' }, P],
      ['https://www.ramq.gouv.qc.ca/', { HTTPS_PROXY: P, no_proxy: '*', NO_PROXY: '' }, 'direct'],
    ];
    for (const [address, env, expected] of cases) expect([address, env, route(address, env)]).toEqual([address, env, expected]);
    const withCredentials = routeFor(new URL('http://a.example/'), { HTTP_PROXY: 'http://agent:s%C3%A9cret@proxy.example:3128' });
    expect(withCredentials).toMatchObject({ kind: 'proxy', name: P, authorization: `Basic ${Buffer.from('agent:sécret').toString('base64')}` });
  });
});

describe('when the proxy fails: exit 69, one line naming the proxy (scheme, host, port) and what happened', () => {
  test('a proxy that refuses the connection', async () => {
    for (const [url, env] of [
      [`https://${HOST}/liste`, { HTTPS_PROXY: closedUrl }],
      [`http://${HOST}/liste`, { HTTP_PROXY: closedUrl }],
    ] as const) {
      const out = await proxiedCli(['check-source', url, '--lang', 'en'], env);
      expect([out.code, out.stdout, out.stderr]).toEqual([
        69,
        '',
        `ramq-access: cannot fetch the page ${url}: the proxy ${closedUrl} refused the connection\n`,
      ]);
      const fr = await proxiedCli(['check-source', url], env);
      expect([fr.code, fr.stderr]).toEqual([69, `ramq-access: impossible d’obtenir la page ${url}\u00a0: le proxy ${closedUrl} a refusé la connexion\n`]);
    }
  });

  test('a CONNECT answered 407: the proxy and the status named, and where credentials go', async () => {
    proxyAnswer = 407;
    const url = `https://${HOST}/liste`;
    const out = await proxiedCli(['check-source', url, '--lang', 'en'], { HTTPS_PROXY: proxyUrl });
    expect([out.code, out.stdout, out.stderr]).toEqual([
      69,
      '',
      `ramq-access: cannot fetch the page ${url}: the proxy ${proxyUrl} refused the tunnel (407 Proxy Authentication Required); give its user and password in its address: http://user:password@host:port\n`,
    ]);
    const plain = await proxiedCli(['check-source', `http://${HOST}/liste`, '--lang', 'en'], { HTTP_PROXY: proxyUrl });
    expect([plain.code, plain.stderr]).toEqual([
      69,
      `ramq-access: cannot fetch the page http://${HOST}/liste: the proxy ${proxyUrl} refused the request (407 Proxy Authentication Required); give its user and password in its address: http://user:password@host:port\n`,
    ]);
    const fr = await proxiedCli(['check-source', url], { HTTPS_PROXY: proxyUrl });
    expect(fr.code).toBe(69);
    expect(fr.stderr).toContain(`le proxy ${proxyUrl} a refusé le tunnel (407 Proxy Authentication Required)\u00a0; ses identifiants`);
  });

  test('a proxy variable that holds no proxy’s address: the variable named, not its value', async () => {
    const out = await proxiedCli(['check-source', `https://${HOST}/liste`, '--lang', 'en'], { https_proxy: 'socks5://agent:secret@127.0.0.1:1080' });
    expect([out.code, out.stderr]).toEqual([
      69,
      `ramq-access: cannot fetch the page https://${HOST}/liste: https_proxy does not hold the address of an http:// or https:// proxy\n`,
    ]);
  });
});

describe('the page through the tunnel is held to the same rules', () => {
  test('403 and 429, directly or through the tunnel: the site refuses an automated fetch, and a copy saved from a browser can be checked instead (exit 69)', async () => {
    for (const [status, text] of [
      [403, 'Forbidden'],
      [429, 'Too Many Requests'],
    ] as const) {
      const direct = `http://127.0.0.1:${httpPort}/${status}`;
      const out = await proxiedCli(['check-source', direct, '--lang', 'en'], {});
      expect([out.code, out.stdout, out.stderr]).toEqual([
        69,
        '',
        `ramq-access: cannot fetch the page ${direct}: the server answered ${status} ${text}: the site refuses automated fetches; save the page from a browser and check that copy instead (check-source FILE)\n`,
      ]);
      const fr = await proxiedCli(['check-source', `https://${HOST}/${status}`], { HTTPS_PROXY: proxyUrl });
      expect(fr.code).toBe(69);
      expect(fr.stderr).toContain('refuse les téléchargements automatisés');
      expect(fr.stderr).toContain('(check-source FICHIER)');
    }
    // Another HTTP failure keeps its own words.
    const missing = await proxiedCli(['check-source', `https://${HOST}/ailleurs`, '--lang', 'en'], { HTTPS_PROXY: proxyUrl });
    expect([missing.code, missing.stderr]).toEqual([69, `ramq-access: cannot fetch the page https://${HOST}/ailleurs: the server answered 404 Not Found\n`]);
  });

  test('a chunked page with its last chunk is read; the same page cut before it by a closing server is refused (exit 69)', async () => {
    const env = { HTTPS_PROXY: proxyUrl };
    // The premise: sent whole, the cut page reads as a page without one grant (a difference: exit 1).
    const whole = await proxiedCli(['check-source', `https://${HOST}/chunked-whole`, '--json'], env);
    expect([whole.code, whole.stderr]).toEqual([1, '']);
    const report = JSON.parse(whole.stdout) as { findings: { kind: string; clientele: string }[] };
    expect(report.findings.map((f) => [f.kind, f.clientele])).toEqual([['grant-not-on-page', 'personnel-administratif']]);
    const url = `https://${HOST}/chunked-cut`;
    const cut = await proxiedCli(['check-source', url, '--lang', 'en'], env);
    expect([cut.code, cut.stdout, cut.stderr]).toEqual([
      69,
      '',
      `ramq-access: cannot fetch the page ${url}: the page arrived incomplete: the connection ended before the end of the answer (ECONNRESET)\n`,
    ]);
    expect(targets()).toEqual([`CONNECT ${HOST}:443`, `CONNECT ${HOST}:443`]);
  });

  test('end to end: the real executable reads HTTPS_PROXY and NO_PROXY from its environment and trusts NODE_EXTRA_CA_CERTS', async () => {
    const bin = (env: Record<string, string>): Promise<RunOutput> =>
      new Promise<RunOutput>((resolve) => {
        // Spawned without blocking this process, whose proxy and origin must answer it.
        execFile(
          process.execPath,
          [BIN, 'check-source', `https://${HOST}/liste`, '--lang', 'en'],
          {
            env: { PATH: process.env['PATH'] ?? '', LANG: 'en_CA.UTF-8', NODE_EXTRA_CA_CERTS: CERT_FILE, ...env },
            cwd: ROOT,
            encoding: 'utf8',
            timeout: 25000,
          },
          (error, stdout, stderr) => resolve({ stdout, stderr, code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1 }),
        );
      });
    // NODE_USE_ENV_PROXY (Node 24's own reading of the variables) changes nothing: one tunnel, not two.
    const out = await bin({ HTTPS_PROXY: proxyUrl, NODE_USE_ENV_PROXY: '1' });
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toContain('The catalogue agrees with the page on all its list items: 116 items');
    expect(targets()).toEqual([`CONNECT ${HOST}:443`]);
    const exempted = await bin({ HTTPS_PROXY: proxyUrl, NO_PROXY: HOST });
    expect([exempted.code, exempted.stderr]).toEqual([69, `ramq-access: cannot fetch the page https://${HOST}/liste: no address found for ${HOST}\n`]);
    expect(targets()).toEqual([`CONNECT ${HOST}:443`]);
  });
});
