import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { noFetch, stdinOf } from '../src/cli/io';
import { run } from '../src/cli/main';
import type { Fetch } from '../src/page/fetch-page';

/** The repository root. */
export const ROOT = path.join(__dirname, '..');
/** The real executable, as a user runs it. */
export const BIN = path.join(ROOT, 'bin', 'ramq-access');
/** The shipped catalogue. */
export const CATALOG = path.join(ROOT, 'catalog.yaml');
/** Fixture folder. */
export const FIXTURES = path.join(__dirname, 'fixtures');

/** What a run printed and how it ended. */
export interface RunOutput {
  stdout: string;
  stderr: string;
  code: number;
}

/**
 * Runs the CLI in-process with captured output, no terminal and no color unless env says so; `isTTY` puts stdout and
 * stderr on a terminal `columns` wide; `fetch` is check-source's network (none unless given: src/cli/http-fetch.ts for a
 * local server, or a fake).
 */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined> = {},
  isTTY = false,
  stdin = '',
  columns = 80,
  fetch: Fetch = noFetch,
): Promise<RunOutput> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (s) => (stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')),
    stderr: (s) => (stderr += s),
    env: { LANG: 'fr_CA.UTF-8', ...env },
    isTTY,
    columns,
    errColumns: isTTY ? columns : undefined,
    cwd: process.cwd(),
    readStdin: stdinOf(stdin),
    fetch,
  });
  return { stdout, stderr, code };
}

/** Runs the real executable in a child process; `user`, as another user and group (the caller must be root). */
export function runBin(
  argv: string[],
  options: { env?: Record<string, string | undefined>; input?: string; cwd?: string; user?: { uid: number; gid: number } } = {},
): RunOutput {
  const env: Record<string, string | undefined> = { PATH: process.env['PATH'], LANG: 'fr_CA.UTF-8', ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    env: env as NodeJS.ProcessEnv,
    input: options.input ?? '',
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: 20000,
    maxBuffer: 64 * 1024 * 1024,
    ...options.user,
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status ?? -1 };
}

/** True when text carries an ANSI escape sequence. */
export function hasAnsi(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /\u001b\[/.test(text);
}

/** The arguments of a --help example: its own argv, or its line split into words as a shell would (the examples quote with double quotes only). */
export function exampleArgv(example: { readonly line: string; readonly argv?: readonly string[] }): string[] {
  return example.argv ? [...example.argv] : [...example.line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

/** What a --help example feeds on standard input. */
export function exampleStdin(example: { readonly stdin?: string; readonly stdinFile?: string }): string {
  return example.stdinFile !== undefined ? fs.readFileSync(path.join(ROOT, example.stdinFile), 'utf8') : (example.stdin ?? '');
}

/** The no-break space French typography puts before : ; ! ? and inside « » (src/present/messages/typography.ts). */
export const NBSP = '\u00a0';

/**
 * An expected French text written with plain spaces, as the tool types it: the space before : ; ! ? and
 * inside « » made a no-break one. For expectations only (their quoted values hold no such punctuation).
 */
export function frenchSpaces(text: string): string {
  return text.replace(/ ([:;!?»])/g, `${NBSP}$1`).replace(/« /g, `«${NBSP}`);
}

/** An answer's text without the source line it ends with ("Source : …, vérifiée le …", wrapped or not). */
export function withoutSource(text: string): string {
  const at = text.search(/^_?Source[ \u00a0]?:/m);
  return at === -1 ? text : text.slice(0, at);
}

/** Text with every run of whitespace (line breaks and table padding included) made one space. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Writes, in a new temporary folder, a copy of the shipped page that differs in every way check-source can
 * report: a condition changed, an item dropped, a tier heading added, a heading renamed (a new service), an
 * item repeated, a clientele added to a list, and a new service block with a new clientele and stray items.
 */
export function writeMutatedPage(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  // Called while a test file is collected: its folder goes when that file's tests are done.
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const page = path.join(dir, 'page.txt');
  const text = fs
    .readFileSync(path.join(FIXTURES, 'source', 'liste-des-services-en-ligne.txt'), 'utf8')
    .replace('- Oculariste (accès aux états de compte seulement)', '- Oculariste (accès aux relevés seulement)')
    .replace('- Podiatre\n- Spécialiste en chirurgie buccale', '- Spécialiste en chirurgie buccale')
    .replace('Qui a accès au SAHI?\n', 'Qui a accès au SAHI?\nClientèles qui peuvent demander l’accès au service\n')
    .replace('Qui a accès au service en ligne PREM?', 'Qui a accès au service en ligne Effectifs?')
    .replace(
      '- Oculariste\n- Personnel administratif\nVous pouvez',
      '- Oculariste\n- Personnel administratif\n- Personnel administratif\n- Podiatre\nVous pouvez',
    );
  fs.writeFileSync(
    page,
    `${text}\nQui a accès au service en ligne Relevés de paiement?\n- Technologue en imagerie médicale\nClientèles pouvant demander l’accès\n- Podiatre`,
  );
  return page;
}

/**
 * Whether a command line asks for JSON (--json, --format json, or --batch without another format): an error
 * then also prints one JSON error document on stdout.
 */
export function asksJson(argv: readonly string[]): boolean {
  const at = argv.indexOf('--format');
  const format = at === -1 ? undefined : argv[at + 1];
  return argv.includes('--json') || format === 'json' || (argv.includes('--batch') && format === undefined);
}

/** The code of the JSON error document on stdout, or null when stdout is empty. */
export function jsonErrorCode(stdout: string): string | null {
  return stdout === '' ? null : (JSON.parse(stdout) as { error: { code: string } }).error.code;
}

/** The NDJSON lines of an output (blank lines aside). */
export function ndjson(text: string): Record<string, unknown>[] {
  return text
    .trimEnd()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
