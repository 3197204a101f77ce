/**
 * Every line the tool writes for people fits the terminal: help (every command's `--help` and `help COMMAND`),
 * `--version`, usage errors and their pointer to the help, and the messages and summaries of the commands, in
 * both languages, at 40, 60, 80 and 120 columns; a line that is too long wraps, its continuation indented, and
 * nothing is lost on the way. Off a terminal a message stays one line, for the tools that read it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { parse } from 'yaml';
import { COMMANDS } from '../src/cli/commands';
import { CATALOG, FIXTURES, runCli, writeMutatedPage } from './helpers';

type Lang = 'fr' | 'en';
const LANGS: readonly Lang[] = ['fr', 'en'];
const VISIBLE = COMMANDS.filter((c) => !c.hidden).map((c) => c.name);

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-fit-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));
// A catalogue written as indented JSON: every line changes, so `fmt --check` prints its one-sentence summary.
const AS_JSON = path.join(TMP, 'catalog.json.yaml');
fs.writeFileSync(AS_JSON, JSON.stringify(parse(fs.readFileSync(CATALOG, 'utf8')), null, 2));
const BAD = path.relative(process.cwd(), path.join(FIXTURES, 'bad', 'unknown-clientele.yaml'));
const MUTATED_PAGE = writeMutatedPage('ramq-fit-page-');

/** Lines wider than `width` columns; a problem's `file:line:col: CODE` alone on its line is never broken (tools read it), however wide. */
function tooWide(text: string, width: number): string[] {
  return text.split('\n').filter((line) => stringWidth(line) > width && !/^\S+:\d+:\d+: [A-Z_]+$/.test(line));
}

const run = async (argv: readonly string[], lang: Lang, columns: number, isTTY = true): ReturnType<typeof runCli> =>
  await runCli([...argv], { LANG: lang === 'fr' ? 'fr_CA.UTF-8' : 'en_CA.UTF-8' }, isTTY, '', columns);

/** Text without its layout: spaces, line breaks and the ` \` that continues a command line are gone; what is left must all be there. */
const letters = (text: string): string => text.replace(/ \\\n/g, ' ').replace(/\s+/g, '');

describe.each(LANGS)('help and --version fit, %s', (lang) => {
  const cases: readonly string[][] = [
    ['--help'],
    ['help'],
    [],
    ['--version'],
    ...VISIBLE.flatMap((c) => [
      [c, '--help'],
      ['help', c],
    ]),
  ];
  describe.each([40, 60, 80, 120])('%i columns', (width) => {
    test.each(cases.map((argv) => [argv.join(' ') || '(no command)', argv] as const))('%s', async (_title, argv) => {
      const out = await run(argv, lang, width);
      const wide = await run(argv, lang, 160);
      expect({ argv, stdout: tooWide(out.stdout, width), stderr: tooWide(out.stderr, width) }).toEqual({ argv, stdout: [], stderr: [] });
      expect(letters(out.stdout + out.stderr)).toBe(letters(wide.stdout + wide.stderr));
      expect(out.code).toBe(argv.length === 0 ? 2 : 0);
    });
  });

  test('--version off a terminal: the source on one line, for the tools that read it', async () => {
    const lines = (await run(['--version'], lang, 40, false)).stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Source[ \u00a0]?: .*\d{4}-\d{2}-\d{2}$/);
  });
});

/** Lines put back together: a line that starts with two spaces continues the one before (compared without spaces: a word wider than the line is broken). */
function unwrap(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.replace(/\n$/, '').split('\n')) {
    if (/^ {2}\S/.test(line) && lines.length > 0) lines[lines.length - 1] += line;
    else lines.push(line);
  }
  return lines.map((l) => l.replace(/\s+/g, ''));
}

interface MessageCase {
  readonly argv: readonly string[];
  /** Standard output is data (CSV, YAML stubs to paste) or a report table-width.test.ts checks: only standard error is checked here. */
  readonly stdoutIsData?: boolean;
  /** Standard output is a message too (fmt --check's summary): checked like standard error. */
  readonly stdoutIsMessage?: boolean;
  /** Makes the files the run writes, afresh for each run. */
  readonly setup?: () => void;
}

const WRITABLE = path.join(TMP, 'writable.yaml');
const MESSAGES: readonly MessageCase[] = [
  { argv: ['services', 'podiatre', '--jsn'] },
  { argv: ['servics'] },
  { argv: ['help', 'nosuch'] },
  { argv: ['services', 'podiatre', '--category', 'nope'] },
  { argv: ['who', 'selat', '--tier', 'sometimes'] },
  // Asked for JSON, the refusal is also a JSON document on stdout: data, not a message to fit.
  { argv: ['services', 'podiatre', '--json', '--format', 'csv'], stdoutIsData: true },
  { argv: ['check-source', '--force'] },
  // A fetch that fails at once (nothing listens on port 1): its one line, in the run's language.
  { argv: ['check-source', 'http://127.0.0.1:1/professionnels/services-ligne/liste-des-services-en-ligne'] },
  { argv: ['fmt', '--check', AS_JSON], stdoutIsMessage: true },
  { argv: ['services', 'médecin'] },
  { argv: ['services', 'barista'] },
  { argv: ['can', 'facturacte', 'hygiéniste dentaire'] },
  { argv: ['who', 'messagerie', '--format', 'csv'], stdoutIsData: true },
  { argv: ['--catalog', BAD, 'services', 'podiatre'] },
  { argv: ['diff', BAD, CATALOG] },
  { argv: ['fmt', 'nosuch.yaml'] },
  { argv: ['fmt', BAD] },
  {
    argv: ['--catalog', WRITABLE, 'check-source', MUTATED_PAGE, '--write'],
    stdoutIsData: true,
    setup: () => fs.copyFileSync(CATALOG, WRITABLE),
  },
];

describe.each(LANGS)('messages fit, %s', (lang) => {
  describe.each([40, 80])('%i columns', (width) => {
    test.each(MESSAGES.map((c) => [c.argv.map((a) => path.basename(a)).join(' '), c] as const))('%s', async (_title, c) => {
      c.setup?.();
      const out = await run(c.argv, lang, width);
      c.setup?.();
      const piped = await run(c.argv, lang, width, false);
      expect(out.code).toBe(piped.code);
      expect(out.stderr).not.toBe('');
      expect({ argv: c.argv, stderr: tooWide(out.stderr, width) }).toEqual({ argv: c.argv, stderr: [] });
      if (c.stdoutIsData !== true) expect({ argv: c.argv, stdout: tooWide(out.stdout, width) }).toEqual({ argv: c.argv, stdout: [] });
      // The same lines as off a terminal, where each is one line: wrapped, with the lines after the first indented.
      expect(unwrap(out.stderr)).toEqual(unwrap(piped.stderr));
      if (c.stdoutIsMessage === true) expect(unwrap(out.stdout)).toEqual(unwrap(piped.stdout));
    });
  });

  test('at 80 columns the widest of these messages, piped, are wider than 80: the cases test something', async () => {
    const widths: number[] = [];
    for (const c of MESSAGES) {
      c.setup?.();
      const piped = await run(c.argv, lang, 80, false);
      widths.push(...[...piped.stderr.split('\n'), ...(c.stdoutIsMessage === true ? piped.stdout.split('\n') : [])].map((l) => stringWidth(l)));
    }
    const widest = Math.max(...widths);
    expect(widest).toBeGreaterThan(120);
  });
});
