/**
 * Every output the tests read as text, in one reviewed file: one case per command line, run once in process, its exit
 * code, standard output and standard error written to __snapshots__/snapshots.test.ts.snap (as @arethetypeswrong/cli
 * keeps packages/cli/test/snapshots.test.ts). A change of wording is one diff to read there; the other tests assert
 * codes, exit statuses, positions, JSON fields and laws.
 *
 * Under CI (CI set, as .ci/run does) jest runs with --ci: a case whose snapshot is not written yet fails instead of
 * being written. After a deliberate change: `npx jest __tests__/snapshots.test.ts -u`, then read the diff of the .snap.
 *
 * Each case runs as a person at a terminal 80 columns wide without color (NO_COLOR), in French unless the line says
 * `--lang en`; a case marked `piped` runs with its output going to a pipe (no terminal: lines are not fitted to a
 * width), as CI and scripts read it, and so does every case that prints a path outside the repository's fixtures
 * (the shipped catalogue's, a temporary folder's), written <root> and <tmp> here but whose length varies.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { FIXTURES, ROOT, runCli, writeMutatedPage, type RunOutput } from './helpers';

interface Case {
  readonly argv: readonly string[];
  /** Output to a pipe rather than an 80-column terminal. */
  readonly piped?: boolean;
  readonly env?: Readonly<Record<string, string>>;
  /** A file whose text is fed on standard input. */
  readonly stdin?: string;
}

/** A fixture, by its path from the repository (the cases run from there, so that outputs name files as a person types them). */
const fixture = (...parts: string[]): string => path.relative(ROOT, path.join(FIXTURES, ...parts));
const MINIMAL = fixture('valid', 'minimal.yaml');
const EDITED = fixture('snapshots', 'minimal-edited.yaml');
const MESSY = fixture('snapshots', 'minimal-messy.yaml');
const BAD = (name: string): string => fixture('bad', name);
const PAGE = fixture('source', 'liste-des-services-en-ligne.txt');
const MUTATED = writeMutatedPage('ramq-snapshot-page-');
/** The shipped catalogue written as indented JSON, beside the page: every line out of canonical form. */
const AS_JSON = path.join(path.dirname(MUTATED), 'catalog.json');
fs.writeFileSync(AS_JSON, `${JSON.stringify(parse(fs.readFileSync(path.join(ROOT, 'catalog.yaml'), 'utf8')), null, 2)}\n`);
/** Files fmt refuses to write: one with a second name (a hard link), one read-only (refused even for root). */
const LINKED = path.join(path.dirname(MUTATED), 'linked.yaml');
fs.copyFileSync(MESSY, LINKED);
fs.linkSync(LINKED, path.join(path.dirname(MUTATED), 'linked-too.yaml'));
const READ_ONLY = path.join(path.dirname(MUTATED), 'read-only.yaml');
fs.copyFileSync(MESSY, READ_ONLY);
fs.chmodSync(READ_ONLY, 0o444);

/** A copy of the shipped catalogue for check-source --write, and the saved page without one of its grants (Podiatre under Messagerie sécurisée). */
const TO_WRITE = path.join(path.dirname(MUTATED), 'catalog.yaml');
fs.copyFileSync(path.join(ROOT, 'catalog.yaml'), TO_WRITE);
const DROPPED = path.join(path.dirname(MUTATED), 'dropped.txt');
fs.writeFileSync(
  DROPPED,
  fs.readFileSync(path.join(ROOT, PAGE), 'utf8').replace('- Podiatre\n- Spécialiste en chirurgie buccale', '- Spécialiste en chirurgie buccale'),
);

const CASES: readonly Case[] = [
  // services: a clientele's services, by tier
  { argv: ['services', 'podiatrist'] },
  { argv: ['services', 'podiatrist', '--lang', 'en'] },
  { argv: ['services', 'podiatrist', '--json'] },
  { argv: ['services', 'podiatre', '--format', 'csv'] },
  { argv: ['services', 'podiatre', '--format', 'markdown'] },
  { argv: ['services', 'podiatre', '--format', 'markdown', '--lang', 'en'] },
  { argv: ['services', 'IPS en soins de première ligne', '--own'] },
  { argv: ['services', 'IPSPL', '--lang', 'en'] },
  // who: a service's clienteles
  { argv: ['who', 'SELAT', '--tier', 'request'] },
  { argv: ['who', 'SELAT', '--tier', 'request', '--lang', 'en'] },
  { argv: ['who', 'SELAT', '--tier', 'request', '--json'] },
  { argv: ['who', 'messagerie-securisee', '--format', 'csv'] },
  { argv: ['who', 'messagerie-securisee', '--format', 'markdown', '--lang', 'en'] },
  { argv: ['who', 'messagerie-securisee', '--expand', '--lang', 'en'] },
  // can: yes, no, inherited, with a condition, in another tier
  { argv: ['can', 'hygiéniste dentaire', 'facturacte'] },
  { argv: ['can', 'dental hygienist', 'FacturActe', '--json'] },
  { argv: ['can', 'podiatrist', 'SELAT', '--lang', 'en'] },
  { argv: ['can', 'podiatrist', 'SELAT', '--json'] },
  { argv: ['can', 'IPSPL', 'PME', '--lang', 'en'] },
  { argv: ['can', 'oculariste', 'messagerie sécurisée'] },
  { argv: ['can', 'oculariste', 'messagerie sécurisée', '--tier', 'creation'] },
  { argv: ['can', 'podiatre', 'pme', '--format', 'csv'] },
  { argv: ['can', 'podiatre', 'pme', '--format', 'markdown'] },
  // show, list, search, matrix
  { argv: ['show', 'SELAT'] },
  { argv: ['show', 'PMA', '--lang', 'en'] },
  { argv: ['show', 'IPS', '--json'] },
  { argv: ['show', 'identification-medecin-famille', '--lang', 'en'] },
  { argv: ['list', 'services'] },
  { argv: ['list', 'clienteles', '--lang', 'en'] },
  { argv: ['list', 'categories', '--json'] },
  { argv: ['list', 'clienteles', '--format', 'csv'] },
  { argv: ['search', 'medicaments', 'exception'] },
  { argv: ['search', 'prescription', '--lang', 'en'] },
  { argv: ['search', 'medicaments', 'exception', '--json'] },
  { argv: ['matrix'] },
  { argv: ['matrix', '--lang', 'en'] },
  { argv: ['matrix', '--format', 'csv'] },
  { argv: ['matrix', '--format', 'markdown', '--lang', 'en'] },
  { argv: ['--catalog', MINIMAL, 'matrix'] },
  // another catalogue
  { argv: ['--catalog', MINIMAL, 'services', 'nurse', '--lang', 'en'] },
  { argv: ['--catalog', '-', 'who', 'mail', '--lang', 'en'], stdin: MINIMAL },
  // typical errors: unknown name with suggestions, ambiguous name, wrong kind, wrong order, usage
  { argv: ['services', 'podiatr'] },
  { argv: ['services', 'podiatr', '--lang', 'en'] },
  { argv: ['services', 'podiatr', '--json'] },
  { argv: ['services', 'médecin'] },
  { argv: ['services', 'médecin', '--lang', 'en'] },
  { argv: ['services', 'SELAT'] },
  { argv: ['who', 'podiatre', '--lang', 'en'] },
  { argv: ['can', 'SELAT', 'podiatre', '--lang', 'en'] },
  { argv: ['can', 'SELAT', 'podiatre', '--json'] },
  { argv: ['services', 'podiatre', '--jsn'] },
  { argv: ['servics'] },
  { argv: ['who', 'selat', '--tier', 'sometimes', '--lang', 'en'] },
  { argv: ['list', 'things'] },
  { argv: ['validate', '--format', 'yaml'] },
  { argv: ['completion', 'tcsh', '--lang', 'en'] },
  // validate: the shipped catalogue, and bad fixtures in each format
  { argv: ['validate'], piped: true },
  { argv: ['validate', BAD('unknown-clientele.yaml')], piped: true },
  { argv: ['validate', BAD('unknown-clientele.yaml'), '--lang', 'en'], piped: true },
  { argv: ['validate', 'catalog.yaml', BAD('unknown-clientele.yaml'), '--json'] },
  { argv: ['validate', BAD('unknown-clientele.yaml'), '--format', 'github', '--lang', 'en'] },
  { argv: ['validate', BAD('unknown-clientele.yaml'), '--format', 'sarif'] },
  { argv: ['validate', BAD('invisible-soft-hyphen.yaml')], piped: true },
  { argv: ['validate', BAD('invisible-soft-hyphen.yaml'), '--lang', 'en'], piped: true },
  { argv: ['validate', BAD('collision-cyrillic-o.yaml')], piped: true },
  { argv: ['validate', BAD('collision-cyrillic-o.yaml'), '--lang', 'en'], piped: true },
  { argv: ['validate', BAD('mixed-script-own-alias.yaml')], piped: true },
  { argv: ['validate', BAD('mixed-script-own-alias.yaml'), '--lang', 'en'], piped: true },
  { argv: ['validate', BAD('ref-unknown-clientele.yaml'), BAD('duplicate-key-root.yaml')] },
  // YAML syntax errors: French says what the parser says in English, message by message
  { argv: ['validate', BAD('syntax-indentation-less.yaml'), BAD('syntax-unclosed-double-quote.yaml')], piped: true },
  { argv: ['validate', BAD('syntax-indentation-less.yaml'), BAD('syntax-unclosed-double-quote.yaml'), '--lang', 'en'], piped: true },
  { argv: ['--catalog', BAD('unknown-clientele.yaml'), 'services', 'podiatre'] },
  // diff of two fixtures
  { argv: ['diff', MINIMAL, EDITED], piped: true },
  { argv: ['diff', MINIMAL, EDITED, '--lang', 'en'], piped: true },
  { argv: ['diff', MINIMAL, EDITED] },
  { argv: ['diff', MINIMAL, EDITED, '--format', 'markdown', '--lang', 'en'] },
  { argv: ['diff', MINIMAL, EDITED, '--json'] },
  { argv: ['diff', EDITED, MINIMAL, '--lang', 'en'], piped: true },
  { argv: ['diff', MINIMAL, MINIMAL] },
  // fmt --check of a file out of canonical form
  { argv: ['fmt', '--check', MESSY] },
  { argv: ['fmt', '--check', MESSY, '--lang', 'en'] },
  { argv: ['fmt', '--check', AS_JSON], piped: true },
  { argv: ['fmt', BAD('unknown-clientele.yaml')] },
  { argv: ['fmt', BAD('unknown-clientele.yaml'), '--lang', 'en'] },
  // (piped: a path in the temporary folder, whose length varies, is never wrapped)
  { argv: ['fmt', LINKED, '--lang', 'en'], piped: true },
  { argv: ['fmt', READ_ONLY], piped: true },
  { argv: ['fmt', READ_ONLY, '--lang', 'en'], piped: true },
  // check-source: the saved page, then a copy that differs in every way it can report
  { argv: ['check-source', PAGE], piped: true },
  { argv: ['check-source', MUTATED], piped: true },
  { argv: ['check-source', MUTATED, '--lang', 'en', '--format', 'markdown'], piped: true },
  // --write: the grant the page does not name is removed, and the summary says what was applied
  { argv: ['--catalog', TO_WRITE, 'check-source', DROPPED, '--write'], piped: true, env: { SOURCE_DATE_EPOCH: '1768435200' } },
  // completion
  { argv: ['completion', 'bash'] },
  // --version: the program's name and version, then the catalogue's source (one line when piped)
  { argv: ['--version'] },
  { argv: ['--lang', 'en', '--version'], piped: true },
];

/** The command line as a person types it, paths shown from the repository. */
function lineOf(c: Case): string {
  const words = c.argv.map((a) => shown(a)).map((a) => (/^[\w@%+=:,./<>-]+$/.test(a) ? a : `"${a}"`));
  return `ramq-access ${words.join(' ')}${c.stdin !== undefined ? ` < ${shown(c.stdin)}` : ''}${c.piped ? ' | cat' : ''}`;
}

/** Paths under the repository or the page's temporary folder written the same on every machine. */
function shown(text: string): string {
  return text.split(path.dirname(MUTATED)).join('<tmp>').split(ROOT).join('<root>');
}

/** A run as the snapshot holds it: the exit code, then each stream. */
function transcript(out: RunOutput): string {
  return `exit ${out.code}\n--- stdout\n${shown(out.stdout)}\n--- stderr\n${shown(out.stderr)}`;
}

// Relative paths in the cases are read from the repository, as `npm test` runs; a run started elsewhere goes there.
const startedIn = process.cwd();
beforeAll(() => process.chdir(ROOT));
afterAll(() => process.chdir(startedIn));

test('every command line is there once', () => {
  const lines = CASES.map(lineOf);
  expect(lines.filter((l, i) => lines.indexOf(l) !== i)).toEqual([]);
});

test.each(CASES.map((c) => [lineOf(c), c] as const))('%s', async (_line, c) => {
  const stdin = c.stdin === undefined ? '' : fs.readFileSync(c.stdin, 'utf8');
  const out = await runCli([...c.argv], { NO_COLOR: '1', ...c.env }, !c.piped, stdin, 80);
  expect(transcript(out)).toMatchSnapshot();
});
