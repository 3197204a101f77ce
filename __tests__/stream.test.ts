/**
 * Input read a chunk at a time (issue 14, items 6 and 7). Every input a command reads — a file, a
 * device, a FIFO, standard input — stops one byte past its size limit and is refused at once; --batch
 * answers each line as it comes, in memory that does not grow with the input, so that it works as a
 * coprocess and behind `| head`. Here in process, fed by fake readers that count what they give; a fake
 * endless input is finite (a few times the limit), so that a regression ends and fails rather than hangs. The
 * real pipes, devices, FIFOs and coprocesses, under an address-space cap and `timeout`: e2e.test.ts. Speed is
 * measured on the command line, never asserted here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_CATALOG_BYTES, readAtMost, type ChunkReader } from '../src/catalog/load-catalog';
import { noFetch, stdinOf } from '../src/cli/io';
import { run } from '../src/cli/main';
import { readChunk } from '../src/cli/read-fd';
import { MAX_LINE_BYTES, readLines } from '../src/cli/read-lines';
import type { BatchLine } from '../src/present/present-batch';
import { frenchSpaces, runCli, type RunOutput, ndjson } from './helpers';

/** The documented limits (README): a catalogue or a page is at most 4 MiB, a batch line at most 64 KiB. */
const DOCUMENTED_MAX_BYTES = 4 * 1024 * 1024;
const DOCUMENTED_MAX_LINE_BYTES = 64 * 1024;

/** Runs the CLI in-process on stdin bytes given at most `chunk` bytes per read. */
async function runBytes(argv: string[], bytes: Uint8Array, chunk = Infinity): Promise<RunOutput> {
  return runWith(argv, stdinOf(bytes, chunk));
}

/** Runs the CLI in-process, in English, with standard input read from `readStdin`. */
async function runWith(argv: string[], readStdin: ChunkReader): Promise<RunOutput> {
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
    readStdin,
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

/** A reader of `text` repeated (as `yes` writes) up to `total` bytes, never held in memory; counts the bytes it gave. */
function lines(text: string, total: number): ChunkReader & { given: () => number } {
  const unit = Buffer.from(text);
  let given = 0;
  const read = (into: Uint8Array): number => {
    const n = Math.min(into.length, total - given);
    for (let at = 0; at < n; at++) into[at] = unit[(given + at) % unit.length]!;
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

  test.each([
    [['diff', '-', 'catalog.yaml'], 3, 'stderr'],
    [['validate', '-'], 1, 'stdout'],
    [['fmt', '--check', '-'], 3, 'stderr'],
    [['check-source', '-'], 3, 'stderr'],
    [['--catalog', '-', 'services', 'podiatre'], 3, 'stderr'],
  ] as const)(
    'endless standard input (`yes | ramq-access %j`): exit %i, FILE_TOO_LARGE on %s, read one byte past the limit and no further',
    async (argv, code, stream) => {
      // Four times the limit: a regression that reads to the end ends too, and fails the count. The same through a real pipe: e2e.test.ts.
      const yes = lines('y\n', 4 * DOCUMENTED_MAX_BYTES);
      const out = await runWith([...argv], yes);
      expect(out[stream]).toMatch(/FILE_TOO_LARGE|over 4,194,304 bytes/);
      expect(out.code).toBe(code);
      expect(yes.given()).toBe(DOCUMENTED_MAX_BYTES + 1);
    },
  );
});

describe('--batch answers each line as it comes', () => {
  test('the limit of a line is the documented one', () => {
    expect(MAX_LINE_BYTES).toBe(DOCUMENTED_MAX_LINE_BYTES);
  });

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
});
