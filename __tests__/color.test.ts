/**
 * When output is colored: every rule of src/cli/decide-color.ts, in its order,
 * and the whole run (tables, `can`'s answer) following it, on a terminal and piped.
 */
import { decideColor } from '../src/cli/decide-color';
import { hasAnsi, runCli } from './helpers';

type Env = Record<string, string>;

/** [what, flag, env, on a terminal, expected]. */
const RULES: readonly (readonly [string, boolean | undefined, Env, boolean, boolean])[] = [
  ['a terminal', undefined, {}, true, true],
  ['a pipe', undefined, {}, false, false],
  ['--color when piped', true, {}, false, true],
  ['--color beats NO_COLOR', true, { NO_COLOR: '1' }, false, true],
  ['--no-color beats FORCE_COLOR', false, { FORCE_COLOR: '1' }, true, false],
  ['--no-color beats CLICOLOR_FORCE', false, { CLICOLOR_FORCE: '1' }, true, false],
  ['NO_COLOR=1 on a terminal', undefined, { NO_COLOR: '1' }, true, false],
  ['NO_COLOR of any value', undefined, { NO_COLOR: '0' }, true, false],
  ['NO_COLOR empty is not set', undefined, { NO_COLOR: '' }, true, true],
  ['NO_COLOR beats FORCE_COLOR', undefined, { NO_COLOR: '1', FORCE_COLOR: '3' }, true, false],
  ['NO_COLOR beats CLICOLOR_FORCE', undefined, { NO_COLOR: 'yes', CLICOLOR_FORCE: '1' }, false, false],
  ['FORCE_COLOR=1 piped', undefined, { FORCE_COLOR: '1' }, false, true],
  ['FORCE_COLOR=2 piped', undefined, { FORCE_COLOR: '2' }, false, true],
  ['FORCE_COLOR=3 piped', undefined, { FORCE_COLOR: '3' }, false, true],
  ['FORCE_COLOR=true piped', undefined, { FORCE_COLOR: 'true' }, false, true],
  ['FORCE_COLOR empty piped', undefined, { FORCE_COLOR: '' }, false, true],
  ['FORCE_COLOR=0 on a terminal', undefined, { FORCE_COLOR: '0' }, true, false],
  ['FORCE_COLOR=false on a terminal', undefined, { FORCE_COLOR: 'false' }, true, false],
  ['FORCE_COLOR=0 beats CLICOLOR_FORCE', undefined, { FORCE_COLOR: '0', CLICOLOR_FORCE: '1' }, true, false],
  ['FORCE_COLOR beats TERM=dumb', undefined, { FORCE_COLOR: '1', TERM: 'dumb' }, true, true],
  ['FORCE_COLOR beats CLICOLOR=0', undefined, { FORCE_COLOR: '1', CLICOLOR: '0' }, false, true],
  ['CLICOLOR_FORCE=1 piped', undefined, { CLICOLOR_FORCE: '1' }, false, true],
  ['CLICOLOR_FORCE=0 is not forcing', undefined, { CLICOLOR_FORCE: '0' }, false, false],
  ['CLICOLOR_FORCE empty is not forcing', undefined, { CLICOLOR_FORCE: '' }, false, false],
  ['CLICOLOR_FORCE beats CLICOLOR=0', undefined, { CLICOLOR_FORCE: '1', CLICOLOR: '0' }, false, true],
  ['CLICOLOR_FORCE beats TERM=dumb', undefined, { CLICOLOR_FORCE: '1', TERM: 'dumb' }, true, true],
  ['CLICOLOR=0 on a terminal', undefined, { CLICOLOR: '0' }, true, false],
  ['CLICOLOR=1 piped (it only allows)', undefined, { CLICOLOR: '1' }, false, false],
  ['CLICOLOR=1 on a terminal', undefined, { CLICOLOR: '1' }, true, true],
  ['TERM=dumb on a terminal', undefined, { TERM: 'dumb' }, true, false],
  ['TERM=xterm-256color on a terminal', undefined, { TERM: 'xterm-256color' }, true, true],
];

describe('decideColor', () => {
  test.each(RULES)('%s', (_what, flag, env, isTTY, expected) => {
    expect(decideColor({ flag, env, isTTY })).toBe(expected);
  });
});

describe('a whole run follows the decision', () => {
  const flagArgs = (flag: boolean | undefined): string[] => (flag === undefined ? [] : [flag ? '--color' : '--no-color']);
  test.each(RULES)('%s', async (_what, flag, env, isTTY, expected) => {
    const table = await runCli(['services', 'podiatre', ...flagArgs(flag)], env, isTTY, '', 100);
    const answer = await runCli(['can', 'podiatre', 'selat', ...flagArgs(flag)], env, isTTY, '', 100);
    expect([table.code, answer.code]).toEqual([0, 1]);
    expect([hasAnsi(table.stdout), hasAnsi(answer.stdout)]).toEqual([expected, expected]);
  });

  test('data formats are never colored, whatever forces color', async () => {
    for (const format of ['json', 'csv', 'markdown']) {
      const out = await runCli(['services', 'podiatre', '--format', format, '--color'], { FORCE_COLOR: '3', CLICOLOR_FORCE: '1' }, true);
      expect([format, hasAnsi(out.stdout)]).toEqual([format, false]);
    }
  });
});
