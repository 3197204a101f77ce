/**
 * The conventions of gh, git and kubectl: `help` and `--help` are answers (exit 0, stdout); a usage error says
 * what is wrong, then where the help of the command at fault is (`ramq-access services --help`), exit 2; an
 * option or argument that takes one of a fixed set of values lists them all when given another.
 */
import { choicesOf, GLOBAL_OPTIONS, optionsOf, type OptionSpec } from '../src/cli/command';
import { COMMANDS } from '../src/cli/commands';
import { messagesFor } from '../src/present/messages/messages';
import { asksJson, jsonErrorCode, runCli } from './helpers';

type Lang = 'fr' | 'en';
const LANGS: readonly Lang[] = ['fr', 'en'];
const LOCALE: Readonly<Record<Lang, string>> = { fr: 'fr_CA.UTF-8', en: 'en_CA.UTF-8' };
const VISIBLE = COMMANDS.filter((c) => !c.hidden).map((c) => c.name);

/** A run under a locale of the language (so that nothing but the locale chooses it). */
const inLocale = async (argv: string[], lang: Lang): ReturnType<typeof runCli> => await runCli(argv, { LANG: LOCALE[lang] });
const stderrLines = (text: string): string[] => text.replace(/\n$/, '').split('\n');

describe.each(LANGS)('help, %s', (lang) => {
  test('`help` is the program help, on stdout, exit 0, as `--help` is', async () => {
    const help = await inLocale(['help'], lang);
    const flag = await inLocale(['--help'], lang);
    expect(help).toEqual({ stdout: flag.stdout, stderr: '', code: 0 });
    expect(flag.stdout).toContain(messagesFor(lang).program.description.slice(0, 30));
  });

  test.each(VISIBLE)('`help %s` is the command help, on stdout, exit 0', async (name) => {
    const help = await inLocale(['help', name], lang);
    expect(help).toEqual({ stdout: (await inLocale([name, '--help'], lang)).stdout, stderr: '', code: 0 });
    expect(help.stdout).toContain(`ramq-access ${name} `);
  });

  test('`help NOSUCH` says the command is unknown, and where the list of commands is, exit 2', async () => {
    const m = messagesFor(lang);
    const out = await inLocale(['help', 'nosuch'], lang);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(stderrLines(out.stderr)).toEqual([`ramq-access: ${m.errors.unknownCommand('nosuch')}`, m.errors.seeHelp('ramq-access --help')]);
    // A near miss gets commander's suggestion, as `servics` alone does.
    expect((await inLocale(['help', 'servics'], lang)).stderr).toBe((await inLocale(['servics'], lang)).stderr);
  });

  test('no command at all is still a usage error: the whole help on stderr, exit 2', async () => {
    const out = await inLocale([], lang);
    expect([out.code, out.stdout, out.stderr]).toEqual([2, '', (await inLocale(['--help'], lang)).stdout]);
  });
});

describe.each(LANGS)('a usage error ends with where the help is, %s', (lang) => {
  const cases: readonly (readonly [string[], string])[] = [
    [['services', 'podiatre', '--jsn'], 'services'],
    [['--jsn'], ''],
    [['servics'], ''],
    [['who', 'selat', '--tier', 'sometimes'], 'who'],
    [['services', 'podiatre', '--category', 'nope'], 'services'],
    [['matrix', '--format', 'yaml'], 'matrix'],
    [['list', 'nope'], 'list'],
    [['completion', 'tcsh'], 'completion'],
    [['services', 'podiatre', '--lang', 'xx'], 'services'],
    [['who'], 'who'],
    [['can', 'podiatre'], 'can'],
    [['diff', 'a.yaml'], 'diff'],
    [['show', 'selat', 'extra', '--json', '--format', 'csv'], 'show'],
    [['can', '--batch', 'podiatre', 'selat'], 'can'],
    [['who', '--batch', '--format', 'csv'], 'who'],
    [['check-source', '--force'], 'check-source'],
    [['check-source', '--timeout', 'soon', 'https://example.org/'], 'check-source'],
    [['completion', 'bash', 'zsh'], 'completion'],
    [['matrix', '--catalog'], 'matrix'],
  ];
  test.each(cases)('%j', async (argv, command) => {
    const out = await inLocale(argv, lang);
    expect(out.code).toBe(2);
    // Nothing on stdout, but for a run that asks for JSON: one error document.
    expect(jsonErrorCode(out.stdout)).toBe(asksJson(argv) ? 'USAGE_ERROR' : null);
    const lines = stderrLines(out.stderr);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ramq-access: /);
    expect(lines[1]).toBe(messagesFor(lang).errors.seeHelp(command === '' ? 'ramq-access --help' : `ramq-access ${command} --help`));
  });

  test('a name that names nothing is no usage error: it points to the list and a search, not to --help', async () => {
    const out = await inLocale(['services', 'barista'], lang);
    expect(out.code).toBe(2);
    expect(stderrLines(out.stderr)).toHaveLength(1);
    expect(out.stderr).not.toContain('--help');
  });
});

describe('an option or argument with a fixed set of values lists them all', () => {
  /** Every option that takes one of a fixed set, and every argument that does, with the command that has it. */
  const fixed = COMMANDS.filter((c) => !c.hidden).flatMap((c) => [
    ...[...GLOBAL_OPTIONS, ...optionsOf(c)].flatMap((o: OptionSpec) => {
      const choices = choicesOf(o.kind);
      return choices === undefined ? [] : [[c.name, `--${o.long}`, choices] as const];
    }),
    ...c.args.flatMap((a) => (typeof a.kind !== 'string' ? [[c.name, a.name, a.kind.choices] as const] : [])),
  ]);

  test('there are such options and arguments (--tier, --format, --lang, list, completion)', () => {
    const names = new Set<string>(fixed.map(([, flag]) => flag));
    for (const name of ['--tier', '--format', '--lang', 'what', 'shell']) expect([name, names.has(name)]).toEqual([name, true]);
  });

  describe.each(LANGS)('%s', (lang) => {
    test.each(fixed.map(([command, flag, choices]) => [`${command} ${flag}`, command, flag, choices] as const))(
      '%s',
      async (_title, command, flag, choices) => {
        const args = COMMANDS.find((c) => c.name === command)!.args;
        // The argument at fault gets the wrong value; the arguments before it, a valid one.
        const argv = flag.startsWith('--')
          ? [command, ...(args.some((a) => a.required && typeof a.kind === 'string' && a.kind !== 'file') ? ['selat'] : []), flag, 'nope']
          : [
              command,
              ...args
                .slice(
                  0,
                  args.findIndex((a) => a.name === flag),
                )
                .map(() => 'x'),
              'nope',
            ];
        const out = await runCli([...argv, '--lang', lang]);
        expect([argv, out.code]).toEqual([argv, 2]);
        const first = stderrLines(out.stderr)[0]!;
        for (const choice of choices) expect([argv, first]).toEqual([argv, expect.stringContaining(choice)]);
      },
    );

    test('--category lists every category of the catalogue in use', async () => {
      const categories = (JSON.parse((await runCli(['list', 'categories', '--json'])).stdout) as { categories: { id: string }[] }).categories.map((c) => c.id);
      for (const argv of [
        ['services', 'podiatre', '--category', 'nope'],
        ['matrix', '--category', 'medicament'],
        ['services', '--batch', '--category', 'selat'],
      ]) {
        const out = await runCli([...argv, '--lang', lang], {}, false, 'podiatre\n');
        expect([argv, out.code, jsonErrorCode(out.stdout)]).toEqual([argv, 2, asksJson(argv) ? 'USAGE_ERROR' : null]);
        const first = stderrLines(out.stderr)[0]!;
        expect(first).toContain(argv[argv.indexOf('--category') + 1]!);
        for (const id of categories) expect([argv, first]).toEqual([argv, expect.stringContaining(id)]);
      }
    });
  });
});

describe.each(LANGS)("every example in --help shows the program's name, %s", (lang) => {
  /** The example lines of a help text: the `$ ` lines under its last heading. */
  const examplesOf = (help: string): string[] => help.split('\n').flatMap((l) => (/^ {2}\$ /.test(l) ? [l.slice(4)] : []));

  test.each(VISIBLE)('%s --help', async (name) => {
    const shown = examplesOf((await runCli([name, '--help', '--lang', lang])).stdout);
    const declared = COMMANDS.find((c) => c.name === name)!.examples;
    expect(shown).toHaveLength(declared.length);
    for (const line of shown) expect([name, line]).toEqual([name, expect.stringMatching(new RegExp(`(^|[|(] ?)ramq-access ${name}( |$)`))]);
  });

  test('--help', async () => {
    const shown = examplesOf((await runCli(['--help', '--lang', lang])).stdout);
    expect(shown.length).toBeGreaterThan(0);
    for (const line of shown) expect(line).toMatch(/^ramq-access [a-z]/);
  });
});

describe('--catalog is refused, never dropped, by a call that reads no catalogue in use', () => {
  test.each([
    [['diff', 'catalog.yaml', 'catalog.yaml'], 'files'],
    [['validate', 'catalog.yaml'], 'files'],
    [['fmt', '--check', 'catalog.yaml'], 'files'],
    [['completion', 'bash'], 'no'],
  ] as const)('%j', async (argv, reads) => {
    for (const lang of ['fr', 'en'] as const) {
      const out = await runCli(['--catalog', 'catalog.yaml', ...argv, '--lang', lang]);
      expect(out.code).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr.split('\n')[0]).toBe(`ramq-access: ${messagesFor(lang).errors.catalogUnused(argv[0], reads)}`);
    }
  });

  test('the calls that read it take it; the environment variable applies where it can and is never refused', async () => {
    expect((await runCli(['--catalog', 'catalog.yaml', 'validate'])).code).toBe(0);
    expect((await runCli(['--catalog', 'catalog.yaml', 'fmt', '--check'])).code).toBe(0);
    expect((await runCli(['--catalog', 'catalog.yaml', 'services', 'podiatre'])).code).toBe(0);
    expect((await runCli(['diff', 'catalog.yaml', 'catalog.yaml'], { RAMQ_ACCESS_CATALOG: 'catalog.yaml' })).code).toBe(0);
  });
});
