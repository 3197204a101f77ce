/**
 * Shell completion, in process: bash's candidates as the completion function gets them from `__complete` (the
 * script passes bash's word-break characters and the line up to the cursor), the scripts of each shell, and each
 * script checked by its shell's own checker. The script sourced in a real bash and driven as bash drives it:
 * e2e.test.ts; typed into real interactive shells: completion-shells.test.ts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './helpers';

/** bash's default COMP_WORDBREAKS, which the script passes to `__complete`. */
const BASH_WORDBREAKS = ' \t\n"\'@><=;|&(:';

let scripts: string;
beforeAll(() => {
  scripts = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-complete-'));
});
afterAll(() => fs.rmSync(scripts, { recursive: true, force: true }));

/** What bash would offer for the line typed so far (the cursor at its end): the lines `__complete` prints, which the function puts in COMPREPLY. */
async function bashComplete(line: string): Promise<string[]> {
  const out = await runCli(['__complete', '--shell', 'bash', '--', BASH_WORDBREAKS, line], { LANG: 'C.UTF-8' });
  expect({ code: out.code, stderr: out.stderr }).toEqual({ code: 0, stderr: '' });
  return out.stdout.split('\n').filter(Boolean);
}

describe('bash completion', () => {
  test('commands', async () => {
    expect(await bashComplete('ramq-access serv')).toEqual(['services']);
    expect(await bashComplete('ramq-access ')).toEqual(expect.arrayContaining(['services', 'who', 'can', 'matrix', 'completion']));
    expect(await bashComplete('ramq-access ')).not.toContain('__complete');
  });

  test('clientele names from the catalogue: services pod<TAB> completes podiatre', async () => {
    expect(await bashComplete('ramq-access services pod')).toEqual(['podiatre']);
  });

  test('accents and case do not matter; names with spaces are escaped, or quoted with the quote the user opened', async () => {
    expect(await bashComplete('ramq-access services medecin-s')).toEqual(['medecin-specialiste']);
    expect(await bashComplete('ramq-access services Médecin\\ o')).toEqual(['medecin-omnipraticien', 'Médecin\\ omnipraticien\\ ou\\ omnipraticienne']);
    expect(await bashComplete('ramq-access services "Médecin omni')).toEqual(['"medecin-omnipraticien"', '"Médecin omnipraticien ou omnipraticienne"']);
    expect(await bashComplete("ramq-access services 'Spécialiste en")).toEqual(["'Spécialiste en chirurgie buccale et maxillo-faciale'"]);
    expect(await bashComplete('ramq-access can podiatre facturac')).toEqual(['facturacte']);
  });

  test('a word completed in part (what bash inserted for several candidates) completes again', async () => {
    expect(await bashComplete('ramq-access services Médecin\\ omnipraticien\\ ou\\ ')).toEqual(['Médecin\\ omnipraticien\\ ou\\ omnipraticienne']);
    expect(await bashComplete('ramq-access services "Médecin omnipraticien ou ')).toEqual(['"Médecin omnipraticien ou omnipraticienne"']);
  });

  test('options and their values', async () => {
    expect(await bashComplete('ramq-access who --ti')).toEqual(['--tier']);
    expect(await bashComplete('ramq-access who selat --tier ')).toEqual(['creation', 'request', 'unspecified']);
    expect(await bashComplete('ramq-access services podiatre --format ')).toEqual(['table', 'json', 'csv', 'markdown']);
    expect(await bashComplete('ramq-access validate --format ')).toEqual(['table', 'json', 'github', 'sarif', 'text']);
    expect(await bashComplete('ramq-access matrix --category med')).toEqual(['medicaments']);
    expect(await bashComplete('ramq-access --lang ')).toEqual(['fr', 'en']);
    expect(await bashComplete('ramq-access list ')).toEqual(['services', 'clienteles', 'categories']);
    expect(await bashComplete('ramq-access completion ')).toEqual(['bash', 'zsh', 'fish']);
  });

  test('file arguments are left to bash (no candidates, -o default completes files)', async () => {
    expect(await bashComplete('ramq-access validate cat')).toEqual([]);
    expect(await bashComplete('ramq-access --catalog ')).toEqual([]);
  });

  test('names come from the catalogue in use, however its path was typed', async () => {
    const minimal = path.join(__dirname, 'fixtures', 'valid', 'minimal.yaml');
    expect(await bashComplete(`ramq-access --catalog ${minimal} services nu`)).toEqual(['nurse', 'nurse-special']);
    expect(await bashComplete(`ramq-access --catalog=${minimal} services nu`)).toEqual(['nurse', 'nurse-special']);
    expect(await bashComplete(`ramq-access --catalog "${minimal}" services nu`)).toEqual(['nurse', 'nurse-special']);
  });
});

test('zsh and fish scripts call back the CLI', async () => {
  for (const shell of ['zsh', 'fish']) {
    const out = await runCli(['completion', shell]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`ramq-access __complete --shell ${shell} --`);
  }
  expect((await runCli(['completion', 'tcsh'])).code).toBe(2);
});

/** Whether a program is installed; CI must have them all (.ci/run installs them). */
function has(program: string): boolean {
  const there = spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
  if (!there && process.env['CI']) throw new Error(`${program} is missing: .ci/run installs it`);
  return there;
}

describe.each([
  ['bash', 'shellcheck', ['-s', 'bash']],
  ['zsh', 'zsh', ['-n']],
  ['fish', 'fish', ['--no-execute']],
] as const)('the %s script', (shell, checker, args) => {
  const installed = has(checker);
  (installed ? test : test.skip)(installed ? `passes ${checker} ${args.join(' ')}` : `skipped: ${checker} is not installed`, async () => {
    const script = path.join(scripts, `script.${shell}`);
    fs.writeFileSync(script, (await runCli(['completion', shell])).stdout);
    const r = spawnSync(checker, [...args, script], { encoding: 'utf8' });
    expect({ status: r.status, out: r.stdout + r.stderr }).toEqual({ status: 0, out: '' });
  });
});

test('every command has examples in its --help', async () => {
  for (const cmd of ['validate', 'services', 'who', 'can', 'show', 'list', 'search', 'matrix', 'diff', 'fmt', 'completion']) {
    const out = await runCli([cmd, '--help']);
    expect([cmd, out.code]).toEqual([cmd, 0]);
    // (an example wider than the help, 80 columns when piped, continues on the next line after ` \`)
    expect(out.stdout).toMatch(/Exemples\u00a0:\n( {2}\$ .+\n( {6}.+\n)*){2,4}/);
    expect((await runCli([cmd, '--help', '--lang', 'en'])).stdout).toMatch(/Examples:\n( {2}\$ .+\n( {6}.+\n)*){2,4}/);
  }
});
