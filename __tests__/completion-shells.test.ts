/**
 * Completion in real interactive shells, over catalogue names that hold shell syntax. For each shell
 * (bash, zsh, fish) and each quote the user may have opened (none, ', ", and $'…' in bash and zsh),
 * the test types `ramq-access services <prefix><TAB> C<n><Enter>` into the shell on a terminal
 * (util-linux `script`), with the completion script the CLI prints sourced, and `ramq-access` a stub
 * that records its arguments (the stub passes `__complete` on to the real CLI). The completed line
 * must give the name as one argument, unchanged, and run nothing; a name that looks like an option
 * (`--catalog=/etc/passwd`) must stay an argument: completed by its id, or as it is after `--`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { BIN, FIXTURES, runBin, runCli } from './helpers';

type Shell = 'bash' | 'zsh' | 'fish';
/** The quote the user opened before the prefix. */
type Opened = '' | "'" | '"' | "$'";

/** Each name, with a prefix only it matches; the payloads would create pwned* files or change the word if they ever ran. */
const HOSTILE: readonly { readonly name: string; readonly prefix: string }[] = [
  { name: 'Podiatre $(touch pwned) `touch pwned1`', prefix: 'Podiatre $' },
  { name: "Quote'; touch pwned2; echo 'x", prefix: 'Quote' },
  { name: 'Dquote"; touch pwned3; echo "x', prefix: 'Dquote' },
  { name: "'; touch pwned4; echo '", prefix: "';" },
  { name: '"; touch pwned5; echo "', prefix: '";' },
  { name: '=ls', prefix: '=l' },
  { name: '~root', prefix: '~r' },
  { name: 'key=~root', prefix: 'key=' },
  { name: 'Colon:~root', prefix: 'Colon:' },
  { name: 'Back\\slash end\\', prefix: 'Back' },
  { name: '!!x', prefix: '!!' },
  { name: 'Bang! !$ !-1 ^x $HOME ${HOME} $((6*7)) %1', prefix: 'Bang' },
  { name: 'Glob* ?x [ab] {a,b} |&;<>() #x', prefix: 'Glob' },
  { name: '#hash', prefix: '#' },
  { name: 'name with  two spaces', prefix: 'name' },
  { name: ' lead and trail ', prefix: ' l' },
  { name: 'Hé ça’s «cité» a\u00a0b', prefix: 'Hé' },
  // A name that looks like an option (issue 30): inserted as it is, the line would read it as --catalog.
  { name: '--catalog=/etc/passwd', prefix: 'catalog' },
];

/** A name that the command line would read as an option once inserted. */
const looksLikeOption = (name: string): boolean => name.length > 1 && name.startsWith('-');
/** The id of a hostile name's clientele. */
const idOf = (name: string): string => `hostile-${HOSTILE.findIndex((h) => h.name === name)}`;
const OPTION_LIKE = HOSTILE.find((h) => looksLikeOption(h.name))!;

/** The prefix as the user types it after opening a quote (undefined when the quote cannot hold it: a ' inside '…' in bash and zsh). */
function typed(shell: Shell, opened: Opened, prefix: string): string | undefined {
  switch (opened) {
    case '':
      // A leading = is escaped (zsh would expand it); an inner = and : are left bare, as people type them (they break words for readline).
      return prefix.replace(/[^\p{L}\p{N}_./:,+@=-]|^=/gu, '\\$&');
    case "'":
      if (shell === 'fish') return `'${prefix.replace(/[\\']/g, '\\$&')}`;
      return prefix.includes("'") ? undefined : `'${prefix}`;
    case '"':
      return `"${prefix.replace(shell === 'fish' ? /[\\"$]/g : /[\\"$`]/g, '\\$&')}`;
    case "$'":
      return `$'${prefix.replace(/\\/g, '\\\\').replace(/'/g, '\\x27')}`;
  }
}

const OPENED: Record<Shell, readonly Opened[]> = { bash: ['', "'", '"', "$'"], zsh: ['', "'", '"', "$'"], fish: ['', "'", '"'] };

/** One line to type: what precedes the word, the word's prefix, and the arguments the completed line must give. */
interface Case {
  readonly label: string;
  readonly line: string;
  readonly expected: readonly string[];
}

function casesFor(shell: Shell): Case[] {
  const cases: Case[] = [];
  for (const opened of OPENED[shell]) {
    for (const { name, prefix } of HOSTILE) {
      const word = typed(shell, opened, prefix);
      if (word === undefined) continue;
      const label = `${opened || 'no quote'} ${JSON.stringify(name)}`;
      if (!looksLikeOption(name)) cases.push({ label, line: `ramq-access services ${word}`, expected: ['services', name] });
      // A name that looks like an option is completed by its id. fish matches candidates against the word itself and
      // offers no id for "catalog": the word stays as typed (with no quote only: an open quote would stay open).
      else if (shell !== 'fish') cases.push({ label: `${label}: by its id`, line: `ramq-access services ${word}`, expected: ['services', idOf(name)] });
      else if (opened === '') cases.push({ label: `${label}: not offered`, line: `ramq-access services ${word}`, expected: ['services', prefix] });
    }
  }
  // After --, every word is an argument: the name that looks like an option is completed as it is.
  cases.push({
    label: `after --, ${JSON.stringify(OPTION_LIKE.name)} as it is`,
    line: `ramq-access services -- ${typed(shell, '', '--cat')!}`,
    expected: ['services', '--', OPTION_LIKE.name],
  });
  // The catalogue named by a quoted --catalog before the name (the words before the current one are unquoted too).
  cases.push({
    label: '--catalog in quotes, then a name',
    line: `ramq-access --catalog 'my catalogue.yaml' services Pod`,
    expected: ['--catalog', 'my catalogue.yaml', 'services', HOSTILE[0]!.name],
  });
  // Names that begin differently once accents and case count ("Médecin …", "medecin-…"): what was typed stays (zsh
  // used to put their empty common beginning in its place); fish offers only those it matches itself, the ids.
  cases.push({
    label: 'names and ids with no common beginning keep the word typed',
    line: 'ramq-access services med',
    expected: ['services', shell === 'fish' ? 'medecin-' : 'med'],
  });
  if (shell === 'bash') {
    // A quote opened in the middle of the word: readline keeps what precedes it.
    cases.push({ label: 'a quote opened mid-word', line: 'ramq-access services Dq"uote', expected: ['services', HOSTILE[2]!.name] });
    cases.push({ label: "a ' closed and reopened", line: "ramq-access services ''\\'';", expected: ['services', HOSTILE[3]!.name] });
  }
  return cases;
}

/** Which shells are installed; CI must have them all (.ci/run installs them). */
function has(program: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
}
const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];
const installed = new Map([...SHELLS, 'script' as const].map((p) => [p, has(p)]));
const ready = (shell: Shell): boolean => installed.get(shell) === true && installed.get('script') === true;
if (process.env['CI'] && [...installed.values()].some((x) => !x)) {
  throw new Error(
    `missing: ${[...installed]
      .filter(([, x]) => !x)
      .map(([p]) => p)
      .join(', ')}: .ci/run installs zsh, fish and util-linux's script`,
  );
}

let dir: string;
let catalog: string;
/** The sessions, run side by side (each mostly waits for the CLI the completion calls), started by the first test that needs one. */
const sessions = new Map<Shell, Promise<Session>>();
const running = new Set<ChildProcess>();
function session(shell: Shell): Promise<Session> {
  if (sessions.size === 0) for (const s of SHELLS) if (ready(s)) sessions.set(s, runSession(s, casesFor(s)));
  return sessions.get(shell)!;
}
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-shells-'));
  const doc = parse(fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8')) as { clienteles: object[] };
  HOSTILE.forEach(({ name }, i) => {
    doc.clienteles.push({ id: `hostile-${i}`, name, name_en: `Hostile ${i}`, kind: 'profession', forms: [], aliases: [], terms_en: [], abbreviations: [] });
  });
  for (const [id, name] of [
    ['medecin-a', 'Médecin alpha'],
    ['medecin-b', 'Médecin bêta'],
  ]) {
    doc.clienteles.push({ id, name, name_en: name, kind: 'profession', forms: [], aliases: [], terms_en: [], abbreviations: [] });
  }
  catalog = path.join(dir, 'catalogue.yaml');
  fs.writeFileSync(catalog, stringify(doc));
});
afterAll(async () => {
  for (const child of running) child.kill();
  await Promise.allSettled(sessions.values());
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the catalogue of hostile names is valid (the schema accepts every one of them)', () => {
  const out = runBin(['validate', catalog]);
  expect([out.code, out.stderr]).toEqual([0, '']);
});

/** The candidates `__complete` prints, one a line. */
async function candidates(shell: Shell, ...input: string[]): Promise<string[]> {
  const out = await runCli(['__complete', '--shell', shell, '--', ...input], { RAMQ_ACCESS_CATALOG: catalog });
  expect([out.code, out.stderr]).toEqual([0, '']);
  return out.stdout.split('\n').slice(0, -1);
}

describe('what __complete gives each shell', () => {
  const breaks = ' \t\n"\'@><=;|&(:';
  test('bash: the name quoted for the quote left open, starting and ending with that quote', async () => {
    const bash = async (line: string): Promise<string[]> => await candidates('bash', breaks, line);
    expect(await bash('ramq-access services Quote')).toEqual(["Quote\\'\\;\\ touch\\ pwned2\\;\\ echo\\ \\'x"]);
    expect(await bash("ramq-access services 'Quote")).toEqual(["'Quote'\\''; touch pwned2; echo '\\''x'"]);
    expect(await bash('ramq-access services "Quote')).toEqual([`"Quote'; touch pwned2; echo 'x"`]);
    expect(await bash("ramq-access services $'Quote")).toEqual(["'Quote\\x27; touch pwned2; echo \\x27x'"]);
    expect(await bash('ramq-access services "Pod')).toEqual(['"Podiatre \\$(touch pwned) \\`touch pwned1\\`"']);
    // In "…" a backslash does not stop history expansion: the ! goes outside, and the word still ends with the quote.
    expect(await bash('ramq-access services "!!')).toEqual(['""\\!""\\!"x"']);
    expect(await bash('ramq-access services \\~')).toEqual(['\\~root']);
    expect(await bash('ramq-access services \\=')).toEqual(['\\=ls']);
    // What bash inserts for several candidates may end in a lone backslash: the whole word is replaced.
    expect(await bash('ramq-access services Podiatre\\ \\')).toEqual(['Podiatre\\ \\$\\(touch\\ pwned\\)\\ \\`touch\\ pwned1\\`']);
  });

  test('bash: after an = or a : readline keeps, only the rest of the name', async () => {
    expect(await candidates('bash', breaks, 'ramq-access services key=')).toEqual(['\\~root']);
    expect(await candidates('bash', breaks, 'ramq-access services Colon:')).toEqual(['\\~root']);
  });

  test('a name that looks like an option: its id, or the name itself after --, which the command line then reads as an argument', async () => {
    const { name } = OPTION_LIKE;
    for (const shell of ['zsh', 'fish'] as const) {
      expect(await candidates(shell, 'services', 'catalog')).toEqual([idOf(name)]);
      expect(await candidates(shell, 'services', '--', '--cat')).toEqual([name]);
      expect(await candidates(shell, 'services', '--', 'catalog')).toEqual([name]);
      // Still options where options go.
      expect(await candidates(shell, 'services', '--catal')).toEqual(['--catalog']);
    }
    expect(await candidates('bash', breaks, 'ramq-access services catalog')).toEqual([idOf(name)]);
    expect(await candidates('bash', breaks, 'ramq-access services -- --cat')).toEqual(['--catalog\\=/etc/passwd']);
    // What each completion gives, as the command line reads it: the same clientele; the name itself would be --catalog.
    const env = { RAMQ_ACCESS_CATALOG: catalog };
    const asked = async (...argv: string[]): Promise<unknown> => JSON.parse((await runCli(['services', '--json', ...argv], env)).stdout);
    expect(await asked('--', name)).toEqual(await asked(idOf(name)));
    expect((await runCli(['services', '--json', name], env)).code).toBe(2);
  });

  test('zsh and fish: the name as it is (they quote it), the word typed read with its quotes', async () => {
    for (const shell of ['zsh', 'fish'] as const) {
      expect(await candidates(shell, 'services', '\\~r')).toEqual(['~root']);
      expect(await candidates(shell, 'services', '"Pod')).toEqual([HOSTILE[0]!.name]);
      expect(await candidates(shell, 'services', "'Quote")).toEqual([HOSTILE[1]!.name]);
    }
    expect(await candidates('zsh', 'services', "$'\\x27;")).toEqual([HOSTILE[3]!.name]);
    expect(await candidates('fish', 'services', "'\\';")).toEqual([HOSTILE[3]!.name]);
  });
});

/** What the shell was given and what it did: the arguments of each line run, by its case marker, and the files left behind. */
interface Session {
  readonly records: Map<string, string[]>;
  readonly files: string[];
  readonly transcript: string;
}

/** Types every case into one interactive session of the shell, on a terminal; `zshrc`, given the home folder, is zsh's ~/.zshrc (by default compinit, then the script sourced). */
function runSession(shell: Shell, cases: readonly Case[], zshrc?: (home: string) => string): Promise<Session> {
  const home = fs.mkdtempSync(path.join(dir, `${shell}-`));
  const work = path.join(home, 'work');
  const records = path.join(home, 'records');
  const bin = path.join(home, 'bin');
  for (const d of [work, records, bin]) fs.mkdirSync(d);
  fs.copyFileSync(catalog, path.join(work, 'my catalogue.yaml'));
  // Bait: files an unquoted glob in a name would match.
  for (const f of ['Globfile', 'a', 'b']) fs.writeFileSync(path.join(work, f), '');
  const stub = path.join(bin, 'ramq-access');
  fs.writeFileSync(
    stub,
    `#!/bin/sh
if [ "$1" = __complete ]; then exec "$RAMQ_NODE" "$RAMQ_BIN" "$@"; fi
printf '%s\\0' "$@" > "$(mktemp "$RAMQ_RECORDS/r.XXXXXX")"
`,
    { mode: 0o755 },
  );
  let command: string;
  switch (shell) {
    case 'bash':
      fs.writeFileSync(path.join(home, 'rc'), `PS1='$ '\nsource <("$RAMQ_NODE" "$RAMQ_BIN" completion bash)\n`);
      command = `bash --noprofile --rcfile ${home}/rc -i`;
      break;
    case 'zsh':
      fs.writeFileSync(
        path.join(home, '.zshrc'),
        zshrc?.(home) ?? `PS1='$ '\nautoload -U compinit\ncompinit -u -D\nsource <("$RAMQ_NODE" "$RAMQ_BIN" completion zsh)\n`,
      );
      command = 'zsh -i';
      break;
    case 'fish':
      fs.writeFileSync(path.join(home, 'rc.fish'), `$RAMQ_NODE $RAMQ_BIN completion fish | source\n`);
      command = `fish --no-config -i -C 'source ${home}/rc.fish'`;
      break;
  }
  const env = {
    PATH: `${bin}:${path.dirname(process.execPath)}:/usr/bin:/bin`,
    HOME: home,
    ZDOTDIR: home,
    TERM: 'dumb',
    LANG: 'C.UTF-8',
    RAMQ_ACCESS_CATALOG: catalog,
    RAMQ_NODE: process.execPath,
    RAMQ_BIN: BIN,
    RAMQ_RECORDS: records,
  };
  // All the input is typed ahead: the terminal holds it while the shell completes, so nothing depends on timing.
  const input = `${cases.map((c, i) => `${c.line}\t C${i}\n`).join('')}exit\n`;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: work, env, stdio: ['pipe', 'pipe', 'pipe'] });
    running.add(child);
    let transcript = '';
    child.stdout.on('data', (d: Buffer) => (transcript += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (transcript += d.toString('utf8')));
    child.on('error', reject);
    // A line left with an open quote would wait for more input for ever: the session is then ended, and its records are what they are.
    const guard = setTimeout(() => child.kill(), 300_000);
    child.on('close', () => {
      clearTimeout(guard);
      running.delete(child);
      const byMarker = new Map<string, string[]>();
      for (const f of fs.readdirSync(records)) {
        const args = fs.readFileSync(path.join(records, f), 'utf8').split('\0').slice(0, -1);
        byMarker.set(args[args.length - 1] ?? '', args.slice(0, -1));
      }
      resolve({ records: byMarker, files: fs.readdirSync(work).sort(), transcript });
    });
    child.stdin.end(input);
  });
}

for (const shell of SHELLS) {
  const title = ready(shell) ? `${shell}: completing a hostile name, then running the line` : `${shell}: skipped, ${shell} or script is not installed`;
  (ready(shell) ? describe : describe.skip)(title, () => {
    const cases = casesFor(shell);
    let done: Session;
    beforeAll(async () => {
      done = await session(shell);
    }, 400_000);

    test.each(cases.map((c, i) => [c.label, i] as const))('%s', (_label, i) => {
      const got = done.records.get(`C${i}`);
      expect({ line: cases[i]!.line, args: got }).toEqual({ line: cases[i]!.line, args: cases[i]!.expected });
    });

    test('nothing ran: no file created, every line ran the stub once', () => {
      expect(done.files).toEqual(['Globfile', 'a', 'b', 'my catalogue.yaml']);
      expect(done.records.size).toBe(cases.length);
    });
  });
}

/**
 * Where ~/.zshrc loads the script. Sourced before compinit, it used to fail (`compdef: command not found`): it now
 * registers at the first prompt. Installed in $fpath, compinit loads it on the first completion, which must complete
 * too. With no compinit at all, it says what to add to ~/.zshrc.
 */
const ZSH_SETUPS: Readonly<Record<string, { zshrc: (home: string) => string; completes: boolean }>> = {
  'sourced before compinit': {
    zshrc: () => `PS1='$ '\nsource <("$RAMQ_NODE" "$RAMQ_BIN" completion zsh)\nautoload -U compinit\ncompinit -u -D\n`,
    completes: true,
  },
  'installed in $fpath, loaded by compinit': {
    zshrc: (home) => {
      fs.mkdirSync(path.join(home, 'functions'));
      fs.writeFileSync(path.join(home, 'functions', '_ramq-access'), runBin(['completion', 'zsh']).stdout);
      return `PS1='$ '\nfpath=(${home}/functions $fpath)\nautoload -U compinit\ncompinit -u -D\n`;
    },
    completes: true,
  },
  'sourced with no compinit at all': { zshrc: () => `PS1='$ '\nsource <("$RAMQ_NODE" "$RAMQ_BIN" completion zsh)\n`, completes: false },
};

(ready('zsh') ? describe : describe.skip)('zsh: the script works wherever ~/.zshrc loads it, or says what to add', () => {
  const line: Case = { label: 'a name', line: 'ramq-access services Quote', expected: ['services', HOSTILE[1]!.name] };
  const done = new Map<string, Session>();
  beforeAll(async () => {
    const setups = Object.entries(ZSH_SETUPS);
    const sessions = await Promise.all(setups.map(([, { zshrc }]) => runSession('zsh', [line], zshrc)));
    setups.forEach(([name], i) => done.set(name, sessions[i]!));
  }, 400_000);

  test.each(Object.entries(ZSH_SETUPS))('%s', (name, { completes }) => {
    const session = done.get(name)!;
    expect(session.transcript).not.toMatch(/command not found/);
    expect(session.records.get('C0')).toEqual(completes ? line.expected : ['services', 'Quote']);
    // What to add is said only where it is missing.
    expect(session.transcript.includes('autoload -Uz compinit && compinit')).toBe(!completes);
  });
});
