/**
 * `fmt` and `check-source --write` write like a careful editor: through a
 * symbolic link to its target, keeping hard links, owner and group, refusing a
 * file the user may not write (or that is read-only, even for root) and a file
 * changed since it was read, syncing before the rename, and leaving no
 * temporary file when a signal arrives during the write.
 *
 * Here in process. What needs a real process (the tool run as another user, a
 * second writer or a signal during its synchronous write): e2e.test.ts. The
 * test that gives a file to another owner needs root (the test run is root
 * here); without it, it is skipped, and its name says so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCatalogFile } from '../src/catalog/write-catalog';
import { CATALOG, FIXTURES, ROOT, runCli } from './helpers';

const MINIMAL = fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
/** The minimal catalogue, not in canonical form (one key indented wrong). */
const MESSY = MINIMAL.replace('version: 1\n', 'version:    1\n');
const NOBODY = 65534;
const NOGROUP = 65534;

const isRoot = process.getuid?.() === 0;
/** A test that gives a file to another user: skipped, with the reason in its name, when the tests do not run as root. */
const asRoot = (name: string, fn: () => Promise<void>): void =>
  isRoot ? test(name, fn) : test.skip(`${name} [skipped: needs root to give a file to nobody]`, fn);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-write-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function messy(name = 'catalog.yaml', where = dir): string {
  const file = path.join(where, name);
  fs.writeFileSync(file, MESSY);
  return file;
}

const temps = (where = dir): string[] => fs.readdirSync(where).filter((f) => f.endsWith('.tmp'));

describe('symbolic links', () => {
  test('fmt through a link writes the target beside it and keeps the link', async () => {
    const sub = path.join(dir, 'data');
    fs.mkdirSync(sub);
    const target = messy('real.yaml', sub);
    const link = path.join(dir, 'catalog.yaml');
    fs.symlinkSync(path.join('data', 'real.yaml'), link);
    const out = await runCli(['fmt', link]);
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
  test('a file with another name is refused (exit 74), both names untouched and still one file', async () => {
    const file = messy();
    const other = path.join(dir, 'other.yaml');
    fs.linkSync(file, other);
    const out = await runCli(['fmt', file, '--lang', 'en']);
    expect(out.code).toBe(74);
    // One line naming the file (its wording: the snapshot file).
    expect(out.stderr).toMatch(new RegExp(`^ramq-access: [^\\n]*${file}[^\\n]*\\n$`));
    expect(fs.readFileSync(file, 'utf8')).toBe(MESSY);
    expect(fs.statSync(file).ino).toBe(fs.statSync(other).ino);
    expect(temps()).toEqual([]);
  });
});

describe('owner and group', () => {
  asRoot("root formatting another user's file keeps its owner, group and mode", async () => {
    const file = messy();
    fs.chownSync(file, NOBODY, NOGROUP);
    fs.chmodSync(file, 0o640);
    expect((await runCli(['fmt', file])).code).toBe(0);
    const stat = fs.statSync(file);
    expect({ uid: stat.uid, gid: stat.gid, mode: stat.mode & 0o7777 }).toEqual({ uid: NOBODY, gid: NOGROUP, mode: 0o640 });
    expect(fs.readFileSync(file, 'utf8')).toBe(MINIMAL);
  });
});

describe('files the user may not write', () => {
  test('a read-only file (0444) is refused even for root, in both languages, as editors warn', async () => {
    const file = messy();
    fs.chmodSync(file, 0o444);
    for (const lang of ['fr', 'en']) {
      const out = await runCli(['fmt', file, '--lang', lang]);
      expect(out.code).toBe(74);
      // One line naming the file and its mode (its wording: the snapshot file).
      expect(out.stderr).toMatch(new RegExp(`^ramq-access: [^\\n]*${file}[^\\n]*0444[^\\n]*\\n$`));
    }
    expect(fs.readFileSync(file, 'utf8')).toBe(MESSY);
  });
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
