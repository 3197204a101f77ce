import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { MAX_HEADER_BYTES, type Fetch, type HttpAnswer } from '../page/fetch-page';

/**
 * check-source's network in a real run (Io.fetch): one GET through
 * node:http(s), a connection of its own, closed after the answer. Not Node's
 * fetch, whose undici (6.x in Node 20) decodes gzip, deflate and br leniently
 * (a stream cut before its end reads as the whole page) and takes a chunked
 * answer cut by a closing server for a whole one. Here the body comes as
 * sent, and its stream errors when the connection ends before the answer
 * does (a missing last chunk, a short Content-Length, a reset): src/page/fetch-page.ts decides the rest.
 */
export const httpFetch: Fetch = (url, init) =>
  new Promise<HttpAnswer>((resolve, reject) => {
    const send = url.protocol === 'https:' ? https.request : http.request;
    const request = send(url, { method: 'GET', headers: init.headers, signal: init.signal, agent: false, maxHeaderSize: MAX_HEADER_BYTES });
    // Before the answer this rejects; after it, the body's stream carries the error (and the rejection is ignored).
    request.on('error', reject);
    request.once('response', (response) => {
      try {
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
