import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** What the fetch worker is asked to fetch, and within which limits. */
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

/** Why a page could not be fetched: data, worded by the command in the run's language. */
export type FetchFailure =
  | { readonly id: 'refused' }
  | { readonly id: 'dns'; readonly host: string }
  | { readonly id: 'network'; readonly code: string }
  | { readonly id: 'timeout'; readonly seconds: number }
  | { readonly id: 'http'; readonly status: number; readonly statusText: string }
  | { readonly id: 'tooManyRedirects'; readonly max: number }
  | { readonly id: 'badRedirect'; readonly location: string }
  /** `size` is the Content-Length when the server announced it, null when the body ran past the limit while read. */
  | { readonly id: 'tooLarge'; readonly size: number | null; readonly limit: number }
  | { readonly id: 'notHtml'; readonly contentType: string };

/** What the worker found: the page, "not modified since the recorded validators", or a failure. `url` is the address after redirects. */
export type FetchHeader =
  | {
      readonly kind: 'page';
      readonly url: string;
      /** The charset parameter of the Content-Type, or null. */
      readonly charset: string | null;
      readonly etag: string | null;
      readonly lastModified: string | null;
    }
  | { readonly kind: 'not-modified'; readonly url: string }
  | { readonly kind: 'failed'; readonly url: string; readonly failure: FetchFailure };

/** A fetched page's answer: the header, with the raw bytes of the body for a page (the page reader decodes them). */
export type FetchAnswer = (FetchHeader & { readonly kind: 'page'; readonly bytes: Uint8Array }) | Exclude<FetchHeader, { readonly kind: 'page' }>;

/** Whether a validator the server sent can be recorded in the catalogue (the schema's `etag` and `last_modified`: printable ASCII, one line). */
export function isRecordable(value: string | null, max: number): value is string {
  return value !== null && value.length <= max && /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value);
}

/** The worker script beside this module once built; run from the sources (tests), the built one in dist/. */
function workerPath(): string {
  const beside = path.join(__dirname, 'fetch-worker.js');
  return fs.existsSync(beside) ? beside : path.join(__dirname, '..', '..', 'dist', 'cli', 'fetch-worker.js');
}

/** Time the worker gets beyond the fetch's own timeout to start and to report it, before it is killed. */
const GRACE_MS = 5000;
/** Room in the worker's output for the header line. */
const HEADER_BYTES = 64 * 1024;

/**
 * Fetches a page synchronously: Node's own fetch runs in a child process
 * (src/cli/fetch-worker.ts) while this one waits, so that the CLI stays
 * synchronous. Expected failures come back as data; a worker that dies
 * without answering is a bug and throws.
 */
export function fetchPage(request: FetchRequest, env: Readonly<Record<string, string | undefined>>): FetchAnswer {
  const result = spawnSync(process.execPath, [workerPath()], {
    input: JSON.stringify(request),
    timeout: request.timeoutMs + GRACE_MS,
    killSignal: 'SIGKILL',
    maxBuffer: request.maxBytes + HEADER_BYTES,
    env: env as NodeJS.ProcessEnv,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  if (timedOut) return { kind: 'failed', url: request.url, failure: { id: 'timeout', seconds: request.timeoutMs / 1000 } };
  if (result.error !== undefined) throw new Error(`the fetch worker failed: ${result.error.message}`);
  const out = result.stdout;
  const end = out.indexOf(0x0a);
  if (result.status !== 0 || end === -1) {
    const why = result.stderr.toString('utf8').trim().split('\n')[0] ?? '';
    throw new Error(`the fetch worker ended without an answer (${result.signal ?? `exit ${String(result.status)}`}${why === '' ? '' : `: ${why}`})`);
  }
  const header = JSON.parse(out.subarray(0, end).toString('utf8')) as FetchHeader;
  return header.kind === 'page' ? { ...header, bytes: new Uint8Array(out.buffer, out.byteOffset + end + 1, out.length - end - 1) } : header;
}
