/**
 * The temporary files a write of a catalogue makes beside it (fmt, check-source --write): their name fits
 * wherever the file's own name fits, and the tool removes the ones an earlier run of its own left behind
 * when it was killed (SIGKILL), never anyone else's.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, FIXTURES, runCli } from './helpers';

const MINIMAL = fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
/** The minimal catalogue, not in canonical form: fmt rewrites it. */
const MESSY = MINIMAL.replace('version: 1\n', 'version:    1\n');
const HOLD = 'RAMQ_ACCESS_TEST_HOLD_WRITE_MS';
const NOBODY = 65534;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-temp-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const tempsIn = (where: string): string[] => fs.readdirSync(where).filter((f) => f.endsWith('.tmp'));

/** A process id that no process has now. */
function deadPid(): number {
  for (let pid = 4_000_000; pid > 1000; pid -= 7919) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
  throw new Error('no free process id found');
}

test('fmt rewrites a file whose name is 245 bytes long (the temporary name used to add 13 and pass 255)', async () => {
  const file = path.join(dir, `${'é'.repeat(100)}${'a'.repeat(40)}.yaml`);
  expect(Buffer.byteLength(path.basename(file))).toBe(245);
  fs.writeFileSync(file, MESSY);
  const out = await runCli(['fmt', file, '--lang', 'en']);
  expect([out.code, out.stdout]).toEqual([0, '']);
  expect(fs.readFileSync(file, 'utf8')).toBe(MINIMAL);
  expect(tempsIn(dir)).toEqual([]);
});

test('a temporary file left by a killed fmt is removed by the next write of that file, and nothing else is', async () => {
  const file = path.join(dir, 'catalog.yaml');
  fs.writeFileSync(file, MESSY);
  // A real run killed while its temporary file is complete: what SIGKILL leaves behind.
  const child = spawn(process.execPath, [BIN, 'fmt', file], { env: { PATH: process.env['PATH'], [HOLD]: '20000' }, stdio: 'ignore' });
  const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  const deadline = Date.now() + 15000;
  while (tempsIn(dir).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  child.kill('SIGKILL');
  expect(await closed).toBe('SIGKILL');
  const [left] = tempsIn(dir);
  expect(left).toMatch(/^\.ramq-access-[0-9a-f]{8}-\d+-\d+\.tmp$/);
  expect(fs.readFileSync(file, 'utf8')).toBe(MESSY);

  // Beside it, temporary files that are not ours to remove.
  const tag = left!.split('-')[2]!;
  const others = [
    `.ramq-access-${tag}-${process.pid}-1.tmp`, // a run still going (this very process)
    `.ramq-access-00000000-${deadPid()}-1.tmp`, // a killed run, but for another file
    `.catalog.yaml.${deadPid()}.1.tmp`, // not our form
    'notes.tmp',
  ];
  for (const name of others) fs.writeFileSync(path.join(dir, name), 'x');
  const asNobody = `.ramq-access-${tag}-${deadPid()}-2.tmp`;
  fs.writeFileSync(path.join(dir, asNobody), 'x');
  const isRoot = process.getuid?.() === 0;
  if (isRoot) fs.chownSync(path.join(dir, asNobody), NOBODY, NOBODY);

  const out = await runCli(['fmt', file, '--lang', 'en']);
  expect([out.code, out.stdout]).toEqual([0, '']);
  expect(fs.readFileSync(file, 'utf8')).toBe(MINIMAL);
  // Ours, from the killed run, is gone; another user's is kept (as root; otherwise it is this user's and goes too).
  expect(tempsIn(dir).sort()).toEqual([...others, ...(isRoot ? [asNobody] : [])].sort());
}, 30000);
