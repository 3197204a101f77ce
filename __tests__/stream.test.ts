/**
 * Input read a chunk at a time (issue 14, item 6). Every input a command reads — a file, a device, a
 * FIFO, standard input — stops one byte past its size limit and is refused at once. The runs fed
 * endless or huge input go through the real binary under an address-space cap and `timeout`, so that
 * a regression fails (killed, or out of memory) instead of eating the shared machine; their speed is
 * measured on the command line, never asserted here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_CATALOG_BYTES, readAtMost, type ChunkReader } from '../src/catalog/load-catalog';
import { stdinOf } from '../src/cli/io';
import { run } from '../src/cli/main';
import { readChunk } from '../src/cli/read-fd';
import { BIN, ROOT, type RunOutput } from './helpers';

/** The documented limit (README): a catalogue or a page is at most 4 MiB. */
const DOCUMENTED_MAX_BYTES = 4 * 1024 * 1024;

/**
 * Address space (KiB) for the spawned runs: node itself reserves about 1 GiB of it, so this leaves
 * about half a gibibyte, which a run that keeps its input (512 MiB of it below) cannot have.
 */
const CAP_KB = 1536 * 1024;
/** The real binary, killed after a minute: a run that waits for the end of an endless input fails instead of hanging the suite. */
const RAMQ = `timeout -k 5 60 "${process.execPath}" "${BIN}"`;

/** Runs a shell script with the address-space cap, from the repository, in English. */
function shell(script: string): RunOutput {
  const out = spawnSync('bash', ['--norc', '--noprofile', '-c', `ulimit -v ${CAP_KB}; ${script}`], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env['PATH'], LANG: 'en_CA.UTF-8' },
    timeout: 150_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return { stdout: out.stdout, stderr: out.stderr, code: out.status ?? -1 };
}

/** Runs the CLI in-process on stdin bytes given at most `chunk` bytes per read. */
function runBytes(argv: string[], bytes: Uint8Array, chunk = Infinity): RunOutput {
  let stdout = '';
  let stderr = '';
  const code = run(argv, {
    stdout: (s) => (stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')),
    stderr: (s) => (stderr += s),
    env: { LANG: 'en_CA.UTF-8' },
    isTTY: false,
    columns: 80,
    cwd: process.cwd(),
    readStdin: stdinOf(bytes, chunk),
  });
  return { stdout, stderr, code };
}

/** A reader of `total` bytes of `byte`, never held in memory; counts the bytes it gave. */
function endless(byte: number, total = Infinity): ChunkReader & { given: () => number } {
  let given = 0;
  const read = (into: Uint8Array): number => {
    const n = Math.min(into.length, total - given);
    into.fill(byte, 0, n);
    given += n;
    return n;
  };
  return Object.assign(read, { given: () => given });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-stream-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('every input stops one byte past its size limit', () => {
  test('readAtMost reads an input up to the limit, and refuses it after reading one byte more, however it comes', () => {
    expect(MAX_CATALOG_BYTES).toBe(DOCUMENTED_MAX_BYTES);
    for (const chunk of [1, 7, 65_536, Infinity]) {
      const exact = readAtMost(stdinOf(Buffer.alloc(1000, 'a'), chunk), 1000);
      expect(exact?.length).toBe(1000);
      expect(readAtMost(stdinOf(Buffer.alloc(1001, 'a'), chunk), 1000)).toBeNull();
    }
    const zero = endless(0);
    expect(readAtMost(zero, DOCUMENTED_MAX_BYTES)).toBeNull();
    expect(zero.given()).toBe(DOCUMENTED_MAX_BYTES + 1);
  });

  test('standard input one byte over the limit is FILE_TOO_LARGE; at the limit it is read', () => {
    const over = runBytes(['validate', '-'], Buffer.alloc(DOCUMENTED_MAX_BYTES + 1, '#'), 65_536);
    expect(over.code).toBe(1);
    expect(over.stdout).toMatch(/FILE_TOO_LARGE the input is over 4194304 bytes/);
    const at = runBytes(['validate', '-'], Buffer.concat([Buffer.from('# '), Buffer.alloc(DOCUMENTED_MAX_BYTES - 3, 'x'), Buffer.from('\n')]), 65_536);
    expect(at.stdout).not.toMatch(/FILE_TOO_LARGE/);
    expect(at.stdout).toMatch(/EMPTY_DOCUMENT/);
  });

  test('--catalog /dev/zero: exit 3, FILE_TOO_LARGE, in bounded memory', () => {
    const out = shell(`${RAMQ} --catalog /dev/zero services podiatre`);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^ramq-access: cannot use the catalogue \/dev\/zero:\n\/dev\/zero: FILE_TOO_LARGE the input is over 4194304 bytes/);
    expect(out.code).toBe(3);
  });

  test('a FIFO with an endless writer as --catalog: exit 3, FILE_TOO_LARGE', () => {
    const fifo = path.join(tmp, 'endless.fifo');
    // The writer is this script's own job: it ends when the reader closes the FIFO (SIGPIPE), or is killed by its id.
    const out = shell(
      `mkfifo "${fifo}"; yes > "${fifo}" & writer=$!; ${RAMQ} --catalog "${fifo}" services podiatre; status=$?; kill $writer 2>/dev/null; wait; exit $status`,
    );
    expect(out.stderr).toMatch(/FILE_TOO_LARGE the input is over 4194304 bytes/);
    expect(out.code).toBe(3);
  });

  test.each([
    [['diff', '-', 'catalog.yaml'], 3, 'stderr'],
    [['validate', '-'], 1, 'stdout'],
    [['fmt', '--check', '-'], 3, 'stderr'],
    [['check-source', '-'], 3, 'stderr'],
    [['--catalog', '-', 'services', 'podiatre'], 3, 'stderr'],
  ] as const)('endless standard input into %j: exit %i, FILE_TOO_LARGE on %s', (argv, code, stream) => {
    const out = shell(`yes | ${RAMQ} ${argv.join(' ')}`);
    expect(out[stream]).toMatch(/over 4194304 bytes/);
    expect(out.code).toBe(code);
  });
});

test('readChunk waits out EAGAIN (a descriptor with nothing yet) and reads on', () => {
  const again = (): never => {
    throw Object.assign(new Error('EAGAIN: resource temporarily unavailable, read'), { code: 'EAGAIN' });
  };
  const spy = jest.spyOn(fs, 'readSync').mockImplementationOnce(again).mockImplementationOnce(again);
  try {
    const file = path.join(tmp, 'three.txt');
    fs.writeFileSync(file, 'abc');
    const fd = fs.openSync(file, 'r');
    const into = Buffer.alloc(8);
    try {
      expect(readChunk(fd, into)).toBe(3);
    } finally {
      fs.closeSync(fd);
    }
    expect(into.subarray(0, 3).toString()).toBe('abc');
    expect(spy).toHaveBeenCalledTimes(3);
  } finally {
    spy.mockRestore();
  }
});
