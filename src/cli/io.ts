import type { Fetch } from '../page/fetch-page';

/** Everything the CLI touches outside itself, so that tests can run it in-process. */
export interface Io {
  readonly stdout: (text: string | Uint8Array) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is a terminal, and its width then. */
  readonly isTTY: boolean;
  readonly columns: number | undefined;
  /** The width of standard error when it is a terminal, else undefined: messages are fitted to it. */
  readonly errColumns: number | undefined;
  /** The directory relative paths are shown from (GitHub annotations, SARIF). */
  readonly cwd: string;
  /**
   * Reads the next bytes of standard input into `into` (from its start) and
   * returns how many, 0 at its end; waits until some arrive and throws what the
   * system reports (EISDIR, EIO). Input is read a chunk at a time, so that
   * `-` stops at the size limit and `--batch` answers each line as it comes.
   */
  readonly readStdin: (into: Uint8Array) => number;
  /** One GET of an http(s) address for check-source (src/cli/http-fetch.ts in a real run; a fake or a local server in tests). */
  readonly fetch: Fetch;
}

/** A fetch for runs that must not reach the network: every call fails as a network failure would. */
export const noFetch: Fetch = () => Promise.reject(new Error('this run has no network'));

/** A standard input that holds the given text or bytes, given at most `chunkBytes` at a time (for in-process runs and tests). */
export function stdinOf(input: string | Uint8Array, chunkBytes = Infinity): Io['readStdin'] {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  let offset = 0;
  return (into) => {
    const n = Math.min(into.length, chunkBytes, bytes.length - offset);
    into.set(bytes.subarray(offset, offset + n));
    offset += n;
    return n;
  };
}
