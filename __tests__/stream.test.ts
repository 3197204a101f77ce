/**
 * Input read a chunk at a time (issue 14, items 6 and 7). Every input a command reads — a file, a
 * device, a FIFO, standard input — stops one byte past its size limit and is refused at once; --batch
 * answers each line as it comes, in memory that does not grow with the input, so that it works as a
 * coprocess and behind `| head`. The runs fed endless or huge input go through the real binary under
 * an address-space cap and `timeout`, so that a regression fails (killed, or out of memory) instead of
 * eating the shared machine; their speed is measured on the command line, never asserted here.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_CATALOG_BYTES, readAtMost, type ChunkReader } from '../src/catalog/load-catalog';
import { noFetch, stdinOf } from '../src/cli/io';
import { run } from '../src/cli/main';
import { readChunk } from '../src/cli/read-fd';
import { MAX_LINE_BYTES, readLines } from '../src/cli/read-lines';
import type { BatchLine } from '../src/present/present-batch';
import { BIN, frenchSpaces, ROOT, runCli, type RunOutput } from './helpers';

/** The documented limits (README): a catalogue or a page is at most 4 MiB, a batch line at most 64 KiB. */
const DOCUMENTED_MAX_BYTES = 4 * 1024 * 1024;
const DOCUMENTED_MAX_LINE_BYTES = 64 * 1024;

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

/** The NDJSON lines of an output. */
function ndjson(text: string): Record<string, unknown>[] {
  return text
    .trimEnd()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Runs the CLI in-process on stdin bytes given at most `chunk` bytes per read. */
async function runBytes(argv: string[], bytes: Uint8Array, chunk = Infinity): Promise<RunOutput> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (s) => (stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')),
    stderr: (s) => (stderr += s),
    env: { LANG: 'en_CA.UTF-8' },
    isTTY: false,
    columns: 80,
    errColumns: undefined,
    cwd: process.cwd(),
    fetch: noFetch,
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

  test('standard input one byte over the limit is FILE_TOO_LARGE; at the limit it is read', async () => {
    const over = await runBytes(['validate', '-'], Buffer.alloc(DOCUMENTED_MAX_BYTES + 1, '#'), 65_536);
    expect(over.code).toBe(1);
    expect(over.stdout).toMatch(/FILE_TOO_LARGE the input is over 4,194,304 bytes/);
    const at = await runBytes(['validate', '-'], Buffer.concat([Buffer.from('# '), Buffer.alloc(DOCUMENTED_MAX_BYTES - 3, 'x'), Buffer.from('\n')]), 65_536);
    expect(at.stdout).not.toMatch(/FILE_TOO_LARGE/);
    expect(at.stdout).toMatch(/EMPTY_DOCUMENT/);
  });

  test('--catalog /dev/zero: exit 3, FILE_TOO_LARGE, in bounded memory', () => {
    const out = shell(`${RAMQ} --catalog /dev/zero services podiatre`);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^ramq-access: cannot use the catalogue \/dev\/zero:\n\/dev\/zero: FILE_TOO_LARGE the input is over 4,194,304 bytes/);
    expect(out.code).toBe(3);
  });

  test('a FIFO with an endless writer as --catalog: exit 3, FILE_TOO_LARGE', () => {
    const fifo = path.join(tmp, 'endless.fifo');
    // The writer is this script's own job: it ends when the reader closes the FIFO (SIGPIPE), or is killed by its id.
    const out = shell(
      `mkfifo "${fifo}"; yes > "${fifo}" & writer=$!; ${RAMQ} --catalog "${fifo}" services podiatre; status=$?; kill $writer 2>/dev/null; wait; exit $status`,
    );
    expect(out.stderr).toMatch(/FILE_TOO_LARGE the input is over 4,194,304 bytes/);
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
    expect(out[stream]).toMatch(/over 4,194,304 bytes/);
    expect(out.code).toBe(code);
  });
});

describe('--batch answers each line as it comes', () => {
  test('the limit of a line is the documented one', () => {
    expect(MAX_LINE_BYTES).toBe(DOCUMENTED_MAX_LINE_BYTES);
  });

  test('`yes podiatre | services --batch | head -3`: three answers, then a quiet exit 0 when the reader goes', () => {
    const out = shell(`yes podiatre | ${RAMQ} services --batch | head -3; echo "status=\${PIPESTATUS[1]}" >&2`);
    const lines = ndjson(out.stdout);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatchObject({ clientele: { id: 'podiatre' } });
    expect(out.stderr).toBe('status=0\n');
  });

  test('a coprocess: each answer arrives before the next question is sent', async () => {
    const child = spawn(process.execPath, [BIN, 'services', '--batch'], { cwd: ROOT, env: { PATH: process.env['PATH'], LANG: 'en_CA.UTF-8' } });
    let received = '';
    let waiting: (() => void) | null = null;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      received += text;
      waiting?.();
    });
    // Resolves once `n` complete lines have arrived; rejects after a generous while (a binary that waits for the end of its input never answers).
    const lines = (n: number): Promise<string[]> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer after 30 s; received ${JSON.stringify(received)}`)), 30_000);
        waiting = () => {
          const done = received.split('\n').slice(0, -1);
          if (done.length < n) return;
          clearTimeout(timer);
          waiting = null;
          resolve(done);
        };
        waiting();
      });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const asked = ['podiatre', 'IPS', 'ghost', 'podiatre'];
      for (let i = 0; i < asked.length; i++) {
        child.stdin.write(`${asked[i]}\n`);
        const answers = await lines(i + 1);
        expect(answers).toHaveLength(i + 1);
      }
      child.stdin.end();
      expect(await exited).toBe(2);
      expect(ndjson(received).map((l) => (l['clientele'] as { id: string } | undefined)?.id ?? (l['error'] as { code: string }).code)).toEqual([
        'podiatre',
        'ips',
        'UNKNOWN_NAME',
        'podiatre',
      ]);
    } finally {
      child.kill();
    }
  }, 150_000);

  test('in-process: the answers to what a read gave are written before the next read', async () => {
    const questions = ['podiatre', 'ghost', 'IPS', 'podiatre'];
    let written = 0;
    let reads = 0;
    const seen: number[] = [];
    const code = await run(['services', '--batch'], {
      stdout: (s) => (written += (typeof s === 'string' ? s : Buffer.from(s).toString('utf8')).split('\n').length - 1),
      stderr: () => undefined,
      env: { LANG: 'en_CA.UTF-8' },
      isTTY: false,
      columns: 80,
      errColumns: undefined,
      cwd: process.cwd(),
      fetch: noFetch,
      readStdin: (into) => {
        // One question per read, as a coprocess sends them: by the time of each read, every earlier one is answered.
        seen.push(written);
        const question = questions[reads++];
        if (question === undefined) return 0;
        return Buffer.from(`${question}\n`).copy(into);
      },
    });
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(code).toBe(2);
  });

  test('512 MiB of NUL bytes without a line end: one LINE_TOO_LONG error object and exit 2, in bounded memory', () => {
    const out = shell(`head -c 512M /dev/zero | ${RAMQ} can --batch; echo "status=\${PIPESTATUS[1]}" >&2`);
    const lines = ndjson(out.stdout);
    expect(lines).toEqual([
      {
        command: 'can',
        error: {
          code: 'LINE_TOO_LONG',
          message: 'line too long: 536,870,912 bytes; a line has at most 65,536',
          line: 1,
          input: '',
          suggestions: [],
        },
      },
    ]);
    expect(out.stderr).toBe('status=2\n');
  });

  test('a line over the limit gets an error object (not echoed) and the lines after it are answered', async () => {
    const long = 'podiatre '.repeat(8000);
    const out = await runCli(['services', '--batch', '--lang', 'en'], {}, false, `podiatre\n${long}\nIPS\n${long}\r\n`);
    const lines = ndjson(out.stdout);
    expect(lines.map((l) => (l['error'] as { code: string } | undefined)?.code ?? (l['clientele'] as { id: string }).id)).toEqual([
      'podiatre',
      'LINE_TOO_LONG',
      'ips',
      'LINE_TOO_LONG',
    ]);
    expect(lines[1]).toEqual({
      command: 'services',
      error: { code: 'LINE_TOO_LONG', message: 'line too long: 72,000 bytes; a line has at most 65,536', line: 2, input: '', suggestions: [] },
    });
    expect(lines[3]).toMatchObject({ error: { line: 4, message: 'line too long: 72,000 bytes; a line has at most 65,536' } });
    expect(out.code).toBe(2);
    const fr = ndjson((await runCli(['services', '--batch'], {}, false, `${long}\n`)).stdout);
    expect(fr[0]).toMatchObject({
      error: {
        code: 'LINE_TOO_LONG',
        message: frenchSpaces(
          `ligne trop longue : ${(72_000).toLocaleString('fr-CA')} octets ; une ligne en compte au plus ${(65_536).toLocaleString('fr-CA')}`,
        ),
      },
    });
  });

  test('a line of exactly the limit is a question (a name too long), one byte more is LINE_TOO_LONG; a CR before the LF is not counted', async () => {
    const at = 'x'.repeat(DOCUMENTED_MAX_LINE_BYTES);
    const codes = async (input: string): Promise<string[]> =>
      ndjson((await runCli(['services', '--batch', '--lang', 'en'], {}, false, input)).stdout).map((l) => (l['error'] as { code: string }).code);
    expect(await codes(`${at}\n${at}x\n${at}\r\n${at}x\r\n`)).toEqual(['NAME_TOO_LONG', 'LINE_TOO_LONG', 'NAME_TOO_LONG', 'LINE_TOO_LONG']);
    expect(await codes(at)).toEqual(['NAME_TOO_LONG']);
    expect(await codes(`${at}x`)).toEqual(['LINE_TOO_LONG']);
  });

  test('input without a line end is answered', async () => {
    const can = await runCli(['can', '--batch'], {}, false, 'podiatre\tselat');
    expect(ndjson(can.stdout)).toEqual([expect.objectContaining({ clientele: expect.objectContaining({ id: 'podiatre' }), eligible: false })]);
    expect(can.code).toBe(0);
    expect(ndjson((await runCli(['services', '--batch'], {}, false, 'podiatre\nips')).stdout)).toHaveLength(2);
  });

  test('a line with a NUL byte gets BINARY_LINE, one that is not UTF-8 NOT_UTF8; the others are answered', async () => {
    const input = Buffer.concat([Buffer.from('podiatre\0\n'), Buffer.from('m\xe9decin\n', 'latin1'), Buffer.from('\0\0\0\npodiatre\n')]);
    const out = await runBytes(['services', '--batch'], input);
    expect(ndjson(out.stdout)).toEqual([
      {
        command: 'services',
        error: { code: 'BINARY_LINE', message: 'the line holds a NUL byte: it is not text', line: 1, input: 'podiatre\u0000', suggestions: [] },
      },
      { command: 'services', error: { code: 'NOT_UTF8', message: 'the line is not UTF-8 text', line: 2, input: 'm\ufffddecin', suggestions: [] } },
      {
        command: 'services',
        error: { code: 'BINARY_LINE', message: 'the line holds a NUL byte: it is not text', line: 3, input: '\u0000\u0000\u0000', suggestions: [] },
      },
      expect.objectContaining({ clientele: expect.objectContaining({ id: 'podiatre' }) }),
    ]);
    expect(out.code).toBe(2);
  });

  test('the answers do not depend on how the input is cut into reads', async () => {
    const input = Buffer.concat([
      Buffer.from('\ufeffpodiatre\r\n\nIPS\nhygiéniste dentaire\r\n'),
      Buffer.from('y'.repeat(DOCUMENTED_MAX_LINE_BYTES + 3)),
      Buffer.from('\nm\xe9decin\n', 'latin1'),
      Buffer.from('a\0b\nSpécialiste en chirurgie buccale et maxillo-faciale\r\n\ufeffpodiatre\npodiatre'),
    ]);
    const whole = await runBytes(['services', '--batch'], input);
    const codes = ndjson(whole.stdout).map((l) => (l['error'] as { code: string } | undefined)?.code ?? (l['clientele'] as { id: string }).id);
    expect(codes).toEqual([
      'podiatre',
      'BAD_LINE',
      'ips',
      'hygieniste-dentaire',
      'LINE_TOO_LONG',
      'NOT_UTF8',
      'BINARY_LINE',
      'specialiste-chirurgie-buccale',
      'podiatre',
      'podiatre',
    ]);
    for (const chunk of [1, 2, 3, 5, 64, 4096, 65_535, 65_537]) {
      expect({ chunk, out: await runBytes(['services', '--batch'], input, chunk) }).toEqual({ chunk, out: whole });
    }
  });

  test('readLines keeps no more than one line: an endless line is skipped to its end, whatever its size', () => {
    const reader = endless(0x79, 200 * 1024 * 1024);
    const lines = [...readLines(reader)].filter((l): l is BatchLine => l !== null);
    expect(lines).toEqual([{ refused: 'LINE_TOO_LONG', bytes: 200 * 1024 * 1024, limit: DOCUMENTED_MAX_LINE_BYTES }]);
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

  // Node 20's synchronous reads already wait on a non-blocking pipe (libuv polls it); the test keeps that so whatever reads stdin.
  test('a non-blocking standard input that has nothing yet is waited on, not an error', () => {
    const python = spawnSync('python3', ['-c', '0']);
    if (python.status !== 0) throw new Error('this test needs python3 to make standard input non-blocking');
    const nonBlocking = `import fcntl, os, sys; fcntl.fcntl(0, fcntl.F_SETFL, fcntl.fcntl(0, fcntl.F_GETFL) | os.O_NONBLOCK); os.execvp(sys.argv[1], sys.argv[1:])`;
    const out = shell(
      `(sleep 0.5; echo podiatre; sleep 0.5; echo IPS) | timeout -k 5 60 python3 -c '${nonBlocking}' "${process.execPath}" "${BIN}" services --batch`,
    );
    expect(ndjson(out.stdout).map((l) => (l['clientele'] as { id: string }).id)).toEqual(['podiatre', 'ips']);
    expect(out.code).toBe(0);
  });
});
