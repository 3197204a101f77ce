import Ajv2020 from 'ajv/dist/2020';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMMANDS } from '../src/cli/commands';
import { noFetch } from '../src/cli/io';
import { run } from '../src/cli/main';
import { FORMATS } from '../src/present/formats';
import { corpusFile } from './corpus';
import { CATALOG, exampleArgv, exampleStdin, FIXTURES, ROOT, runCli, writeMutatedPage, type RunOutput } from './helpers';
import { describeWithPython, readWithPython } from './python';

const MINIMAL = path.join(FIXTURES, 'valid', 'minimal.yaml');
// A copy of the page with a finding of every kind check-source has, and stubs.
const MUTATED_PAGE = writeMutatedPage('ramq-output-');

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'output.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(schema);

function validator(def: string) {
  const validate = ajv.getSchema(`${schema.$id}#/$defs/${def}`);
  if (!validate) throw new Error(`no definition ${def}`);
  return validate;
}

const cases: [string, string[]][] = [
  ['services_output', ['services', 'podiatrist', '--json']],
  ['services_output', ['services', 'IPSPL', '--json']],
  ['services_output', ['services', 'candidat-ips-premiere-ligne', '--tier', 'request', '--json']],
  ['who_output', ['who', 'SELAT', '--tier', 'request', '--json']],
  ['who_output', ['who', 'messagerie-securisee', '--expand', '--json']],
  ['who_output', ['who', 'identification-medecin-famille', '--json']],
  ['can_output', ['can', 'hygiéniste dentaire', 'facturacte', '--json']],
  ['can_output', ['can', 'podiatre', 'selat', '--json']],
  ['can_output', ['can', 'IPSPL', 'PME', '--json']],
  ['list_services_output', ['list', 'services', '--json']],
  ['list_clienteles_output', ['list', 'clienteles', '--json']],
  ['list_categories_output', ['list', 'categories', '--json']],
  ['show_output', ['show', 'SELAT', '--json']],
  ['show_output', ['show', 'IPS', '--json']],
  ['show_output', ['show', 'medicaments', '--json']],
  ['search_output', ['search', 'aide', '--json']],
  ['matrix_output', ['matrix', '--json']],
  ['matrix_output', ['matrix', '--category', 'medicaments', '--json']],
  ['validate_output', ['validate', '--json']],
  ['validate_output', ['validate', corpusFile('unknown-clientele.yaml'), '--json']],
  ['validate_output', ['validate', corpusFile('yaml-tab.yaml'), corpusFile('comments-only.yaml'), corpusFile('control-newline-in-key.yaml'), '--json']],
  ['diff_output', ['diff', path.join(FIXTURES, 'valid', 'minimal.yaml'), path.join(ROOT, 'catalog.yaml'), '--json']],
  ['diff_output', ['diff', path.join(ROOT, 'catalog.yaml'), path.join(ROOT, 'catalog.yaml'), '--json']],
  ['export_output', ['export', '--format', 'json']],
  ['check_source_output', ['check-source', path.join(FIXTURES, 'source', 'liste-des-services-en-ligne.txt'), '--json']],
  ['check_source_output', ['check-source', path.join(FIXTURES, 'source', 'liste-des-services-en-ligne-div.html'), '--json']],
  ['check_source_output', ['check-source', MUTATED_PAGE, '--json']],
];

const whole = ajv.getSchema(schema.$id)!;
const SCHEMA_FILE = path.join(ROOT, 'schema', 'output.schema.json');

/** The document of each case, asked once. */
const documents = new Map<string, Record<string, unknown>>();
async function documentOf(argv: string[]): Promise<Record<string, unknown>> {
  const key = JSON.stringify(argv);
  if (!documents.has(key)) documents.set(key, JSON.parse((await runCli(argv)).stdout) as Record<string, unknown>);
  return documents.get(key)!;
}

test.each(cases)('%s: %j', async (def, argv) => {
  const out = await runCli(argv);
  expect([0, 1]).toContain(out.code);
  expect(out.stderr).toBe('');
  const doc = JSON.parse(out.stdout);
  const validate = validator(def);
  expect(validate(doc) ? [] : validate.errors).toEqual([]);
  // and against the whole contract, which it names its command to
  expect(doc.command).toBe(argv[0]);
  expect(whole(doc) ? [] : whole.errors).toEqual([]);
});

/** A value of another JSON type than `value`'s, which no member of a document takes in place of it. */
function wrongType(value: unknown): unknown {
  if (value === null || typeof value === 'string') return 42;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? 'wrong' : [];
}

/** A copy of an object without one of its members. */
function omit(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

/** Every document made by removing one member of `doc` (or of its `error`), or giving it a wrong type: none is an answer. */
function mutationsOf(doc: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const key of Object.keys(doc)) {
    out.push([`without ${key}`, omit(doc, key)], [`${key} of a wrong type`, { ...doc, [key]: wrongType(doc[key]) }]);
  }
  const error = doc['error'] as Record<string, unknown> | undefined;
  // An error object's members, except those only some have (instead, line, problems).
  for (const key of ['code', 'message', 'input', 'suggestions']) {
    if (error === undefined) break;
    out.push(
      [`error without ${key}`, { ...doc, error: omit(error, key) }],
      [`error.${key} of a wrong type`, { ...doc, error: { ...error, [key]: wrongType(error[key]) } }],
    );
  }
  return out;
}

test.each(cases)('%s: %j without any one of its members, or with one of a wrong type, is refused by the whole schema', async (_def, argv) => {
  const doc = await documentOf(argv);
  const accepted = mutationsOf(doc)
    .filter(([, mutated]) => whole(mutated) === true)
    .map(([what]) => what);
  expect(accepted).toEqual([]);
});

test("the schema's commands are the commands that offer json, and every answer names its command first", async () => {
  const withJson = COMMANDS.filter((c) => c.formats.includes('json')).map((c) => c.name);
  expect(Object.keys(FORMATS.json.presenters).sort()).toEqual([...withJson].sort());
  expect([...schema.$defs.command.enum].sort()).toEqual([...withJson].sort());
  for (const [, argv] of cases) expect([argv, Object.keys(await documentOf(argv))[0]]).toEqual([argv, 'command']);
});

test('answers that looked like others are refused: can without eligible, or with "yes"; services without clientele', async () => {
  const can = await documentOf(['can', 'podiatre', 'selat', '--json']);
  const noEligible = omit(can, 'eligible');
  const services = await documentOf(['services', 'podiatrist', '--json']);
  const noClientele = omit(services, 'clientele');
  expect([whole(can), whole(noEligible), whole({ ...can, eligible: 'yes' }), whole(services), whole(noClientele)]).toEqual([true, false, false, true, false]);
  // A document that names no command, or one that does not answer in JSON, is none.
  const anonymous = omit(services, 'command');
  expect([whole(anonymous), whole({ ...services, command: 'fmt' }), whole({ ...services, command: 'who' })]).toEqual([false, false, false]);
});

test('every command that offers json names its definition, and the cases above cover it', () => {
  const withJson = COMMANDS.filter((c) => c.formats.includes('json'));
  expect(withJson.length).toBeGreaterThan(0);
  for (const command of withJson) {
    expect([command.name, command.outputSchema !== null && schema.$defs[command.outputSchema] !== undefined]).toEqual([command.name, true]);
    expect([command.name, cases.some(([, argv]) => argv[0] === command.name)]).toEqual([command.name, true]);
  }
});

// Every example of every command that offers json, asked with --json, follows the command's definition (batch examples: each line).
const examples = COMMANDS.filter((c) => c.formats.includes('json')).flatMap((c) => c.examples.map((e) => [c.name, c.outputSchema ?? '', e] as const));
test.each(examples)('%s example with --json follows %s: %j', async (_name, def, example) => {
  const argv = exampleArgv(example).filter((_, i, all) => all[i] !== '--format' && all[i - 1] !== '--format' && all[i] !== '--json');
  const stdin = exampleStdin(example);
  const files: Readonly<Record<string, string>> = { 'catalog.yaml': CATALOG, 'old.yaml': MINIMAL, 'draft.yaml': corpusFile('unknown-clientele.yaml') };
  const out = await runCli([...argv.map((a) => files[a] ?? a), '--json'], {}, false, stdin);
  expect([example.line, out.stderr]).toEqual([example.line, '']);
  const validate = validator(def);
  const docs = argv.includes('--batch') ? out.stdout.trimEnd().split('\n') : [out.stdout];
  for (const doc of docs) expect(validate(JSON.parse(doc)) ? [] : validate.errors).toEqual([]);
});

test.each([
  ['can_output', ['can', '--batch'], 'podiatre\tSELAT\nmédecin\tPME\nbad line\n'],
  ['services_output', ['services', '--batch'], 'podiatrist\nghost\n'],
  ['who_output', ['who', '--batch', '--expand'], 'SELAT\nmessagerie-securisee\n\n'],
])('every --batch line is a %s or a batch_error: %j', async (def, argv, input) => {
  const out = await runCli(argv, {}, false, input);
  const lines = out.stdout.trimEnd().split('\n');
  expect(lines.length).toBe(input.replace(/\n$/, '').split('\n').length);
  const answer = validator(def);
  const error = validator('batch_error');
  for (const line of lines) {
    const doc = JSON.parse(line);
    expect([line, answer(doc) || error(doc)]).toEqual([line, true]);
  }
});

describe('with --json, a run that ends in an error prints one JSON document: an error_output, as a --batch line shows a bad question', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-json-errors-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const noLists = path.join(dir, 'login.txt');
  fs.writeFileSync(noLists, 'Connexion\nEntrez votre mot de passe.\n');
  const broken = corpusFile('unknown-clientele.yaml');

  // [code, argv, stdin]: every command that offers json, every kind of error.
  const errorRuns: [string, string[], string][] = [
    ['AMBIGUOUS_NAME', ['services', 'réceptionniste', '--json'], ''],
    ['UNKNOWN_NAME', ['who', 'ghost', 'service', '--json'], ''],
    ['WRONG_KIND', ['who', 'podiatre', '--json'], ''],
    ['WRONG_ORDER', ['can', 'selat', 'podiatre', '--json'], ''],
    // A category is one of a fixed set: a value not in it is a usage error that lists them.
    ['USAGE_ERROR', ['matrix', '--category', 'nope', '--format', 'json'], ''],
    ['UNKNOWN_NAME', ['show', 'ghost', '--json'], ''],
    ['NAME_TOO_LONG', ['show', 'x'.repeat(400), '--json'], ''],
    ['CATALOG_ERROR', ['search', 'podiatre', '--json', '--catalog', path.join(dir, 'missing.yaml')], ''],
    ['USAGE_ERROR', ['services', 'podiatre', '--json', '--tier', 'bogus'], ''],
    ['USAGE_ERROR', ['services', 'podiatre', '--jsn', '--json'], ''],
    ['USAGE_ERROR', ['list', 'bogus', '--json'], ''],
    ['USAGE_ERROR', ['search', '--json'], ''],
    ['USAGE_ERROR', ['can', 'podiatre', '--format=json'], ''],
    ['USAGE_ERROR', ['services', 'podiatre', '--json', '--format', 'csv'], ''],
    ['USAGE_ERROR', ['validate', '--json', '--bogus'], ''],
    ['USAGE_ERROR', ['diff', path.join(dir, 'missing.yaml'), CATALOG, '--json'], ''],
    ['USAGE_ERROR', ['check-source', path.join(dir, 'missing.txt'), '--json'], ''],
    ['USAGE_ERROR', ['export', '--json', 'extra'], ''],
    ['CATALOG_ERROR', ['services', 'podiatre', '--json', '--catalog', broken], ''],
    ['CATALOG_ERROR', ['diff', broken, CATALOG, '--json'], ''],
    ['CATALOG_ERROR', ['export', '--json', '--catalog', broken], ''],
    ['PAGE_ERROR', ['check-source', noLists, '--json'], ''],
    ['IO_ERROR', ['who', 'SELAT', '--json', '--catalog', dir], ''],
    // --batch answers in JSON whatever else: its errors are one line each (NDJSON)
    ['USAGE_ERROR', ['services', '--batch', '--catalog', '-'], 'podiatre\n'],
    ['USAGE_ERROR', ['can', '--batch', 'podiatre'], ''],
    ['CATALOG_ERROR', ['who', '--batch', '--catalog', broken], 'SELAT\n'],
  ];
  const outputs = new Map<string, RunOutput>();
  const errorRun = async (argv: string[], stdin: string): Promise<RunOutput> => {
    const key = JSON.stringify([argv, stdin]);
    if (!outputs.has(key)) outputs.set(key, await runCli([...argv, '--lang', 'en'], {}, false, stdin));
    return outputs.get(key)!;
  };

  test.each(errorRuns)('%s: %j', async (code, argv, stdin) => {
    const out = await errorRun(argv, stdin);
    const batch = argv.includes('--batch');
    // stdout: one JSON document (one line in --batch), nothing else
    if (batch) expect(out.stdout.split('\n')).toHaveLength(2);
    const doc = JSON.parse(out.stdout) as Record<string, unknown>;
    expect(doc['command']).toBe(argv[0]);
    expect((doc['error'] as { code: string }).code).toBe(code);
    const errorOutput = validator('error_output');
    expect(errorOutput(doc) ? [] : errorOutput.errors).toEqual([]);
    expect(whole(doc) ? [] : whole.errors).toEqual([]);
    expect(
      mutationsOf(doc)
        .filter(([, mutated]) => whole(mutated) === true)
        .map(([what]) => what),
    ).toEqual([]);
    // stderr and the exit code: as without --json (batch output is always JSON)
    expect(out.stderr).toMatch(/^ramq-access: \S/);
    // (--json with another --format is the error itself: without --json there is none)
    if (!batch && !(argv.includes('--json') && argv.includes('--format'))) {
      const plain = await runCli(
        [...argv, '--lang', 'en'].filter(
          (a, i, all) =>
            a !== '--json' && a !== '--format=json' && !(a === '--format' && all[i + 1] === 'json') && !(a === 'json' && all[i - 1] === '--format'),
        ),
        {},
        false,
        stdin,
      );
      expect([out.code, out.stderr, plain.stdout]).toEqual([plain.code, plain.stderr, '']);
    } else {
      expect(out.code).toBe(code === 'CATALOG_ERROR' ? 3 : 2);
    }
  });

  test("a question's error says what a --batch line says for the same question, without its line number", async () => {
    const single = JSON.parse((await runCli(['services', 'réceptionniste', '--json'])).stdout) as { error: Record<string, unknown> };
    const line = JSON.parse((await runCli(['services', '--batch'], {}, false, 'réceptionniste\n')).stdout) as {
      command: string;
      error: Record<string, unknown>;
    };
    const { line: number, ...rest } = line.error;
    expect([line.command, number, rest]).toEqual(['services', 1, single.error]);
  });

  test('--batch ended by a refused read: the answers already written, then the error on a line of its own', async () => {
    // --batch ended by a refused read, after its answers: each is a line, then the error's
    const out = await runWithFailingStdin(['services', '--batch'], ['podiatre\n'], 'EIO');
    const lines = out.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { command: string; error?: { code: string } });
    expect([out.code, lines.map((l) => l.error?.code ?? l.command)]).toEqual([74, ['services', 'IO_ERROR']]);
  });

  describeWithPython("Python's jsonschema reads the contract as ajv does", () => {
    test('every documented answer and error validates; every mutated one is refused', async () => {
      const answers = await Promise.all(cases.map(([, argv]) => documentOf(argv)));
      const errorDocuments = await Promise.all(
        errorRuns.map(async ([, argv, stdin]) => JSON.parse((await errorRun(argv, stdin)).stdout) as Record<string, unknown>),
      );
      const mutated = [...answers, ...errorDocuments].flatMap((doc) => mutationsOf(doc).map(([, m]) => m));
      const read = readWithPython(
        [...answers, ...errorDocuments, ...mutated].map((json) => ({ json })),
        SCHEMA_FILE,
      );
      expect(read.schema_error).toBeNull();
      const valid = read.results.map((r) => r.errors.length === 0);
      const expected = [...answers.map(() => true), ...errorDocuments.map(() => true), ...mutated.map(() => false)];
      const disagree = valid.flatMap((v, i) => (v === expected[i] ? [] : [JSON.stringify([...answers, ...errorDocuments, ...mutated][i]).slice(0, 200)]));
      expect(disagree).toEqual([]);
    });

    test('every --batch line, answers and errors alike, validates', async () => {
      const out = await runCli(['can', '--batch'], {}, false, 'podiatre\tSELAT\nmédecin\tPME\nbad line\n');
      const lines = out.stdout
        .trimEnd()
        .split('\n')
        .map((l) => ({ json: JSON.parse(l) as unknown }));
      expect(readWithPython(lines, SCHEMA_FILE).results.map((r) => r.errors)).toEqual([[], [], []]);
    });
  });
});

/** Runs the CLI in-process on a standard input that gives `chunks`, then fails with `errno`. */
async function runWithFailingStdin(argv: string[], chunks: readonly string[], errno: string): Promise<RunOutput> {
  let stdout = '';
  let stderr = '';
  let next = 0;
  const code = await run(argv, {
    stdout: (t) => (stdout += typeof t === 'string' ? t : Buffer.from(t).toString('utf8')),
    stderr: (t) => (stderr += t),
    env: { LANG: 'en_CA.UTF-8' },
    isTTY: false,
    columns: 80,
    errColumns: undefined,
    cwd: process.cwd(),
    fetch: noFetch,
    readStdin: (into) => {
      const chunk = chunks[next++];
      if (chunk === undefined) throw Object.assign(new Error(errno), { code: errno });
      const bytes = Buffer.from(chunk, 'utf8');
      into.set(bytes);
      return bytes.length;
    },
  });
  return { stdout, stderr, code };
}
