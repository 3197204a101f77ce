/**
 * Every example the README shows with its output is what the tool prints: each `$ ramq-access …` line of a
 * fenced block (or `$ npx ramq-access …`, or a pipeline into it) runs in a real shell, from a folder holding the
 * files the examples name, under a French locale, and prints exactly the lines under it (standard output and
 * standard error, as a terminal shows them when the output is not one). In an expected line, `…` stands for any
 * text (an absolute path that depends on the checkout).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, FIXTURES, ROOT } from './helpers';

interface Example {
  readonly command: string;
  readonly expected: readonly string[];
  /** The README line of the command. */
  readonly line: number;
}

/** The examples of a markdown text: in each fenced block, a `$ ` line and the lines under it up to the next one. */
function readmeExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  let fenced = false;
  let current: { command: string; expected: string[]; line: number } | null = null;
  markdown.split('\n').forEach((text, i) => {
    if (text.startsWith('```')) {
      fenced = !fenced;
      if (current !== null) examples.push(current);
      current = null;
      return;
    }
    if (!fenced) return;
    if (text.startsWith('$ ')) {
      if (current !== null) examples.push(current);
      current = { command: text.slice(2), expected: [], line: i + 1 };
    } else if (current !== null) current.expected.push(text);
  });
  return examples;
}

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const EXAMPLES = readmeExamples(README);

// The folder the examples run in: the repository's fixtures as the README names them, and a broken catalogue.
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-readme-'));
fs.symlinkSync(path.join(ROOT, '__tests__'), path.join(DIR, '__tests__'));
fs.copyFileSync(path.join(FIXTURES, 'bad', 'unknown-clientele.yaml'), path.join(DIR, 'broken.yaml'));
afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

/** A line the README shows against the line printed: equal, where `…` may stand for any text. */
function matches(expected: string, given: string): boolean {
  // The README writes French's no-break spaces (before : ; ? and inside « ») as the spaces they look like.
  const actual = given.replace(/\u00a0/g, ' ');
  if (!expected.includes('…')) return expected === actual;
  const pattern = expected
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(actual);
}

test('the README shows examples with their output', () => {
  expect(EXAMPLES.length).toBeGreaterThanOrEqual(6);
  expect(EXAMPLES.every((e) => /(^|\| )(npx )?ramq-access /.test(e.command))).toBe(true);
});

test.each(EXAMPLES.map((e) => [`README.md:${e.line}: ${e.command}`, e] as const))('%s', (_title, example) => {
  const script = `npx() { "$@"; }\nramq-access() { "${process.execPath}" "${BIN}" "$@"; }\n${example.command} 2>&1`;
  const out = spawnSync('bash', ['-c', script], {
    cwd: DIR,
    env: { PATH: process.env['PATH'], HOME: DIR, LANG: 'fr_CA.UTF-8' },
    encoding: 'utf8',
    timeout: 20000,
  });
  const actual = out.stdout.replace(/\n$/, '').split('\n');
  const expected = [...example.expected];
  const same = actual.length === expected.length && expected.every((line, i) => matches(line, actual[i]!));
  expect(same ? expected : actual).toEqual(expected);
});
