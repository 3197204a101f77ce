/**
 * The end-to-end cases: the real `bin/ramq-access` in a real process, only where the case is about the process
 * (exit statuses as a shell sees them, pipes, signals, another user, the built bundle, a real shell). Every other
 * case runs in process with fake I/O (runCli), which is faster and counted by coverage; each case here says why it
 * cannot. Pipes and devices that never end run under `timeout` and an address-space cap, so that a regression fails
 * instead of hanging the suite or eating the shared machine.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCorpus } from './corpus';
import { generateCorpus } from './generated-corpus';
import { BIN, FIXTURES, ROOT, runBin, runCli, type RunOutput, ndjson } from './helpers';

/** Runs a bash script from the repository, in English, with the real binary as the function `ramq` (killed after a minute) and the address space capped. */
function shell(script: string, env: Record<string, string> = {}): { stdout: string; stderr: string; code: number } {
  // Node reserves about 1 GiB of address space; the cap leaves about half a gibibyte, which a run that keeps an endless input cannot have.
  const ramq = `ramq() { timeout -k 5 60 "${process.execPath}" "${BIN}" "$@"; }`;
  const out = spawnSync('bash', ['--norc', '--noprofile', '-c', `ulimit -v ${1536 * 1024}; ${ramq}; ${script}`], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env['PATH'], LANG: 'en_CA.UTF-8', ...env },
    timeout: 150_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return { stdout: out.stdout, stderr: out.stderr, code: out.status ?? -1 };
}

describe('exit statuses and output through a real process', () => {
  // Why a process: the exit status a shell sees is process.exitCode once the output is flushed; in process, run()'s return value.
  test.each([
    [['services', 'podiatrist'], 0],
    [['can', 'podiatrist', 'SELAT'], 1],
    [['services', 'podiatr'], 2],
    [['--catalog', path.join(FIXTURES, 'bad', 'unknown-clientele.yaml'), 'services', 'podiatre'], 3],
  ] as const)('%j exits %i, with the same output as in process', async (argv, code) => {
    const real = runBin([...argv]);
    expect(real.code).toBe(code);
    expect(real).toEqual(await runCli([...argv]));
  });

  test('a script can pipe the JSON, as with jq', () => {
    // Why a process: the document must reach another program through a pipe, whole.
    const script = `"${process.execPath}" "${BIN}" services podiatrist --json | "${process.execPath}" -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).services.map(x=>x.id).join("\\n")))'`;
    const out = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(out.stdout.trim().split('\n')).toEqual(['messagerie-securisee', 'mon-dossier', 'liste-medicaments', 'patient-medicaments-exception']);
  });

  test('the default catalogue does not depend on the current directory', () => {
    // Why a process: the installed program finds its embedded catalogue from its own files, whatever folder it is run from.
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-cwd-'));
    try {
      expect(JSON.parse(runBin(['list', 'services', '--json'], { cwd: elsewhere }).stdout).services).toHaveLength(23);
    } finally {
      fs.rmSync(elsewhere, { recursive: true });
    }
  });

  test('standard input that is a directory (`ramq-access can --batch < /`): exit 74, one error line', () => {
    // Why a process: file descriptor 0 is a directory. The same reader on such a descriptor, for each command that reads standard input, in process: batch.test.ts.
    const fd = fs.openSync('/', 'r');
    try {
      const out = spawnSync(process.execPath, [BIN, 'can', '--batch', '--lang', 'en'], {
        stdio: [fd, 'pipe', 'pipe'],
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] },
      });
      expect(out.status).toBe(74);
      expect(JSON.parse(out.stdout)).toMatchObject({ command: 'can', error: { code: 'IO_ERROR', input: '' } });
      expect(out.stderr).toMatch(/EISDIR/);
      expect(out.stderr).not.toMatch(/internal error|^\s+at /m);
    } finally {
      fs.closeSync(fd);
    }
  });
});

describe('bash completion in a real bash', () => {
  // Why a process: the script is sourced by bash, whose completion function calls the installed program back.
  // What `__complete` answers for each line, in process: completion.test.ts; typed into interactive shells: completion-shells.test.ts.
  let binDir: string;
  beforeAll(() => {
    binDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-complete-'));
    fs.symlinkSync(BIN, path.join(binDir, 'ramq-access'));
  });
  afterAll(() => fs.rmSync(binDir, { recursive: true, force: true }));

  test('the script registers a completion function, which gives COMPREPLY the names, quoted for the quote the user opened', () => {
    const script = `
source <(ramq-access completion bash)
complete -p ramq-access
COMP_LINE=$TYPED
COMP_POINT=\${#COMP_LINE}
_ramq_access_complete
printf '%s\\n' "\${COMPREPLY[@]}"`;
    const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
      encoding: 'utf8',
      env: { PATH: `${binDir}:${process.env['PATH']}`, LANG: 'C.UTF-8', TYPED: 'ramq-access services "Médecin omni' },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      'complete -o default -F _ramq_access_complete ramq-access',
      '"medecin-omnipraticien"',
      '"Médecin omnipraticien ou omnipraticienne"',
    ]);
  });
});

describe('pipes, devices and FIFOs that never end (stream.test.ts has the same limits in process, with fake readers)', () => {
  // Why a process: each input is a real descriptor that never ends; bash, `timeout` and the address-space cap turn a
  // regression into a failure (killed, or out of memory), where in process it would hang the test worker.
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-e2e-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('`yes | ramq-access validate -`: FILE_TOO_LARGE, exit 1', () => {
    const out = shell('yes | ramq validate -');
    expect(out.stdout).toMatch(/FILE_TOO_LARGE .*4,194,304/);
    expect(out.code).toBe(1);
  });

  test('--catalog /dev/zero: exit 3, FILE_TOO_LARGE, in bounded memory', () => {
    const out = shell('ramq --catalog /dev/zero services podiatre');
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^ramq-access: [^\n]*\/dev\/zero:\n\/dev\/zero: FILE_TOO_LARGE /);
    expect(out.code).toBe(3);
  });

  test('a FIFO with an endless writer as --catalog: exit 3, FILE_TOO_LARGE', () => {
    const fifo = path.join(tmp, 'endless.fifo');
    // The writer is this script's own job: it ends when the reader closes the FIFO (SIGPIPE), or is killed by its id.
    const out = shell(
      `mkfifo "${fifo}"; yes > "${fifo}" & writer=$!; ramq --catalog "${fifo}" services podiatre; status=$?; kill $writer 2>/dev/null; wait; exit $status`,
    );
    expect(out.stderr).toMatch(/FILE_TOO_LARGE/);
    expect(out.code).toBe(3);
  });

  test('`yes podiatre | services --batch | head -3`: three answers, then a quiet exit 0 when the reader goes', () => {
    const out = shell('yes podiatre | ramq services --batch | head -3; echo "status=${PIPESTATUS[1]}" >&2');
    const lines = ndjson(out.stdout);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatchObject({ clientele: { id: 'podiatre' } });
    expect(out.stderr).toBe('status=0\n');
  });

  test('512 MiB of NUL bytes without a line end: one LINE_TOO_LONG error object and exit 2, in bounded memory', () => {
    const out = shell('head -c 512M /dev/zero | ramq can --batch; echo "status=${PIPESTATUS[1]}" >&2');
    expect(ndjson(out.stdout)).toEqual([
      { command: 'can', error: { code: 'LINE_TOO_LONG', message: expect.stringContaining('536,870,912'), line: 1, input: '', suggestions: [] } },
    ]);
    expect(out.stderr).toBe('status=2\n');
  });

  // Node 20's synchronous reads already wait on a non-blocking pipe (libuv polls it); the test keeps that so whatever reads stdin.
  test('a non-blocking standard input that has nothing yet is waited on, not an error', () => {
    // Why a process: the descriptor's O_NONBLOCK flag is set by another program (python) before it execs the binary.
    const python = spawnSync('python3', ['-c', '0']);
    if (python.status !== 0) throw new Error('this test needs python3 to make standard input non-blocking');
    const nonBlocking = `import fcntl, os, sys; fcntl.fcntl(0, fcntl.F_SETFL, fcntl.fcntl(0, fcntl.F_GETFL) | os.O_NONBLOCK); os.execvp(sys.argv[1], sys.argv[1:])`;
    const out = shell(
      `(sleep 0.5; echo podiatre; sleep 0.5; echo IPS) | timeout -k 5 60 python3 -c '${nonBlocking}' "${process.execPath}" "${BIN}" services --batch`,
    );
    expect(ndjson(out.stdout).map((l) => (l['clientele'] as { id: string }).id)).toEqual(['podiatre', 'ips']);
    expect(out.code).toBe(0);
  });

  test('a coprocess: each answer arrives before the next question is sent', async () => {
    // Why a process: the questions come through a real pipe, one at a time, each sent only once the last is answered.
    const child = spawn(process.execPath, [BIN, 'services', '--batch'], { cwd: ROOT, env: { PATH: process.env['PATH'], LANG: 'en_CA.UTF-8' } });
    let received = '';
    let waiting: (() => void) | null = null;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      received += text;
      waiting?.();
    });
    // Resolves once `n` complete lines have arrived; rejects after a generous while (a binary that waits for the end of its input never answers).
    const lines = (n: number): Promise<string[]> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer after 30 s; received ${JSON.stringify(received)}`)), 30_000);
        waiting = () => {
          const done = received.split('\n').slice(0, -1);
          if (done.length < n) return;
          clearTimeout(timer);
          waiting = null;
          resolve(done);
        };
        waiting();
      });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const asked = ['podiatre', 'IPS', 'ghost', 'podiatre'];
      for (let i = 0; i < asked.length; i++) {
        child.stdin.write(`${asked[i]}\n`);
        const answers = await lines(i + 1);
        expect(answers).toHaveLength(i + 1);
      }
      child.stdin.end();
      expect(await exited).toBe(2);
      expect(ndjson(received).map((l) => (l['clientele'] as { id: string } | undefined)?.id ?? (l['error'] as { code: string }).code)).toEqual([
        'podiatre',
        'ips',
        'UNKNOWN_NAME',
        'podiatre',
      ]);
    } finally {
      child.kill();
    }
  }, 150_000);
});

describe('writing a catalogue file: another user, a second writer, signals (write-catalog.test.ts has the rest in process)', () => {
  const MESSY = fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8').replace('version: 1\n', 'version:    1\n');
  const NOBODY = 65534;
  const NOGROUP = 65534;
  const isRoot = process.getuid?.() === 0;
  /** A test that runs the tool as another user: skipped, with the reason in its name, when the tests do not run as root. */
  const asRoot = (name: string, fn: () => void): void => (isRoot ? test(name, fn) : test.skip(`${name} [skipped: needs root to run as nobody]`, fn));

  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-write-'));
    // Others may enter it, for the runs as nobody.
    fs.chmodSync(dir, 0o755);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const messy = (): string => {
    const file = path.join(dir, 'catalog.yaml');
    fs.writeFileSync(file, MESSY);
    return file;
  };
  const temps = (): string[] => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));
  /** Runs the real executable as nobody (why a process: the permissions checked are the process's own). */
  const fmtAsNobody = (file: string) => runBin(['fmt', file], { env: { LANG: 'en_CA.UTF-8' }, cwd: dir, user: { uid: NOBODY, gid: NOGROUP } });

  asRoot('a user who may write a file of another owner (group-writable) is refused: a rewrite would make it theirs', () => {
    fs.chownSync(dir, NOBODY, NOGROUP);
    const file = messy();
    fs.chownSync(file, 0, NOGROUP);
    fs.chmodSync(file, 0o664);
    const out = fmtAsNobody(file);
    expect(out.code).toBe(74);
    expect(out.stderr).toMatch(new RegExp(`^ramq-access: [^\\n]*${file}[^\\n]*\\(uid 0, gid ${NOGROUP}\\)[^\\n]*\\n$`));
    expect(fs.statSync(file).uid).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(MESSY);
    expect(temps()).toEqual([]);
  });

  asRoot('as nobody, a read-only file of its own (0444) in its own folder is refused (exit 74), untouched', () => {
    fs.chownSync(dir, NOBODY, NOGROUP);
    const file = messy();
    fs.chownSync(file, NOBODY, NOGROUP);
    fs.chmodSync(file, 0o444);
    const out = fmtAsNobody(file);
    expect(out.code).toBe(74);
    // The same refusal as root's, whose wording is in the snapshot file.
    expect(out.stderr).toMatch(new RegExp(`^ramq-access: [^\\n]*${file}[^\\n]*0444[^\\n]*\\n$`));
    expect(fs.readFileSync(file, 'utf8')).toBe(MESSY);
  });

  asRoot("as nobody, root's file (0644) in nobody's own folder is refused: permission denied", () => {
    fs.chownSync(dir, NOBODY, NOGROUP);
    const file = messy();
    const out = fmtAsNobody(file);
    expect(out.code).toBe(74);
    expect(out.stderr).toMatch(new RegExp(`^ramq-access: [^\\n]*${file}[^\\n]*\\(EACCES\\)\\n$`));
    expect(fs.statSync(file).uid).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(MESSY);
  });

  /**
   * Starts `fmt FILE` holding its write open (RAMQ_ACCESS_TEST_HOLD_WRITE_MS); resolves with the child once the temporary
   * file exists. Why a process: the write is synchronous, so the second writer and the signal must come from outside it.
   * The hold is the time the test has to act once it sees the temporary file (it polls every 10 ms): a second or more.
   */
  async function fmtHeldAtTemp(
    file: string,
    holdMs: number,
  ): Promise<{ exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>; kill: (s: NodeJS.Signals) => void }> {
    const child = spawn(process.execPath, [BIN, 'fmt', file, '--lang', 'en'], {
      env: { PATH: process.env['PATH'], RAMQ_ACCESS_TEST_HOLD_WRITE_MS: String(holdMs) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
      child.on('close', (code, signal) => resolve({ code, signal, stderr })),
    );
    const deadline = Date.now() + 15000;
    while (temps().length === 0) {
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill('SIGKILL');
        throw new Error(`no temporary file appeared while fmt ran (stderr: ${stderr})`);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    return { exit, kill: (s) => child.kill(s) };
  }

  test('a file changed since it was read is refused with one line naming it (exit 74); the change is kept and no temporary file is left', async () => {
    const file = messy();
    const run = await fmtHeldAtTemp(file, 1500);
    const edited = `${MESSY}# an edit saved meanwhile\n`;
    fs.writeFileSync(file, edited);
    const { code, stderr } = await run.exit;
    expect(code).toBe(74);
    expect(stderr).toMatch(new RegExp(`^ramq-access: [^\\n]*${file}[^\\n]*\\n$`));
    expect(fs.readFileSync(file, 'utf8')).toBe(edited);
    expect(temps()).toEqual([]);
  }, 30000);

  test('a file replaced by another since it was read (same text, another inode): refused too', async () => {
    const file = messy();
    const run = await fmtHeldAtTemp(file, 1500);
    const other = path.join(dir, 'other.yaml');
    fs.writeFileSync(other, MESSY);
    fs.renameSync(other, file);
    const { code } = await run.exit;
    expect(code).toBe(74);
    expect(fs.readFileSync(file, 'utf8')).toBe(MESSY);
  }, 30000);

  test.each(['SIGTERM', 'SIGINT'] as const)(
    '%s during the write: the process ends by it after the write, the file whole, no temporary file left',
    async (signal) => {
      const file = messy();
      const run = await fmtHeldAtTemp(file, 1000);
      run.kill(signal);
      const result = await run.exit;
      expect(result.signal).toBe(signal);
      expect(temps()).toEqual([]);
      // Old or new, never a mix: here the write was complete and is kept.
      expect([MESSY, fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8')]).toContain(fs.readFileSync(file, 'utf8'));
    },
    30000,
  );
});

describe('the bad-catalogue corpus through the binary (bad-corpus.test.ts checks every entry in process)', () => {
  /** The guard against hangs: a run still going after this is killed, and a killed run fails its exit-code check. Generous, for a loaded machine. */
  const KILL_MS = 20000;

  /** Runs the real executable as runBin does (same env, cwd, empty stdin), without blocking, so that several run at once. */
  function spawnBin(argv: readonly string[], nodeArgs: readonly string[] = []): Promise<RunOutput & { signal: string | null }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [...nodeArgs, BIN, ...argv], {
        env: { PATH: process.env['PATH'], LANG: 'fr_CA.UTF-8' },
        cwd: ROOT,
        timeout: KILL_MS,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => err.push(b));
      child.stdin.end('');
      child.on('close', (code, signal) => {
        resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code: code ?? -1, signal });
      });
    });
  }

  /** Runs the jobs, `width` at a time: on two cores that finishes soonest. */
  async function inPool<T>(jobs: readonly (() => Promise<T>)[], width: number): Promise<T[]> {
    const results: T[] = new Array<T>(jobs.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length) {
        const i = next++;
        const job = jobs[i];
        if (job !== undefined) results[i] = await job();
      }
    };
    await Promise.all(Array.from({ length: width }, () => worker()));
    return results;
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-e2e-corpus-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const huge = generateCorpus(tmp).filter((e) => e.memoryRun);
  const argvOf = (file: string): string[][] => [
    ['validate', file],
    ['--catalog', file, 'services', 'podiatre'],
  ];

  test('a sample of the committed entries answers through the binary (the bundle) exactly as in process (the sources)', async () => {
    // Why a process: the binary runs the built bundle with its code cache, the in-process runs the sources.
    // Entries chosen for what they exercise (a byte-order mark, a duplicate key, a directory, an alias bomb, a complex key), and every fiftieth.
    const sample = ['accepted-bom.yaml', 'duplicate-key-root.yaml', 'directory.yaml', 'alias-bomb.yaml', 'complex-key.yaml'];
    const chosen = readCorpus().filter((e, i) => sample.includes(e.name) || i % 50 === 0);
    expect(chosen.filter((e) => sample.includes(e.name))).toHaveLength(sample.length);
    const argvs = chosen.flatMap((e) => argvOf(e.file));
    const real = await inPool(
      argvs.map((argv) => () => spawnBin(argv)),
      3,
    );
    for (const [i, argv] of argvs.entries()) {
      const { stdout, stderr, code } = real[i]!;
      expect({ argv, stdout, stderr, code }).toEqual({ argv, ...(await runCli(argv, {}, false, '')) });
    }
  }, 120_000);

  test(`the huge generated inputs (${huge.map((e) => e.name).join(', ')}) end with the expected exit codes with a 256 MB heap, within ${KILL_MS / 1000} s`, async () => {
    // Why a process: the heap is capped (--max-old-space-size) and a run that hangs is killed.
    const jobs = huge.flatMap((e) => argvOf(e.file).map((argv, k) => async () => ({ e, k, run: await spawnBin(argv, ['--max-old-space-size=256']) })));
    for (const { e, k, run } of await inPool(jobs, 3)) {
      const expected = k === 0 ? e.validateExit : e.queryExit;
      expect({ name: e.name, code: run.code, signal: run.signal }).toEqual({ name: e.name, code: expected, signal: null });
      if (k === 1) expect(run.stdout).toBe('');
    }
  }, 300_000);
});

test('the installed program: an edited embedded catalogue is validated in full, not taken from the prepared form', () => {
  // Why a process: the bundle (dist/) checks its prepared catalogue against the catalog.yaml beside it when it starts; the
  // sources run in process have no prepared form. A copy of the package, so that its catalog.yaml can be edited.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-prepared-'));
  try {
    for (const entry of ['bin', 'dist', 'schema', 'package.json']) fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const run = (args: string[]) => spawnSync(process.execPath, [path.join(dir, 'bin', 'ramq-access'), ...args], { encoding: 'utf8' });
    const shipped = fs.readFileSync(path.join(ROOT, 'catalog.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'catalog.yaml'), shipped.replace('name: Podiatre\n', 'name: Podiatre modifié\n'));
    expect(JSON.parse(run(['services', 'podiatre', '--json']).stdout).clientele.name).toBe('Podiatre modifié');
    fs.writeFileSync(path.join(dir, 'catalog.yaml'), shipped.replace('tier: creation', 'tier: sometimes'));
    const broken = run(['services', 'podiatre']);
    expect(broken.status).toBe(3);
    expect(broken.stderr).toContain('SCHEMA');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('the bundle draws every table as the modules it was made from draw it (its cli-table3 skips a debug-only measure)', () => {
  // Why a process: the bundle (bin/ramq-access) and the unbundled build (dist/cli/main.js) each with the real
  // string-width; in process, jest maps string-width to the bundle's shortcut (bundle-shims.test.ts checks the shortcut).
  const output = (entry: string, argv: readonly string[]): Promise<string> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [entry, ...argv], { cwd: ROOT, env: { PATH: process.env['PATH'], LANG: 'fr_CA.UTF-8' } });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
      child.on('close', () => resolve(out));
    });
  test.each([
    ['list', 'services'],
    ['list', 'clienteles', '--color'],
    ['show', 'selat'],
    ['who', 'SELAT', '--lang', 'en'],
    ['services', 'podiatre', '--color'],
    ['matrix'],
    ['search', 'aide'],
  ])('%s %s %s %s', async (...argv) => {
    const [bundled, unbundled] = await Promise.all([output(BIN, argv), output(path.join(FIXTURES, 'run-unbundled.js'), argv)]);
    expect(bundled.length).toBeGreaterThan(200);
    expect(bundled).toBe(unbundled);
  });
});
