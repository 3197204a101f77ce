import Ajv2020 from 'ajv/dist/2020';
import fs from 'node:fs';
import path from 'node:path';
import { COMMANDS } from '../src/cli/commands';
import { corpusFile } from './corpus';
import { CATALOG, exampleArgv, exampleStdin, FIXTURES, ROOT, runCli, writeMutatedPage } from './helpers';

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

test.each(cases)('%s: %j', (def, argv) => {
  const out = runCli(argv);
  expect([0, 1]).toContain(out.code);
  expect(out.stderr).toBe('');
  const doc = JSON.parse(out.stdout);
  const validate = validator(def);
  expect(validate(doc) ? [] : validate.errors).toEqual([]);
  // and against the whole contract
  const whole = ajv.getSchema(schema.$id)!;
  expect(whole(doc)).toBe(true);
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
test.each(examples)('%s example with --json follows %s: %j', (_name, def, example) => {
  const argv = exampleArgv(example).filter((_, i, all) => all[i] !== '--format' && all[i - 1] !== '--format' && all[i] !== '--json');
  const stdin = exampleStdin(example);
  const files: Readonly<Record<string, string>> = { 'catalog.yaml': CATALOG, 'old.yaml': MINIMAL, 'draft.yaml': corpusFile('unknown-clientele.yaml') };
  const out = runCli([...argv.map((a) => files[a] ?? a), '--json'], {}, false, stdin);
  expect([example.line, out.stderr]).toEqual([example.line, '']);
  const validate = validator(def);
  const docs = argv.includes('--batch') ? out.stdout.trimEnd().split('\n') : [out.stdout];
  for (const doc of docs) expect(validate(JSON.parse(doc)) ? [] : validate.errors).toEqual([]);
});

test.each([
  ['can_output', ['can', '--batch'], 'podiatre\tSELAT\nmédecin\tPME\nbad line\n'],
  ['services_output', ['services', '--batch'], 'podiatrist\nghost\n'],
  ['who_output', ['who', '--batch', '--expand'], 'SELAT\nmessagerie-securisee\n\n'],
])('every --batch line is a %s or a batch_error: %j', (def, argv, input) => {
  const out = runCli(argv, {}, false, input);
  const lines = out.stdout.trimEnd().split('\n');
  expect(lines.length).toBe(input.replace(/\n$/, '').split('\n').length);
  const answer = validator(def);
  const error = validator('batch_error');
  for (const line of lines) {
    const doc = JSON.parse(line);
    expect([line, answer(doc) || error(doc)]).toEqual([line, true]);
  }
});
