/**
 * The checklists of docs/architecture.md (adding a command, a format, a sentence), kept true by walking the
 * registries: what the compiler cannot see, or sees only until a cast hides it. Each check that already lives
 * elsewhere stays there, and the checklist names it: examples run with their declared exit codes
 * (command-model.test.ts), a command offering json names its output schema (output-schema.test.ts), French help
 * has no English words (language-leaks.test.ts).
 */
import { COMMANDS } from '../src/cli/commands';
import { FORMATS, type Format } from '../src/present/formats';
import { messagesFor } from '../src/present/messages/messages';
import { runCli } from './helpers';

const LANGS = ['fr', 'en'] as const;

describe('every command', () => {
  test.each(COMMANDS.map((c) => c.name))('%s has a summary in both languages', (name) => {
    for (const lang of LANGS) expect([lang, messagesFor(lang).commands[name].trim().length > 0]).toEqual([lang, true]);
  });

  const shown = COMMANDS.filter((c) => !c.hidden).flatMap((c) => LANGS.map((lang) => [c.name, lang] as const));
  test.each(shown)('%s --help in %s: exit 0, on standard output, with its summary', async (name, lang) => {
    const out = await runCli([name, '--help', '--lang', lang]);
    const flat = (text: string): string => text.replace(/\s+/g, ' ');
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(flat(out.stdout)).toContain(flat(messagesFor(lang).commands[name]));
  });

  test.each(COMMANDS.filter((c) => !c.hidden).map((c) => c.name))('%s has at least one example', (name) => {
    expect(COMMANDS.find((c) => c.name === name)!.examples.length).toBeGreaterThan(0);
  });

  test.each(COMMANDS.filter((c) => c.formats.length > 0).map((c) => c.name))("%s's default format and aliases name formats it offers", (name) => {
    const command = COMMANDS.find((c) => c.name === name)!;
    expect(command.formats).toContain(command.defaultFormat);
    for (const target of Object.values(command.formatAliases)) expect(command.formats).toContain(target);
  });
});

describe('every format', () => {
  test.each(Object.keys(FORMATS) as Format[])('%s presents for at least one command, and only for commands that offer it', (format) => {
    const kinds = Object.keys(FORMATS[format].presenters);
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) expect([kind, COMMANDS.find((c) => c.name === kind)?.formats.includes(format)]).toEqual([kind, true]);
  });
});

/** The path of every sentence of a catalogue, with what it is (text, or a function of its arguments). */
function sentencesOf(value: unknown, at = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${at} ${Array.isArray(value) ? 'list' : typeof value}`];
  return Object.entries(value).flatMap(([key, inner]) => sentencesOf(inner, `${at}/${key}`));
}

test('every message key exists in both languages, as the same kind of sentence (a cast could hide one from the compiler)', () => {
  const [fr, en] = LANGS.map((lang) => sentencesOf(messagesFor(lang)));
  expect(fr!.length).toBeGreaterThan(100);
  expect(en!.filter((s) => !fr!.includes(s))).toEqual([]);
  expect(fr!.filter((s) => !en!.includes(s))).toEqual([]);
});
