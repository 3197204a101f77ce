/**
 * The man page and the README's command reference are written from the command registry, as `--help` shows it
 * (scripts/make-docs.js, run by the build): the committed files are current, the man page reads without a warning
 * in groff and man (the readers people use) and fits 80 columns, and the README, `--help`, the man page and the
 * code agree on the commands, options, examples, exit codes and environment variables.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { GLOBAL_OPTIONS, optionsOf, shownExample } from '../src/cli/command';
import { COMMANDS } from '../src/cli/commands';
import { EXIT } from '../src/cli/exit-code';
import { manFacts, manPage, readManual, readmeReference, README_MARKERS, roffText } from '../src/cli/manual';
import { ROOT, runCli } from './helpers';

const MAN = path.join(ROOT, 'man', 'ramq-access.1');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; man: string[]; files: string[] };
const VISIBLE = COMMANDS.filter((c) => !c.hidden);

function has(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
}
const GROFF = has('groff');
const MAN_READER = has('man');
// CI must have the readers (.ci/run installs groff-base and man-db); elsewhere their tests say they are skipped.
if (process.env['CI'] && (!GROFF || !MAN_READER)) throw new Error('missing groff or man: .ci/run installs groff-base and man-db');

/** The man page as a person reads it at 80 columns (groff's own reader of the man macros, in UTF-8). */
function rendered(): { text: string; warnings: string; status: number | null } {
  const out = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-rLL=80n', '-P-c', '-P-b', '-P-u', MAN], { encoding: 'utf8' });
  return { text: out.stdout, warnings: out.stderr, status: out.status };
}

/** Text without its layout: the ` \` that continues a command line, and every run of spaces, are one space. */
const flat = (text: string): string => text.replace(/ \\\n\s*/g, ' ').replace(/\s+/g, ' ');

describe('the committed files are current', () => {
  test('man/ramq-access.1 is what the registry writes (npm run build writes it)', () => {
    expect(fs.readFileSync(MAN, 'utf8')).toBe(manPage(readManual('en'), manFacts(PACKAGE.version)));
  });

  test("README.md's command reference is what the registry writes (npm run build writes it)", () => {
    const start = README.indexOf(README_MARKERS.start);
    const end = README.indexOf(README_MARKERS.end);
    expect(start).toBeGreaterThan(-1);
    expect(README.slice(start, end + README_MARKERS.end.length)).toBe(readmeReference(readManual('en')));
  });

  test('package.json installs the man page and packs it', () => {
    expect(PACKAGE.man).toEqual(['./man/ramq-access.1']);
    expect(PACKAGE.files).toContain('man/');
  });
});

describe('roff text', () => {
  test.each([
    ['-f, --format', '\\-f, \\-\\-format'],
    ['.starts with a dot', '\\&.starts with a dot'],
    ["'quoted' `cmd` ~/x ^", '\\(aqquoted\\(aq \\(gacmd\\(ga \\(ti/x \\(ha'],
    ['a\\b', 'a\\eb'],
    ['hygiéniste « x »', 'hygi\\[u00E9]niste \\[u00AB] x \\[u00BB]'],
  ])('%j', (text, roff) => {
    expect(roffText(text)).toBe(roff);
  });
});

(GROFF ? describe : describe.skip)(GROFF ? 'the man page as groff reads it' : 'the man page as groff reads it: skipped, groff is not installed', () => {
  const page = rendered();

  test('no warning, every section, every line within 80 columns', () => {
    expect({ status: page.status, warnings: page.warnings }).toEqual({ status: 0, warnings: '' });
    const headings = page.text.split('\n').filter((l) => /^[A-Z][A-Z ]+$/.test(l));
    expect(headings).toEqual(['NAME', 'SYNOPSIS', 'DESCRIPTION', 'COMMANDS', 'OPTIONS', 'EXAMPLES', 'EXIT STATUS', 'ENVIRONMENT', 'FILES', 'SEE ALSO']);
    expect(page.text.split('\n').filter((l) => stringWidth(l) > 80)).toEqual([]);
    // No word is hyphenated: ids and options are copied from the page as they are.
    expect(page.text).not.toMatch(/\u2010\n/);
  });

  const text = flat(page.text);
  const section = (name: string): string => {
    const start = page.text.indexOf(`\n${name}\n`);
    const next = page.text.slice(start + name.length + 2).search(/\n[A-Z][A-Z ]+\n/);
    return flat(page.text.slice(start, next === -1 ? undefined : start + name.length + 2 + next));
  };

  test.each(VISIBLE.map((c) => c.name))('%s: its usage, every option and every example, as --help shows them', async (name) => {
    const command = VISIBLE.find((c) => c.name === name)!;
    const shown = (await runCli([name, '--help', '--lang', 'en'])).stdout;
    const help = flat(shown);
    const usage = shown.split('\n\n')[0]!;
    expect(usage).toMatch(/^Usage: ramq-access /);
    expect(text).toContain(flat(usage.slice('Usage: '.length)));
    for (const option of [...optionsOf(command), ...GLOBAL_OPTIONS]) {
      const long = `--${option.long}`;
      expect([name, long, text.includes(long), help.includes(long)]).toEqual([name, long, true, true]);
    }
    for (const example of command.examples) {
      const shown = flat(shownExample(example.line));
      expect([name, shown, text.includes(shown), help.includes(shown)]).toEqual([name, shown, true, true]);
    }
  });

  test("every exit code, in the man page's EXIT STATUS, in --help and in the README's table", async () => {
    const exitStatus = section('EXIT STATUS');
    const help = (await runCli(['--help', '--lang', 'en'])).stdout;
    const readmeTable = README.slice(README.indexOf('## Exit codes'), README.indexOf('## Exit codes') + 6000);
    const readmeCodes = [...readmeTable.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    const codes = Object.values(EXIT);
    expect(readmeCodes).toEqual(codes);
    for (const code of codes) {
      expect([code, exitStatus.includes(` ${code} `)]).toEqual([code, true]);
      expect([code, new RegExp(`^ {2}${code} +\\S`, 'm').test(help)]).toEqual([code, true]);
    }
  });

  test("every environment variable the code reads, in the man page's ENVIRONMENT and in the README", () => {
    const read = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts')) for (const m of fs.readFileSync(file, 'utf8').matchAll(/env\[['"]([A-Z_]+)['"]\]/g)) read.add(m[1]!);
      }
    };
    walk(path.join(ROOT, 'src'));
    // The test hooks are no interface.
    const documented = [...read].filter((name) => !name.startsWith('RAMQ_ACCESS_TEST_'));
    expect(documented).toEqual(expect.arrayContaining(['RAMQ_ACCESS_CATALOG', 'NO_COLOR', 'CLICOLOR', 'TERM', 'LANG']));
    const environment = section('ENVIRONMENT');
    for (const name of documented) {
      expect([name, environment.includes(name)]).toEqual([name, true]);
      expect([name, README.includes(`\`${name}`)]).toEqual([name, true]);
    }
  });
});

(MAN_READER ? test : test.skip)(MAN_READER ? 'man -l reads it as man-db shows it, without a warning' : 'man -l reads it: skipped, man is not installed', () => {
  const out = spawnSync('man', ['--warnings', '-l', MAN], { encoding: 'utf8', env: { ...process.env, MANWIDTH: '80', MANPAGER: 'cat', PAGER: 'cat' } });
  expect({ status: out.status, stderr: out.stderr }).toEqual({ status: 0, stderr: '' });
  expect(flat(out.stdout)).toContain(' NAME ramq-access - who may use which RAMQ online service');
  expect(out.stdout).toMatch(/^EXIT STATUS$/m);
});
