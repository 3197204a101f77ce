/**
 * commander's usage errors reach us as data (src/cli/usage-failure.ts): each kind is thrown by a method of
 * commander we override, so a commander that renamed one would fall back to its English. These tests fail
 * first: every overridden method still exists and is still called, with what we expect it to pass.
 */
import { Command } from 'commander';
import fc from 'fast-check';
import path from 'node:path';
import { messagesFor } from '../src/present/messages/messages';
import type { UsageProblem } from '../src/present/usage-problem';
import { COMMANDS } from '../src/cli/commands';
import { declareProgram } from '../src/cli/program';
import { similarWords, UsageFailure } from '../src/cli/usage-failure';

/** What parsing a command line throws, as the problem's kind and data (null when it throws no UsageFailure). */
async function problemOf(argv: readonly string[]): Promise<UsageProblem | null> {
  const { program, declared } = declareProgram(messagesFor('en'), COMMANDS, { writeOut: () => undefined, writeErr: () => undefined }, () => '');
  for (const cmd of declared.values()) cmd.action(() => undefined);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return null;
  } catch (error) {
    return error instanceof UsageFailure ? error.problem : null;
  }
}

test('commander still has every method whose override turns its errors into data', () => {
  const prototype = Command.prototype as unknown as Record<string, unknown>;
  for (const name of ['unknownOption', 'unknownCommand', 'missingArgument', 'optionMissingArgument', '_excessArguments', 'parseOptions', 'help']) {
    expect([name, typeof prototype[name]]).toEqual([name, 'function']);
  }
});

test.each<[string, readonly string[], UsageProblem]>([
  ['unknown option', ['services', 'x', '--tie', 'creation'], { kind: 'unknownOption', flag: '--tie', suggestions: ['--tier'] }],
  ['unknown option before the command word', ['--jsn'], { kind: 'unknownOption', flag: '--jsn', suggestions: [] }],
  ['unknown command', ['sho'], { kind: 'unknownCommand', name: 'sho', suggestions: ['show', 'who'] }],
  ['help NOSUCH', ['help', 'servics'], { kind: 'unknownCommand', name: 'servics', suggestions: ['services'] }],
  ['missing argument', ['list'], { kind: 'missingArgument', name: 'what' }],
  ['option without its value', ['services', 'x', '--tier'], { kind: 'optionMissingArgument', flags: '--tier <tier>' }],
  ['a global option without its value', ['services', 'x', '--catalog'], { kind: 'optionMissingArgument', flags: '--catalog <path>' }],
  ['too many arguments', ['can', 'a', 'b', 'c'], { kind: 'excessArguments', command: 'can', expected: 2, got: 3 }],
  [
    'a value outside the choices of an option',
    ['services', 'x', '--tier', 'bad', '--json'],
    { kind: 'invalidChoice', value: 'bad', of: { option: '--tier <tier>' }, choices: ['creation', 'request', 'unspecified'] },
  ],
  [
    'a value outside the choices of an argument',
    ['list', 'nope'],
    { kind: 'invalidChoice', value: 'nope', of: { argument: 'what' }, choices: ['services', 'clienteles', 'categories'] },
  ],
])('%s', async (_title, argv, expected) => {
  expect(await problemOf(argv)).toEqual(expected);
});

test('the first refused value is the one said, once the command has read all its options', async () => {
  expect(await problemOf(['services', 'x', '--lang', 'de', '--tier', 'bad'])).toEqual({
    kind: 'invalidChoice',
    value: 'de',
    of: { option: '--lang <language>' },
    choices: ['fr', 'en'],
  });
});

test("suggestions are the ones commander's suggestSimilar makes", () => {
  // commander keeps suggestSimilar out of its exports; its file is read by path.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { suggestSimilar } = require(path.join(path.dirname(require.resolve('commander')), 'lib', 'suggestSimilar.js')) as {
    suggestSimilar: (word: string, candidates: string[]) => string;
  };
  const asCommander = (words: readonly string[]): string =>
    words.length === 0 ? '' : words.length === 1 ? `\n(Did you mean ${words[0]}?)` : `\n(Did you mean one of ${words.join(', ')}?)`;
  const word = fc.stringMatching(/^[a-e-]{0,8}$/);
  fc.assert(
    fc.property(fc.boolean(), word, fc.array(word, { maxLength: 8 }), (flags, typed, candidates) => {
      // A command's name never starts with a dash (commander would read "--x" as an option among commands).
      fc.pre(flags || ![typed, ...candidates].some((c) => c.startsWith('-')));
      const [w, cs] = flags ? [`--${typed}`, candidates.map((c) => `--${c}`)] : [typed, candidates];
      expect(asCommander(similarWords(w, cs))).toBe(suggestSimilar(w, cs));
    }),
    { numRuns: 2000 },
  );
});
