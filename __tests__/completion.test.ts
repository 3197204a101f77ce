/** Shell completion: the generated bash script is sourced in a real bash and driven the way bash drives it. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, runBin } from './helpers';

let binDir: string;
beforeAll(() => {
  binDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-complete-'));
  fs.symlinkSync(BIN, path.join(binDir, 'ramq-access'));
});
afterAll(() => fs.rmSync(binDir, { recursive: true, force: true }));

/** What bash would offer for the line typed so far (the cursor at its end), as bash calls the completion function: COMPREPLY. */
function bashComplete(line: string): string[] {
  const script = `
source <(ramq-access completion bash)
COMP_LINE=$TYPED
COMP_POINT=\${#COMP_LINE}
_ramq_access_complete
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
    encoding: 'utf8',
    env: { PATH: `${binDir}:${process.env['PATH']}`, LANG: 'C.UTF-8', TYPED: line },
  });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('bash completion', () => {
  test('the script registers a completion function', () => {
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', 'source <(ramq-access completion bash) && complete -p ramq-access'], {
      encoding: 'utf8',
      env: { PATH: `${binDir}:${process.env['PATH']}` },
    });
    expect(r.stdout.trim()).toBe('complete -o default -F _ramq_access_complete ramq-access');
  });

  test('commands', () => {
    expect(bashComplete('ramq-access serv')).toEqual(['services']);
    expect(bashComplete('ramq-access ')).toEqual(expect.arrayContaining(['services', 'who', 'can', 'matrix', 'completion']));
    expect(bashComplete('ramq-access ')).not.toContain('__complete');
  });

  test('clientele names from the catalogue: services pod<TAB> completes podiatre', () => {
    expect(bashComplete('ramq-access services pod')).toEqual(['podiatre']);
  });

  test('accents and case do not matter; names with spaces are escaped, or quoted with the quote the user opened', () => {
    expect(bashComplete('ramq-access services medecin-s')).toEqual(['medecin-specialiste']);
    expect(bashComplete('ramq-access services Médecin\\ o')).toEqual(['medecin-omnipraticien', 'Médecin\\ omnipraticien\\ ou\\ omnipraticienne']);
    expect(bashComplete('ramq-access services "Médecin omni')).toEqual(['"medecin-omnipraticien"', '"Médecin omnipraticien ou omnipraticienne"']);
    expect(bashComplete("ramq-access services 'Spécialiste en")).toEqual(["'Spécialiste en chirurgie buccale et maxillo-faciale'"]);
    expect(bashComplete('ramq-access can podiatre facturac')).toEqual(['facturacte']);
  });

  test('a word completed in part (what bash inserted for several candidates) completes again', () => {
    expect(bashComplete('ramq-access services Médecin\\ omnipraticien\\ ou\\ ')).toEqual(['Médecin\\ omnipraticien\\ ou\\ omnipraticienne']);
    expect(bashComplete('ramq-access services "Médecin omnipraticien ou ')).toEqual(['"Médecin omnipraticien ou omnipraticienne"']);
  });

  test('options and their values', () => {
    expect(bashComplete('ramq-access who --ti')).toEqual(['--tier']);
    expect(bashComplete('ramq-access who selat --tier ')).toEqual(['creation', 'request', 'unspecified']);
    expect(bashComplete('ramq-access services podiatre --format ')).toEqual(['table', 'json', 'csv', 'markdown']);
    expect(bashComplete('ramq-access validate --format ')).toEqual(['table', 'json', 'github', 'sarif', 'text']);
    expect(bashComplete('ramq-access matrix --category med')).toEqual(['medicaments']);
    expect(bashComplete('ramq-access --lang ')).toEqual(['fr', 'en']);
    expect(bashComplete('ramq-access list ')).toEqual(['services', 'clienteles', 'categories']);
    expect(bashComplete('ramq-access completion ')).toEqual(['bash', 'zsh', 'fish']);
  });

  test('file arguments are left to bash (no candidates, -o default completes files)', () => {
    expect(bashComplete('ramq-access validate cat')).toEqual([]);
    expect(bashComplete('ramq-access --catalog ')).toEqual([]);
  });

  test('names come from the catalogue in use, however its path was typed', () => {
    const minimal = path.join(__dirname, 'fixtures', 'valid', 'minimal.yaml');
    expect(bashComplete(`ramq-access --catalog ${minimal} services nu`)).toEqual(['nurse', 'nurse-special']);
    expect(bashComplete(`ramq-access --catalog=${minimal} services nu`)).toEqual(['nurse', 'nurse-special']);
    expect(bashComplete(`ramq-access --catalog "${minimal}" services nu`)).toEqual(['nurse', 'nurse-special']);
  });
});

test('zsh and fish scripts call back the CLI', () => {
  for (const shell of ['zsh', 'fish']) {
    const out = runBin(['completion', shell]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain(`ramq-access __complete --shell ${shell} --`);
  }
  expect(runBin(['completion', 'tcsh']).code).toBe(2);
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
  (installed ? test : test.skip)(installed ? `passes ${checker} ${args.join(' ')}` : `skipped: ${checker} is not installed`, () => {
    const script = path.join(binDir, `script.${shell}`);
    fs.writeFileSync(script, runBin(['completion', shell]).stdout);
    const r = spawnSync(checker, [...args, script], { encoding: 'utf8' });
    expect({ status: r.status, out: r.stdout + r.stderr }).toEqual({ status: 0, out: '' });
  });
});

test('every command has examples in its --help', () => {
  for (const cmd of ['validate', 'services', 'who', 'can', 'show', 'list', 'search', 'matrix', 'diff', 'fmt', 'completion']) {
    const out = runBin([cmd, '--help']);
    expect([cmd, out.code]).toEqual([cmd, 0]);
    // (an example wider than the help, 80 columns when piped, continues on the next line after ` \`)
    expect(out.stdout).toMatch(/Exemples\u00a0:\n( {2}\$ .+\n( {6}.+\n)*){2,4}/);
    expect(runBin([cmd, '--help', '--lang', 'en']).stdout).toMatch(/Examples:\n( {2}\$ .+\n( {6}.+\n)*){2,4}/);
  }
});
