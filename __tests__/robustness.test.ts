import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document } from 'yaml';
import { choicesOf, GLOBAL_OPTIONS, optionsOf, type OptionSpec } from '../src/cli/command';
import { COMMANDS } from '../src/cli/commands';
import { noFetch } from '../src/cli/io';
import { run } from '../src/cli/main';
import { BIN, CATALOG, frenchSpaces, hasAnsi, runBin, runCli } from './helpers';

const DOCUMENTED_EXIT_CODES = [0, 1, 2, 3, 69, 70, 74];

describe('random argument vectors (property test, in-process)', () => {
  // Commands, flags and their choices come from the registry, so that a new command or option is fuzzed too.
  const vocabulary = [
    ...COMMANDS.map((c) => c.name),
    ...[...GLOBAL_OPTIONS, ...COMMANDS.flatMap((c) => optionsOf(c))].flatMap((o: OptionSpec) => [
      ...(o.short === undefined ? [] : [`-${o.short}`]),
      `--${o.long}`,
      ...(choicesOf(o.kind) ?? []),
    ]),
    ...COMMANDS.flatMap((c) => c.args.flatMap((a) => (typeof a.kind === 'string' ? [] : a.kind.choices))),
  ];
  const words = fc.constantFrom(
    ...new Set([
      ...vocabulary,
      'podiatre',
      'SELAT',
      'IPS',
      'médecin',
      'infirmière',
      'facturacte',
      'medicaments',
      'bogus',
      'xx',
      CATALOG,
      '/nonexistent/catalog.yaml',
      '-',
      '--',
      '--help',
      '-h',
      '--bogus',
      '',
    ]),
  );
  const argv = fc.array(fc.oneof({ weight: 5, arbitrary: words }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 7 });

  test('every run ends with a documented exit code and never throws', async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        // fmt without --check would rewrite files: keep the property test read-only.
        fc.pre(!(args.includes('fmt') && !args.includes('--check')));
        // and so would check-source --write, given a page that holds lists
        fc.pre(!(args.includes('check-source') && args.includes('--write')));
        cases++;
        let stderr = '';
        const code = await run(args, {
          stdout: () => undefined,
          stderr: (s) => (stderr += s),
          env: { LANG: 'fr_CA.UTF-8' },
          isTTY: false,
          columns: 80,
          errColumns: undefined,
          cwd: process.cwd(),
          // check-source with no page fetches the catalogue's source.url: a fetch that fails as offline never reaches the internet.
          fetch: noFetch,
          readStdin: () => 0,
        });
        expect(DOCUMENTED_EXIT_CODES).toContain(code);
        expect(code).not.toBe(70);
        expect(stderr).not.toMatch(/^\s+at /m);
      }),
      { numRuns: 3000 },
    );
    expect(cases).toBeGreaterThan(2000);
  });

  test("unknown options and commands get commander's suggestion", async () => {
    expect((await runCli(['services', 'podiatre', '--jsn'])).stderr).toBe(
      frenchSpaces(`ramq-access: option inconnue : --jsn ; vouliez-vous dire --json ?\nSaisissez « ramq-access services --help » pour plus d’informations.\n`),
    );
    expect((await runCli(['mtrix', '--lang', 'en'])).stderr).toBe(
      "ramq-access: unknown command: mtrix; did you mean matrix?\nTry 'ramq-access --help' for more information.\n",
    );
  });
});

describe('pipes', () => {
  test('`matrix | head -1` and `list services --json | head -c 10` end quietly with exit 0', () => {
    for (const cmd of ['matrix | head -1', 'list services --json | head -c 10']) {
      const [left, right] = cmd.split(' | ');
      const out = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" ${left} | ${right} >/dev/null`], { encoding: 'utf8' });
      expect([cmd, out.status, out.stderr]).toEqual([cmd, 0, '']);
    }
  });

  test('a large JSON document through a slow pipe arrives whole', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-pipe-'));
    const file = path.join(dir, 'big.yaml');
    const n = 400;
    const clienteles = Array.from({ length: n }, (_, i) => ({
      id: `c${i}`,
      name: `Clientèle ${i}`,
      name_en: `Clientele ${i}`,
      kind: 'profession',
      forms: [],
      aliases: [],
      terms_en: [],
      abbreviations: [],
    }));
    const services = Array.from({ length: 40 }, (_, i) => ({
      id: `s${i}`,
      name: `Service ${i}`,
      name_en: `Service en ${i}`,
      abbreviation: null,
      category: 'k',
      aliases: [],
      description: { fr: 'd', en: 'd' },
      grants: clienteles.map((c) => ({ clientele: c.id, tier: 'request', conditions: [] })),
      notes: [],
      sub_applications: [],
    }));
    fs.writeFileSync(
      file,
      new Document({ version: 1, source: { title: 't', publisher: 'p' }, categories: [{ id: 'k', name: 'K', name_en: 'K' }], clienteles, services }).toString(),
    );
    const script = `"${process.execPath}" "${BIN}" --catalog "${file}" matrix --json | (sleep 1; cat) | wc -c`;
    const out = spawnSync('bash', ['-c', `set -o pipefail; ${script}`], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const direct = runBin(['--catalog', file, 'matrix', '--json']);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(out.status).toBe(0);
    expect(Buffer.byteLength(direct.stdout)).toBeGreaterThan(1_000_000);
    expect(Number(out.stdout.trim())).toBe(Buffer.byteLength(direct.stdout));
    expect(JSON.parse(direct.stdout).rows).toHaveLength(n);
  });
});

describe('terminal safety', () => {
  test('escape sequences typed as names are shown neutralised, never sent to the terminal', () => {
    const out = runBin(['services', '\u001b[31mred\u0007']);
    expect(out.code).toBe(2);
    // eslint-disable-next-line no-control-regex
    expect(out.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(out.stderr).toContain('\\u{1b}[31mred\\u{7}');
    const option = runBin(['services', 'podiatre', '--\u001b[2J']);
    expect(option.code).toBe(2);
    expect(option.stderr).not.toContain('\u001b');
  });

  test('NO_COLOR wins over a terminal; cli-table3 adds no color of its own', async () => {
    const tty = await runCli(['services', 'podiatre'], { NO_COLOR: '1' }, true);
    expect(hasAnsi(tty.stdout)).toBe(false);
    const colored = await runCli(['services', 'podiatre'], {}, true);
    expect(hasAnsi(colored.stdout)).toBe(true);
    // borders are never colored: every escape sequence is one of the palette's
    const borders = colored.stdout.split('\n').filter((l) => /^[┌├└]/.test(l));
    for (const line of borders) expect(hasAnsi(line)).toBe(false);
  });
});

describe('internal errors', () => {
  const failingIo = async (env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> => {
    let stderr = '';
    const code = await run(['list', 'services', ...(env['DEBUGFLAG'] ? ['--debug'] : [])], {
      stdout: () => {
        throw new TypeError('boom');
      },
      stderr: (s) => (stderr += s),
      env: {},
      isTTY: false,
      columns: 80,
      errColumns: undefined,
      cwd: process.cwd(),
      fetch: noFetch,
      readStdin: () => 0,
    });
    return { code, stderr };
  };

  test('exit 70, one line that says it is a bug, and no made-up address', async () => {
    const { code, stderr } = await failingIo();
    expect(code).toBe(70);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    // No address to report to: the package names no repository, and a made-up one would mislead.
    expect(stderr).toMatch(/^ramq-access: erreur interne \(c’est un défaut du logiciel\)\u00a0: boom \(relancez avec --debug pour voir la pile d’appels\)\n$/);
  });

  test('the stack only with --debug', async () => {
    const { code, stderr } = await failingIo({ DEBUGFLAG: '1' });
    expect(code).toBe(70);
    expect(stderr).toMatch(/\n\s+at /);
  });
});
