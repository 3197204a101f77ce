/**
 * One command model: every command is declared once (src/cli/commands/), every
 * option means the same in single and batch questions or is refused, every
 * file argument takes "-", and I/O failures are I/O errors, not bugs.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GLOBAL_OPTIONS, optionsOf } from '../src/cli/command';
import { COMMANDS } from '../src/cli/commands';
import { exitCodeFor } from '../src/cli/exit-code';
import { parseDocument } from 'yaml';
import { messagesFor } from '../src/present/messages/messages';
import { corpusFile } from './corpus';
import { BIN, CATALOG, exampleArgv, exampleStdin, FIXTURES, frenchSpaces, ROOT, runBin, runCli } from './helpers';

const MINIMAL = path.join(FIXTURES, 'valid', 'minimal.yaml');

function ndjson(text: string): unknown[] {
  return text === ''
    ? []
    : text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown);
}

describe('batch and single questions share one path', () => {
  test('services --batch honours --category, as the single question does', async () => {
    const batch = await runCli(['services', '--batch', '--category', 'medicaments'], {}, false, 'ipspl\n');
    const single = await runCli(['services', 'ipspl', '--category', 'medicaments', '--json']);
    expect(batch.code).toBe(0);
    const [answer] = ndjson(batch.stdout) as { services: unknown[] }[];
    expect(answer?.services).toHaveLength(2);
    expect(answer).toEqual(JSON.parse(single.stdout));
  });

  test('services --batch honours --own', async () => {
    const batch = ndjson((await runCli(['services', '--batch', '--own'], {}, false, 'ipspl\n')).stdout);
    expect(batch[0]).toEqual(JSON.parse((await runCli(['services', 'ipspl', '--own', '--json'])).stdout));
    expect((batch[0] as { services: { inherited_from: string | null }[] }).services.every((s) => s.inherited_from === null)).toBe(true);
  });

  test('an unknown --category exits 2 in batch as alone, before reading any line', async () => {
    const batch = await runCli(['services', '--batch', '--category', 'nope'], {}, false, 'podiatre\n');
    const single = await runCli(['services', 'podiatre', '--category', 'nope']);
    expect([batch.code, single.code]).toEqual([2, 2]);
    // The batch's output is JSON: the error is one line of it, before any answer.
    expect(ndjson(batch.stdout).map((d) => (d as { error: { code: string } }).error.code)).toEqual(['USAGE_ERROR']);
    expect(single.stdout).toBe('');
    // One line, then where the help is (a usage error).
    expect(batch.stderr).toBe(single.stderr);
    expect(batch.stderr.trimEnd().split('\n')).toHaveLength(2);
  });

  test.each([
    [['who', '--batch', '--format', 'csv']],
    [['services', '--batch', '--format', 'table']],
    [['can', '--batch', '--format', 'markdown']],
    [['can', '--batch', '--json', '--format', 'csv']],
  ])('a format batch mode cannot write is refused with one line (and where the help is), exit 2: %j', async (argv) => {
    const out = await runCli(argv, {}, false, 'SELAT\n');
    expect(out.code).toBe(2);
    // Asked for JSON (--json), the refusal is a JSON line too; asked for another format, nothing is.
    expect(out.stdout === '' ? null : JSON.parse(out.stdout).error.code).toBe(argv.includes('--json') ? 'USAGE_ERROR' : null);
    expect(out.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^ramq-access: /),
      frenchSpaces(`Saisissez « ramq-access ${argv[0]!} --help » pour plus d’informations.`),
    ]);
  });

  test('--batch --format json and --batch --json are the NDJSON the batch always wrote', async () => {
    const plain = await runCli(['who', '--batch'], {}, false, 'SELAT\n');
    expect((await runCli(['who', '--batch', '--json'], {}, false, 'SELAT\n')).stdout).toBe(plain.stdout);
    expect((await runCli(['who', '--batch', '--format', 'json'], {}, false, 'SELAT\n')).stdout).toBe(plain.stdout);
  });

  // Property: for random lines and random option sets, every batch answer is the single question's answer.
  const clienteles = ['podiatre', 'ipspl', 'IPS', 'candidat-ips-premiere-ligne', 'médecin', 'audioprothésiste', 'personnel administratif', 'ghost', ''];
  const services = ['SELAT', 'PME', 'facturacte', 'messagerie sécurisée', 'mon dossier', 'nope', ''];
  const tier = fc.option(fc.constantFrom('creation', 'request', 'unspecified'), { nil: undefined });
  const category = fc.option(fc.constantFrom('medicaments', 'administration', 'facturation-remuneration', 'Médicaments'), { nil: undefined });

  async function singleAnswer(argv: string[]): Promise<unknown> {
    const out = await runCli([...argv, '--json']);
    if (out.code === 2) return 'error';
    return JSON.parse(out.stdout);
  }

  async function batchAnswers(argv: string[], lines: string[]): Promise<unknown[]> {
    const out = await runCli([...argv, '--batch'], {}, false, lines.map((l) => `${l}\n`).join(''));
    return ndjson(out.stdout).map((a) => (typeof a === 'object' && a !== null && 'error' in a ? 'error' : a));
  }

  test('services: every --batch answer equals the same question asked alone', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...clienteles), { minLength: 1, maxLength: 4 }), tier, category, fc.boolean(), async (lines, t, c, own) => {
        const options = [...(t ? ['--tier', t] : []), ...(c ? ['--category', c] : []), ...(own ? ['--own'] : [])];
        const batch = await batchAnswers(['services', ...options], lines);
        expect(batch).toEqual(await Promise.all(lines.map(async (l) => (l === '' ? 'error' : singleAnswer(['services', l, ...options])))));
      }),
      { numRuns: 25 },
    );
  });

  test('who: every --batch answer equals the same question asked alone', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...services), { minLength: 1, maxLength: 4 }), tier, fc.boolean(), async (lines, t, expand) => {
        const options = [...(t ? ['--tier', t] : []), ...(expand ? ['--expand'] : [])];
        const batch = await batchAnswers(['who', ...options], lines);
        expect(batch).toEqual(await Promise.all(lines.map(async (l) => (l === '' ? 'error' : singleAnswer(['who', l, ...options])))));
      }),
      { numRuns: 25 },
    );
  });

  test('can: every --batch answer equals the same question asked alone', async () => {
    const pair = fc.tuple(fc.constantFrom(...clienteles), fc.constantFrom(...services));
    await fc.assert(
      fc.asyncProperty(fc.array(pair, { minLength: 1, maxLength: 4 }), tier, async (pairs, t) => {
        const options = t ? ['--tier', t] : [];
        const batch = await batchAnswers(
          ['can', ...options],
          pairs.map(([c, s]) => `${c}\t${s}`),
        );
        expect(batch).toEqual(await Promise.all(pairs.map(async ([c, s]) => (c === '' || s === '' ? 'error' : singleAnswer(['can', c, s, ...options])))));
      }),
      { numRuns: 25 },
    );
  });
});

describe('one format registry', () => {
  test('the people format is called table everywhere; text stays an alias for validate', async () => {
    for (const command of COMMANDS.filter((c) => c.formats.length > 0 && c.name !== 'export')) expect(command.formats).toContain('table');
    const table = await runCli(['validate', '--format', 'table']);
    expect(table.code).toBe(0);
    expect((await runCli(['validate', '--format', 'text'])).stdout).toBe(table.stdout);
  });

  test('--json is accepted by every command that offers json, export included', async () => {
    const withJson = COMMANDS.filter((c) => c.formats.includes('json'));
    expect(withJson.map((c) => c.name)).toEqual(expect.arrayContaining(['export', 'validate', 'diff', 'services']));
    const out = await runCli(['export', '--json']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toHaveProperty('catalog');
  });

  test('--json with another --format is refused, not silently one of them', async () => {
    const out = await runCli(['services', 'podiatre', '--json', '--format', 'csv']);
    expect(out.code).toBe(2);
    // --json was asked: the refusal is the JSON document
    expect(JSON.parse(out.stdout).error.code).toBe('USAGE_ERROR');
  });

  test('--format offers exactly the formats a command has presenters for', async () => {
    const out = await runCli(['list', 'services', '--format', 'github']);
    expect(out.code).toBe(2);
    expect((await runCli(['fmt', '--format', 'json'])).code).toBe(2);
  });
});

describe('every file argument takes "-" for standard input', () => {
  const text = fs.readFileSync(CATALOG, 'utf8');

  test('validate - reads standard input', async () => {
    const out = await runCli(['validate', '-'], {}, false, text);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('<stdin>');
  });

  test('validate - on an invalid catalogue reports it under <stdin>', async () => {
    const out = await runCli(['validate', '-', '--json'], {}, false, 'version: 2\n');
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout).files[0].file).toBe('<stdin>');
  });

  test('--catalog - reads the catalogue from standard input', async () => {
    const out = await runCli(['--catalog', '-', 'services', 'podiatre', '--json'], {}, false, text);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).clientele.id).toBe('podiatre');
  });

  test('standard input is read once: a second "-" is refused with a reason', async () => {
    expect((await runCli(['diff', '-', '-'], {}, false, text)).code).toBe(2);
    const out = await runCli(['--catalog', '-', 'services', '--batch'], {}, false, text);
    expect(out.code).toBe(2);
    // The refusal, then where the command's help is (a usage error).
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(2);
  });

  test.each([
    ['services', 'podiatre\n', {}],
    ['who', 'SELAT\n', {}],
    ['can', 'podiatre\tSELAT\n', {}],
    ['services', 'podiatre\n', { RAMQ_ACCESS_CATALOG: '-' }],
  ])('--batch with the catalogue on standard input is a usage error, before either is read: %s %j', async (command, questions, env) => {
    const argv = 'RAMQ_ACCESS_CATALOG' in env ? [command, '--batch'] : [command, '--batch', '--catalog', '-'];
    // The questions are no catalogue: read as one, they would give a catalogue error (exit 3).
    const out = await runCli([...argv, '--lang', 'en'], env, false, questions);
    expect([out.code, out.stderr]).toEqual([
      2,
      `ramq-access: standard input ("-") is read once: it cannot be both the catalogue (--catalog -) and the --batch questions\nTry 'ramq-access ${argv.find((a) => ['services', 'who', 'can'].includes(a))!} --help' for more information.\n`,
    ]);
  });

  test('validate, fmt and diff read "-" as their file argument: --catalog beside it is refused with its reason, never silently dropped', async () => {
    for (const argv of [
      ['validate', '-'],
      ['fmt', '-'],
      ['diff', '-', CATALOG],
    ]) {
      const out = await runCli([...argv, '--catalog', '-', '--lang', 'en'], {}, false, text);
      expect(out.code).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr.split('\n')[0]).toMatch(/^ramq-access: --catalog /);
    }
    // check-source reads both the catalogue and the page: "-" for both is refused.
    expect((await runCli(['check-source', '-', '--catalog', '-'], {}, false, text)).code).toBe(2);
  });

  test('diff - and fmt - still read standard input', async () => {
    expect((await runCli(['diff', '-', CATALOG], {}, false, text)).code).toBe(0);
    const fmt = await runCli(['fmt', '-'], {}, false, text);
    expect(fmt.code).toBe(0);
    expect(fmt.stdout).toBe(text);
  });
});

describe('I/O failures are I/O errors (exit 74), not bugs', () => {
  const shell = (script: string): { code: number | null; stderr: string } => {
    const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', cwd: ROOT });
    return { code: r.status, stderr: r.stderr };
  };

  test('a full disk on standard output: one line naming the stream, exit 74, no bug report', () => {
    const out = shell(`"${process.execPath}" "${BIN}" services podiatre --json --lang en > /dev/full`);
    expect(out.code).toBe(74);
    expect(out.stderr).toBe('ramq-access: cannot write to standard output: no space left on the device (ENOSPC)\n');
    const fr = shell(`LANG=fr_CA.UTF-8 "${process.execPath}" "${BIN}" services podiatre --json > /dev/full`);
    expect(fr.code).toBe(74);
    expect(fr.stderr).toBe(frenchSpaces('ramq-access: impossible d’écrire sur la sortie standard : plus d’espace sur le périphérique (ENOSPC)\n'));
  });

  test('a directory given as a catalogue: exit 74; a file that does not exist: exit 2', async () => {
    expect((await runCli(['validate', os.tmpdir()])).code).toBe(74);
    expect((await runCli(['--catalog', os.tmpdir(), 'services', 'podiatre'])).code).toBe(74);
    expect((await runCli(['diff', os.tmpdir(), CATALOG])).code).toBe(74);
    expect((await runCli(['validate', '/nonexistent/catalog.yaml'])).code).toBe(2);
    expect((await runCli(['diff', '/nonexistent/catalog.yaml', CATALOG])).code).toBe(2);
  });

  test('a write or read the system refuses is exit 74 for every command kind', () => {
    expect(exitCodeFor({ kind: 'formatted', invalid: 0, missing: 0, ioErrors: 1, unformatted: 0 })).toBe(74);
    expect(exitCodeFor({ kind: 'validated', problems: 1, missing: 1, ioErrors: 1 })).toBe(74);
    expect(exitCodeFor({ kind: 'validated', problems: 1, missing: 1, ioErrors: 0 })).toBe(2);
    expect(exitCodeFor({ kind: 'io-error' })).toBe(74);
  });
});

describe('help', () => {
  test.each(COMMANDS.filter((c) => !c.hidden).map((c) => c.name))('%s --help shows the global options and every option of the command', async (name) => {
    const out = await runCli([name, '--help']);
    expect(out.code).toBe(0);
    const command = COMMANDS.find((c) => c.name === name)!;
    for (const option of [...GLOBAL_OPTIONS, ...optionsOf(command)]) {
      const long = `--${option.long}`;
      expect([name, out.stdout.includes(long)]).toEqual([name, true]);
    }
  });
});

describe('examples', () => {
  // Every --help example runs through the real binary, in a folder of its own holding the files the examples name:
  // the shipped catalogue, an older one, a copy that is not in canonical form and a draft with a problem.
  const files: Readonly<Record<string, () => string>> = {
    'catalog.yaml': () => fs.readFileSync(CATALOG, 'utf8'),
    'old.yaml': () => fs.readFileSync(MINIMAL, 'utf8'),
    'messy.yaml': () => parseDocument(fs.readFileSync(CATALOG, 'utf8')).toString({ indent: 4 }),
    'draft.yaml': () => fs.readFileSync(corpusFile('unknown-clientele.yaml'), 'utf8'),
  };
  const dirs: string[] = [];
  const folder = (): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-examples-'));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text());
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });
  // What the tool says when it found nothing: an example that prints it shows nothing.
  const nothingFound = (['fr', 'en'] as const).flatMap((lang) => {
    const words = messagesFor(lang).words;
    return [words.noMatch, words.noService, words.noClientele];
  });

  const examples = COMMANDS.flatMap((c) => c.examples.map((e) => [c.name, e] as const));
  test.each(examples)('%s: %j', (_name, example) => {
    const dir = folder();
    const before = example.rewrites === undefined ? '' : fs.readFileSync(path.join(dir, example.rewrites), 'utf8');
    const out = runBin(exampleArgv(example), { cwd: dir, input: exampleStdin(example), env: { HOME: dir } });
    // exit 0, or the code the example declares because it is the answer (a "no" from can, a change found by diff)
    expect([example.line, out.code, out.stderr.includes('erreur interne')]).toEqual([example.line, example.exits ?? 0, false]);
    if (example.rewrites === undefined) {
      expect([example.line, out.stdout.trim().length > 0]).toEqual([example.line, true]);
      for (const sentence of nothingFound) expect([example.line, out.stdout.includes(sentence)]).toEqual([example.line, false]);
    } else {
      const file = path.join(dir, example.rewrites);
      expect([example.line, out.stdout, out.stderr.includes(example.rewrites)]).toEqual([example.line, '', true]);
      expect(fs.readFileSync(file, 'utf8')).not.toBe(before);
      expect(runBin(['fmt', '--check', file]).code).toBe(0);
    }
  });

  test('exit 1 is declared only where it is the answer: can saying no, validate finding problems, diff and fmt --check finding changes', () => {
    const declared = examples.filter(([, e]) => e.exits !== undefined).map(([name]) => name);
    expect(new Set(declared)).toEqual(new Set(['can', 'validate', 'diff', 'fmt']));
  });
});
