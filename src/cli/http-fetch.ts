import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Readable } from 'node:stream';
import tls from 'node:tls';
import { MAX_HEADER_BYTES, ProxyError, proxyTrouble, type Fetch, type HttpAnswer } from '../page/fetch-page';

/**
 * check-source's network in a real run (Io.fetch): one GET through
 * node:http(s), a connection of its own, closed after the answer. Not Node's
 * fetch, whose undici (6.x in Node 20) decodes gzip, deflate and br leniently
 * (a stream cut before its end reads as the whole page) and takes a chunked
 * answer cut by a closing server for a whole one. Here the body comes as
 * sent, and its stream errors when the connection ends before the answer
 * does (a missing last chunk, a short Content-Length, a reset): src/page/fetch-page.ts decides the rest.
 *
 * Through a proxy when the environment names one (HTTPS_PROXY, HTTP_PROXY,
 * NO_PROXY, as undici's EnvHttpProxyAgent reads them), on every Node: an
 * http:// address is asked of the proxy in absolute form, an https:// one
 * through a CONNECT tunnel with TLS to the site over it, so that the same
 * node:http parser reads the answer and the same checks hold. Not undici's
 * proxy agents: its HTTP/1.1 client takes an answer ended by the server's
 * FIN, or even a reset, for whole when the answer says `Connection: close`.
 */

type Env = Readonly<Record<string, string | undefined>>;

/** Certificates trusted instead of Node's own (a test's origin); a real run trusts Node's store and NODE_EXTRA_CA_CERTS. */
export interface Trust {
  readonly ca?: string | Buffer;
}

/** How one address is reached: directly, through a proxy, or not at all (a proxy variable that holds no proxy's address). */
export type Route =
  | { readonly kind: 'direct' }
  | {
      readonly kind: 'proxy';
      readonly proxy: URL;
      /** Scheme, host and port: how errors name the proxy, never with its credentials. */
      readonly name: string;
      /** `Basic ...` from the credentials of the proxy's address, or null without any. */
      readonly authorization: string | null;
    }
  | { readonly kind: 'bad'; readonly variable: string };

const DEFAULT_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443 };

/** A variable in lower case, else in upper case: lower case wins where both are set, empty or not (curl, undici). */
function variable(env: Env, upper: string): { name: string; value: string } | null {
  for (const name of [upper.toLowerCase(), upper]) {
    const value = env[name];
    if (value !== undefined) return { name, value };
  }
  return null;
}

/** A host as NO_PROXY compares it: lower case, without the brackets of an IPv6 literal or a final dot. */
function bareHost(host: string): string {
  const bare = host.replace(/^\[(.+)\]$/, '$1').toLowerCase();
  return bare.length > 1 && bare.endsWith('.') ? bare.slice(0, -1) : bare;
}

/**
 * Whether NO_PROXY exempts `url`, by undici's EnvHttpProxyAgent's rules: entries separated by commas or spaces;
 * `*` alone exempts every host; an entry is a host, a domain (a leading `.` or `*.` changes nothing) that exempts
 * itself and every name under it, or an IP literal (an IPv6 one bare or in brackets), each optionally with `:port`,
 * which then exempts that port only. No CIDR ranges.
 */
function exempted(url: URL, noProxy: string): boolean {
  if (noProxy.trim() === '*') return true;
  const host = bareHost(url.hostname);
  const port = Number(url.port || DEFAULT_PORTS[url.protocol]);
  for (const entry of noProxy.split(/[,\s]/)) {
    if (entry === '') continue;
    const withPort = /^\[(.+)\]:(\d+)$/.exec(entry) ?? (/^[^:]+:\d+$/.test(entry) ? /^(.+):(\d+)$/.exec(entry) : null);
    const name = bareHost((withPort?.[1] ?? entry).replace(/^\*?\./, ''));
    if (withPort !== null && Number(withPort[2]) !== port) continue;
    if (host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** The proxy an address goes through, from the environment (undici's rules, see exempted), or `direct`. */
export function routeFor(url: URL, env: Env): Route {
  // An https:// address goes through HTTPS_PROXY, or HTTP_PROXY when that is unset or empty; an http:// one through HTTP_PROXY.
  const secure = url.protocol === 'https:' ? variable(env, 'HTTPS_PROXY') : null;
  const chosen = secure !== null && secure.value !== '' ? secure : variable(env, 'HTTP_PROXY');
  if (chosen === null || chosen.value === '') return { kind: 'direct' };
  if (exempted(url, variable(env, 'NO_PROXY')?.value ?? '')) return { kind: 'direct' };
  const bad: Route = { kind: 'bad', variable: chosen.name };
  let proxy: URL;
  let authorization: string | null = null;
  try {
    // A proxy without a scheme ("proxy:3128") is an http:// one, as curl takes it.
    proxy = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(chosen.value) ? chosen.value : `http://${chosen.value}`);
    if (proxy.username !== '' || proxy.password !== '') {
      const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
      authorization = `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
    }
  } catch {
    return bad;
  }
  if ((proxy.protocol !== 'http:' && proxy.protocol !== 'https:') || proxy.hostname === '') return bad;
  const name = `${proxy.protocol}//${proxy.hostname}:${proxy.port || DEFAULT_PORTS[proxy.protocol]}`;
  return { kind: 'proxy', proxy, name, authorization };
}

/** Ends `request` and hands over its answer, the body as it came; an error before the answer is `before(error)`, an answer `refuse` names is that error. */
function answerOf(
  request: http.ClientRequest,
  before: (error: Error) => Error = (error) => error,
  refuse: (response: http.IncomingMessage) => Error | null = () => null,
): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    // Before the answer this rejects; after it, the body's stream carries the error (and the rejection is ignored).
    request.on('error', (error) => reject(before(error)));
    request.once('response', (response) => {
      try {
        const refusal = refuse(response);
        if (refusal !== null) throw refusal;
        const headers = new Headers();
        for (let i = 0; i + 1 < response.rawHeaders.length; i += 2) headers.append(response.rawHeaders[i]!, response.rawHeaders[i + 1]!);
        response.once('end', () => request.destroy());
        const body = Readable.toWeb(response) as unknown as ReadableStream<Uint8Array>;
        resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? '', headers, body });
      } catch (error) {
        request.destroy();
        reject(error as Error);
      }
    });
    request.end();
  });
}

/** The options that open a connection to the proxy itself (TLS for an https:// proxy). */
function toProxy(route: Extract<Route, { kind: 'proxy' }>, trust: Trust, headers: Readonly<Record<string, string>>): https.RequestOptions {
  return {
    protocol: route.proxy.protocol,
    host: bareHost(route.proxy.hostname),
    port: route.proxy.port || DEFAULT_PORTS[route.proxy.protocol],
    headers: route.authorization === null ? headers : { ...headers, 'proxy-authorization': route.authorization },
    agent: false,
    ...(trust.ca === undefined ? {} : { ca: trust.ca }),
  };
}

/** A TLS connection to the site of `url` through a CONNECT tunnel of the proxy, once its handshake is done. */
function openTunnel(url: URL, route: Extract<Route, { kind: 'proxy' }>, init: Parameters<Fetch>[1], trust: Trust): Promise<tls.TLSSocket> {
  const authority = `${url.hostname}:${url.port || 443}`;
  const fail = (error: Error): Error => new ProxyError({ id: 'proxy', proxy: route.name, trouble: proxyTrouble(error) });
  const agent = init.headers['user-agent'];
  const options = toProxy(route, trust, { host: authority, ...(agent === undefined ? {} : { 'user-agent': agent }) });
  const send = route.proxy.protocol === 'https:' ? https.request : http.request;
  return new Promise<tls.TLSSocket>((resolve, reject) => {
    const request = send({ ...options, method: 'CONNECT', path: authority, signal: init.signal });
    request.on('error', (error) => reject(fail(error)));
    request.once('connect', (response, socket, head) => {
      const status = response.statusCode ?? 0;
      if (status < 200 || status > 299) {
        socket.destroy();
        const trouble = { kind: 'tunnel', status, statusText: response.statusMessage ?? '' } as const;
        return reject(new ProxyError({ id: 'proxy', proxy: route.name, trouble }));
      }
      if (head.length > 0) socket.unshift(head);
      const host = bareHost(url.hostname);
      const secure = tls.connect({
        socket,
        host,
        // RFC 6066 names hosts only, never addresses.
        ...(net.isIP(host) === 0 ? { servername: host } : {}),
        ALPNProtocols: ['http/1.1'],
        ...(trust.ca === undefined ? {} : { ca: trust.ca }),
      });
      const abort = (): void => void secure.destroy(init.signal.reason as Error);
      init.signal.addEventListener('abort', abort, { once: true });
      secure.once('close', () => socket.destroy());
      secure.once('error', reject);
      secure.once('secureConnect', () => {
        init.signal.removeEventListener('abort', abort);
        secure.off('error', reject);
        resolve(secure);
      });
    });
    request.end();
  });
}

/**
 * check-source's network for a run whose environment is `env`: each address directly or through the proxy
 * routeFor chooses; `trust` for tests only.
 */
export function createHttpFetch(env: Env, trust: Trust = {}): Fetch {
  return async (url, init) => {
    const route = routeFor(url, env);
    const common = { method: 'GET', headers: init.headers, signal: init.signal, maxHeaderSize: MAX_HEADER_BYTES };
    const ca = trust.ca === undefined ? {} : { ca: trust.ca };
    if (route.kind === 'bad') throw new ProxyError({ id: 'badProxy', variable: route.variable });
    if (route.kind === 'direct') {
      const send = url.protocol === 'https:' ? https.request : http.request;
      return answerOf(send(url, { ...common, agent: false, ...ca }));
    }
    if (url.protocol === 'https:') {
      const secure = await openTunnel(url, route, init, trust);
      // Without an agent, the default port (left out of Host) is the one given here.
      return answerOf(https.request(url, { ...common, defaultPort: 443, createConnection: () => secure }));
    }
    // An http:// address is asked of the proxy by its whole address; only a 407 is surely the proxy's own answer.
    const send = route.proxy.protocol === 'https:' ? https.request : http.request;
    const options = toProxy(route, trust, { ...init.headers, host: url.host });
    const request = send({ ...options, ...common, headers: options.headers, path: `${url.protocol}//${url.host}${url.pathname}${url.search}` });
    const fail = (error: Error): Error => new ProxyError({ id: 'proxy', proxy: route.name, trouble: proxyTrouble(error) });
    return answerOf(request, fail, (response) =>
      response.statusCode === 407
        ? new ProxyError({ id: 'proxy', proxy: route.name, trouble: { kind: 'request', status: 407, statusText: response.statusMessage ?? '' } })
        : null,
    );
  };
}
