import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { BIN, ROOT, runBin } from './helpers';

function ndjson(text: string): Record<string, unknown>[] {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('batch mode through the real binary', () => {
  test('can --batch: one JSON line per question, in order; a bad line gets an error object; exit 2 when any line was bad', () => {
    const input = ['podiatre\tSELAT', 'dental hygienist\tFacturActe', 'médecin\tPME', 'just one column', 'IPSPL\tPME', 'ghost\tPME', ''].join('\n');
    const out = runBin(['can', '--batch'], { input });
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

  test('can --batch with only good questions exits 0, and answers the same as single calls', () => {
    const out = runBin(['can', '--batch', '--tier', 'creation'], { input: 'podiatre\tpme\naudioprothésiste\tmessagerie sécurisée\npodiatre\tpme\n' });
    expect(out.code).toBe(0);
    const lines = ndjson(out.stdout);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual(JSON.parse(runBin(['can', 'podiatre', 'pme', '--tier', 'creation', '--json']).stdout));
    expect(lines[1]).toMatchObject({ eligible: false });
    expect(lines[2]).toEqual(lines[0]);
  });

  test('services --batch and who --batch', () => {
    const services = ndjson(runBin(['services', '--batch'], { input: 'podiatrist\nIPS\n' }).stdout);
    expect(services.map((l) => (l['clientele'] as { id: string }).id)).toEqual(['podiatre', 'ips']);
    const who = runBin(['who', '--batch', '--tier', 'request'], { input: 'SELAT\nnope\n' });
    expect(who.code).toBe(2);
    const lines = ndjson(who.stdout);
    expect((lines[0]!['access'] as unknown[]).length).toBe(9);
    expect(lines[1]).toMatchObject({ error: { code: 'UNKNOWN_NAME', line: 2 } });
  });

  test('empty input: no output, exit 0; arguments with --batch: usage error', () => {
    expect(runBin(['can', '--batch'], { input: '' })).toMatchObject({ code: 0, stdout: '' });
    expect(runBin(['can', 'podiatre', 'selat', '--batch']).code).toBe(2);
    expect(runBin(['services', 'podiatre', '--batch']).code).toBe(2);
  });
});

describe('standard input that is a directory', () => {
  // `ramq-access can --batch < /`: reading fails with EISDIR, an I/O error (74) like any unreadable input, never an internal error (70).
  test.each([[['can', '--batch']], [['services', '--batch']], [['diff', '-', 'catalog.yaml']], [['validate', '-']]])(
    '%j < / exits 74 with one line',
    (argv) => {
      const fd = fs.openSync('/', 'r');
      try {
        const out = spawnSync(process.execPath, [BIN, ...argv, '--lang', 'en'], {
          stdio: [fd, 'pipe', 'pipe'],
          cwd: ROOT,
          encoding: 'utf8',
          env: { PATH: process.env['PATH'] },
        });
        expect({ argv, code: out.status }).toEqual({ argv, code: 74 });
        // validate reports the unreadable input as a problem line on stdout; the others say it on stderr, and
        // a batch (whose output is JSON) in an error line too.
        if (argv.includes('--batch')) expect(JSON.parse(out.stdout)).toMatchObject({ command: argv[0], error: { code: 'IO_ERROR', input: '' } });
        else if (argv[0] !== 'validate') expect(out.stdout).toBe('');
        expect(out.stdout + out.stderr).toMatch(/EISDIR/);
        expect(out.stderr).not.toMatch(/internal error|^\s+at /m);
      } finally {
        fs.closeSync(fd);
      }
    },
  );
});
