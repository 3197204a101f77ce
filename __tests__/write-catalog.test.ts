/**
 * `fmt` and `check-source --write` write like a careful editor: through a
 * symbolic link to its target, keeping hard links, owner and group, refusing a
 * file the user may not write (or that is read-only, even for root) and a file
 * changed since it was read, syncing before the rename, and leaving no
 * temporary file when a signal arrives during the write.
 *
 * The tests that run the tool as another user need root (the test run is root
 * here); without it they are skipped, and their names say so.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCatalogFile } from '../src/catalog/write-catalog';
import { BIN, CATALOG, FIXTURES, frenchSpaces, ROOT, runBin, runCli, type RunOutput } from './helpers';

const MINIMAL = fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
/** The minimal catalogue, not in canonical form (one key indented wrong). */
const MESSY = MINIMAL.replace('version: 1\n', 'version:    1\n');
const NOBODY = 65534;
const NOGROUP = 65534;
const HOLD = 'RAMQ_ACCESS_TEST_HOLD_WRITE_MS';

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

function messy(name = 'catalog.yaml', where = dir): string {
  const file = path.join(where, name);
  fs.writeFileSync(file, MESSY);
  return file;
}

const temps = (where = dir): string[] => fs.readdirSync(where).filter((f) => f.endsWith('.tmp'));

/** Runs the real executable as another user and group. */
function runBinAs(uid: number, gid: number, argv: string[]): RunOutput {
  return runBin(argv, { env: { LANG: 'en_CA.UTF-8' }, cwd: dir, user: { uid, gid } });
}

describe('symbolic links', () => {
  test('fmt through a link writes the target beside it and keeps the link', () => {
    const sub = path.join(dir, 'data');
    fs.mkdirSync(sub);
    const target = messy('real.yaml', sub);
    const link = path.join(dir, 'catalog.yaml');
    fs.symlinkSync(path.join('data', 'real.yaml'), link);
    const out = runBin(['fmt', link]);
    expect(out.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe(path.join('data', 'real.yaml'));
    expect(fs.readFileSync(target, 'utf8')).toBe(MINIMAL);
    expect([...temps(), ...temps(sub)]).toEqual([]);
  });

  test('check-source --write through a link writes the target and keeps the link', async () => {
    const target = path.join(dir, 'real.yaml');
    fs.copyFileSync(CATALOG, target);
    const link = path.join(dir, 'catalog.yaml');
    fs.symlinkSync('real.yaml', link);
    const page = path.join(ROOT, '__tests__/fixtures/source/liste-des-services-en-ligne.txt');
    const out = await runCli(['check-source', page, '--catalog', link, '--write'], { SOURCE_DATE_EPOCH: '1768435200' });
    expect(out.code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toContain('checked: "2026-01-15"');
  });
});

describe('hard links', () => {
  test('a file with another name is refused (exit 74), both names untouched and still one file', () => {
    const file = messy();
    const other = path.join(dir, 'other.yaml');
    fs.linkSync(file, other);
    const out = runBin(['fmt', file, '--lang', 'en']);
    expect(out.code).toBe(74);
    expect(out.stderr).toBe(
      `ramq-access: cannot write ${file}: it has 2 names (hard links): replacing it would leave the old text under the others, and writing over it would not be atomic\n`,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(MESSY);
    expect(fs.statSync(file).ino).toBe(fs.statSync(other).ino);
    expect(temps()).toEqual([]);
  });
});

describe('owner and group', () => {
  asRoot("root formatting another user's file keeps its owner, group and mode", () => {
    const file = messy();
    fs.chownSync(file, NOBODY, NOGROUP);
    fs.chmodSync(file, 0o640);
    expect(runBin(['fmt', file]).code).toBe(0);
    const stat = fs.statSync(file);
    expect({ uid: stat.uid, gid: stat.gid, mode: stat.mode & 0o7777 }).toEqual({ uid: NOBODY, gid: NOGROUP, mode: 0o640 });
    expect(fs.readFileSync(file, 'utf8')).toBe(MINIMAL);
  });

  asRoot('a user who may write a file of another owner (group-writable) is refused: a rewrite would make it theirs', () => {
    fs.chownSync(dir, NOBODY, NOGROUP);
    const file = messy();
    fs.chownSync(file, 0, NOGROUP);
    fs.chmodSync(file, 0o664);
    const out = runBinAs(NOBODY, NOGROUP, ['fmt', file]);
    expect(out.code).toBe(74);
    expect(out.stderr).toContain(`cannot write ${file}: it belongs to another user or group (uid 0, gid ${NOGROUP})`);
    expect(fs.statSync(file).uid).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(MESSY);
    expect(temps()).toEqual([]);
  });
});

describe('files the user may not write', () => {
  asRoot('as nobody, a read-only file of its own (0444) in its own folder is refused (exit 74), untouched', () => {
    fs.chownSync(dir, NOBODY, NOGROUP);
    const file = messy();
    fs.chownSync(file, NOBODY, NOGROUP);
    fs.chmodSync(file, 0o444);
    const out = runBinAs(NOBODY, NOGROUP, ['fmt', file]);
    expect(out.code).toBe(74);
    expect(out.stderr).toBe(`ramq-access: cannot write ${file}: it is read-only (mode 0444); make it writable first (chmod u+w)\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe(MESSY);
  });

  asRoot("as nobody, root's file (0644) in nobody's own folder is refused: permission denied", () => {
    fs.chownSync(dir, NOBODY, NOGROUP);
    const file = messy();
    const out = runBinAs(NOBODY, NOGROUP, ['fmt', file]);
    expect(out.code).toBe(74);
    expect(out.stderr).toBe(`ramq-access: cannot write ${file}: permission denied (EACCES)\n`);
    expect(fs.statSync(file).uid).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(MESSY);
  });

  test('a read-only file (0444) is refused even for root, in both languages, as editors warn', () => {
    const file = messy();
    fs.chmodSync(file, 0o444);
    const fr = runBin(['fmt', file]);
    expect(fr.code).toBe(74);
    expect(fr.stderr).toBe(
      frenchSpaces(`ramq-access: impossible d’écrire ${file} : il est en lecture seule (mode 0444) ; rendez-le modifiable d’abord (chmod u+w)\n`),
    );
    expect(runBin(['fmt', file, '--lang', 'en']).code).toBe(74);
    expect(fs.readFileSync(file, 'utf8')).toBe(MESSY);
  });
});

/** Starts `fmt FILE` holding its write open; resolves with the child once the temporary file exists. */
async function fmtHeldAtTemp(
  file: string,
  holdMs: number,
): Promise<{ exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>; kill: (s: NodeJS.Signals) => void }> {
  const child = spawn(process.execPath, [BIN, 'fmt', file, '--lang', 'en'], {
    env: { PATH: process.env['PATH'], [HOLD]: String(holdMs) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
  const deadline = Date.now() + 15000;
  while (temps(path.dirname(file)).length === 0) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error(`no temporary file appeared while fmt ran (stderr: ${stderr})`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return { exit, kill: (s) => child.kill(s) };
}

describe('a file changed since it was read', () => {
  test('is refused with one line naming it (exit 74); the change is kept and no temporary file is left', async () => {
    const file = messy();
    const run = await fmtHeldAtTemp(file, 3000);
    const edited = `${MESSY}# an edit saved meanwhile\n`;
    fs.writeFileSync(file, edited);
    const { code, stderr } = await run.exit;
    expect(code).toBe(74);
    expect(stderr).toBe(`ramq-access: cannot write ${file}: it changed since it was read; left as it is now (run the command again)\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe(edited);
    expect(temps()).toEqual([]);
  }, 30000);

  test('replaced by another file since it was read (same text, another inode): refused too', async () => {
    const file = messy();
    const run = await fmtHeldAtTemp(file, 3000);
    const other = path.join(dir, 'other.yaml');
    fs.writeFileSync(other, MESSY);
    fs.renameSync(other, file);
    const { code } = await run.exit;
    expect(code).toBe(74);
    expect(fs.readFileSync(file, 'utf8')).toBe(MESSY);
  }, 30000);
});

describe('a signal during the write', () => {
  test.each(['SIGTERM', 'SIGINT'] as const)(
    '%s: the process ends by it after the write, the file whole, no temporary file left',
    async (signal) => {
      const file = messy();
      const run = await fmtHeldAtTemp(file, 1500);
      run.kill(signal);
      const result = await run.exit;
      expect(result.signal).toBe(signal);
      expect(temps()).toEqual([]);
      // Old or new, never a mix: here the write was complete and is kept.
      expect([MESSY, MINIMAL]).toContain(fs.readFileSync(file, 'utf8'));
    },
    30000,
  );
});

describe('durability', () => {
  test('the temporary file is synced before the rename, and its folder after', () => {
    const file = messy();
    const opened = new Map<number, string>();
    const calls: string[] = [];
    const [realOpen, realFsync, realRename] = [fs.openSync, fs.fsyncSync, fs.renameSync];
    const open = jest.spyOn(fs, 'openSync').mockImplementation(((...args: Parameters<typeof fs.openSync>) => {
      const fd = realOpen(...args);
      opened.set(fd, String(args[0]));
      return fd;
    }) as typeof fs.openSync);
    const fsync = jest.spyOn(fs, 'fsyncSync').mockImplementation(((fd: number) => {
      calls.push(`fsync ${opened.get(fd) ?? fd}`);
      realFsync(fd);
    }) as typeof fs.fsyncSync);
    const rename = jest.spyOn(fs, 'renameSync').mockImplementation(((from: fs.PathLike, to: fs.PathLike) => {
      calls.push(`rename ${String(from)} ${String(to)}`);
      realRename(from, to);
    }) as typeof fs.renameSync);
    try {
      const result = writeCatalogFile(file, MINIMAL, { expected: MESSY });
      expect(result).toEqual({ ok: true, file: fs.realpathSync(file) });
    } finally {
      open.mockRestore();
      fsync.mockRestore();
      rename.mockRestore();
    }
    const real = fs.realpathSync(file);
    const temp = calls.find((c) => c.startsWith('rename '))!.split(' ')[1]!;
    expect(path.dirname(temp)).toBe(path.dirname(real));
    expect(calls).toEqual([`fsync ${temp}`, `rename ${temp} ${real}`, `fsync ${path.dirname(real)}`]);
    expect(fs.readFileSync(file, 'utf8')).toBe(MINIMAL);
  });
});
