import fs from 'node:fs';
import { noFetch } from '../src/cli/io';
import { run } from '../src/cli/main';
import { readChunk } from '../src/cli/read-fd';
import { ROOT, runCli, type RunOutput } from './helpers';

function ndjson(text: string): Record<string, unknown>[] {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('batch mode', () => {
  test('can --batch: one JSON line per question, in order; a bad line gets an error object; exit 2 when any line was bad', async () => {
    const input = ['podiatre\tSELAT', 'dental hygienist\tFacturActe', 'médecin\tPME', 'just one column', 'IPSPL\tPME', 'ghost\tPME', ''].join('\n');
    const out = await runCli(['can', '--batch'], {}, false, input);
    expect(out.code).toBe(2);
    const lines = ndjson(out.stdout);
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatchObject({ clientele: { id: 'podiatre' }, service: { id: 'selat' }, eligible: false });
    expect(lines[1]).toMatchObject({ clientele: { id: 'hygieniste-dentaire' }, eligible: true, tier: 'creation' });
    expect(lines[2]).toMatchObject({ error: { code: 'AMBIGUOUS_NAME', line: 3, input: 'médecin' } });
    expect(lines[3]).toMatchObject({ error: { code: 'BAD_LINE', line: 4 } });
    expect(lines[4]).toMatchObject({ clientele: { id: 'ips-premiere-ligne' }, eligible: true, inherited_from: 'ips' });
    expect(lines[5]).toMatchObject({ error: { code: 'UNKNOWN_NAME', line: 6, input: 'ghost' } });
  });

  test('can --batch with only good questions exits 0, and answers the same as single calls', async () => {
    const out = await runCli(['can', '--batch', '--tier', 'creation'], {}, false, 'podiatre\tpme\naudioprothésiste\tmessagerie sécurisée\npodiatre\tpme\n');
    expect(out.code).toBe(0);
    const lines = ndjson(out.stdout);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual(JSON.parse((await runCli(['can', 'podiatre', 'pme', '--tier', 'creation', '--json'])).stdout));
    expect(lines[1]).toMatchObject({ eligible: false });
    expect(lines[2]).toEqual(lines[0]);
  });

  test('services --batch and who --batch', async () => {
    const services = ndjson((await runCli(['services', '--batch'], {}, false, 'podiatrist\nIPS\n')).stdout);
    expect(services.map((l) => (l['clientele'] as { id: string }).id)).toEqual(['podiatre', 'ips']);
    const who = await runCli(['who', '--batch', '--tier', 'request'], {}, false, 'SELAT\nnope\n');
    expect(who.code).toBe(2);
    const lines = ndjson(who.stdout);
    expect((lines[0]!['access'] as unknown[]).length).toBe(9);
    expect(lines[1]).toMatchObject({ error: { code: 'UNKNOWN_NAME', line: 2 } });
  });

  test('empty input: no output, exit 0; arguments with --batch: usage error', async () => {
    expect(await runCli(['can', '--batch'], {}, false, '')).toMatchObject({ code: 0, stdout: '' });
    expect((await runCli(['can', 'podiatre', 'selat', '--batch'])).code).toBe(2);
    expect((await runCli(['services', 'podiatre', '--batch'])).code).toBe(2);
  });
});

/** Runs the CLI in process with standard input read, by the real reader, from a descriptor of `/`. */
async function runOnDirectory(argv: string[]): Promise<RunOutput> {
  const fd = fs.openSync('/', 'r');
  let stdout = '';
  let stderr = '';
  try {
    const code = await run(argv, {
      stdout: (s) => (stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')),
      stderr: (s) => (stderr += s),
      env: { LANG: 'en_CA.UTF-8' },
      fetch: noFetch,
      isTTY: false,
      columns: 80,
      errColumns: undefined,
      cwd: ROOT,
      readStdin: (into) => readChunk(fd, into),
    });
    return { stdout, stderr, code };
  } finally {
    fs.closeSync(fd);
  }
}

describe('standard input that is a directory', () => {
  // `ramq-access can --batch < /`: reading fails with EISDIR, an I/O error (74) like any unreadable input, never an
  // internal error (70). The same through a real process: e2e.test.ts.
  test.each([[['can', '--batch']], [['services', '--batch']], [['diff', '-', 'catalog.yaml']], [['validate', '-']]])(
    '%j < / exits 74 with one line',
    async (argv) => {
      const out = await runOnDirectory(argv);
      expect({ argv, code: out.code }).toEqual({ argv, code: 74 });
      // validate reports the unreadable input as a problem line on stdout; the others say it on stderr, and
      // a batch (whose output is JSON) in an error line too.
      if (argv.includes('--batch')) expect(JSON.parse(out.stdout)).toMatchObject({ command: argv[0], error: { code: 'IO_ERROR', input: '' } });
      else if (argv[0] !== 'validate') expect(out.stdout).toBe('');
      expect(out.stdout + out.stderr).toMatch(/EISDIR/);
      expect(out.stderr).not.toMatch(/internal error|^\s+at /m);
    },
  );
});
