import fs from 'node:fs';
import path from 'node:path';

/** Why a catalogue file was not written; the file is then untouched. */
export type WriteRefusal =
  /** The system refused (ENOSPC, EACCES, EROFS, EIO...): its error code. */
  | { readonly id: 'errno'; readonly code: string }
  /** No write permission bit is set (mode 0444): refused even for root, as editors do. */
  | { readonly id: 'readOnly'; readonly mode: number }
  /** The file has other names; replacing it would leave them with the old text. */
  | { readonly id: 'hardLinks'; readonly links: number }
  /** Its owner or group is not one this user can give the new file. */
  | { readonly id: 'owner'; readonly uid: number; readonly gid: number }
  /** Its content is no longer the text that was read: someone else changed it. */
  | { readonly id: 'changed' }
  /** Not a regular file (a device, a pipe, a folder). */
  | { readonly id: 'notRegular' };

/** The outcome of writing a catalogue file: the file written (a symbolic link's target), or why it was not. */
export type WriteResult = { ok: true; file: string } | { ok: false; refusal: WriteRefusal };

/** What the writer must know besides the new text. */
export interface WriteOptions {
  /** The text the file held when it was read (without its byte-order mark): it is replaced only while it still holds it. */
  readonly expected: string;
  /** For tests only: how long to wait once the temporary file is complete, before the last check and the rename. */
  readonly holdMs?: number;
}

/** Temporary files not yet renamed or removed, for the signal handlers. */
const liveTemps = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let handlersInstalled = false;
let tempCount = 0;

/**
 * Temporary files are named `.ramq-access-<target>-<pid>-<n>.tmp`, where `<target>` is a hash of the target's
 * own name: the name has a fixed length (41 bytes at most), so it fits wherever the target's name fits (a
 * name of 245 bytes plus a suffix did not), and the tool knows its own: the hash says for which file, the pid
 * by which run.
 */
const TEMP_NAME = /^\.ramq-access-([0-9a-f]{8})-(\d{1,10})-\d{1,10}\.tmp$/;

/** FNV-1a over the name's UTF-8 bytes: a short, stable tag of the target (not a defence against anyone; the pid and owner checks are). */
function nameTag(name: string): string {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(name, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** The temporary name for a write of `target` by this run. */
function tempNameFor(target: string): string {
  return `.ramq-access-${nameTag(path.basename(target))}-${process.pid}-${++tempCount}.tmp`;
}

/** Whether a process with this id is running (one we may not signal is running too). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files an earlier run of this tool left beside `target` when it was killed before it
 * could (SIGKILL, a power cut): only names of our form for this very target, regular files of this user,
 * whose run is over. Anything else, anyone else's, or a run still writing is left alone. Never fails.
 */
function removeStaleTemps(dir: string, target: string): void {
  const tag = nameTag(path.basename(target));
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (match === null || match[1] !== tag) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || isRunning(pid)) continue;
    const file = path.join(dir, name);
    try {
      const stat = fs.lstatSync(file);
      if (!stat.isFile() || (uid !== undefined && stat.uid !== uid)) continue;
      fs.unlinkSync(file);
    } catch {
      // gone already, or not ours to remove
    }
  }
}

function removeLiveTemps(): void {
  for (const temp of liveTemps) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  liveTemps.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeLiveTemps();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  // The default action now: the process ends as killed by the signal, as the shell expects.
  process.kill(process.pid, signal);
}

/**
 * Node runs a signal's listeners only when the event loop turns, and the CLI
 * writes synchronously: with listeners installed, a SIGINT or SIGTERM that
 * arrives during a write is acted on once the run is over, when every file is
 * either its old self or its new self and no temporary file is left (without
 * them, the signal would kill the process at once and leave the temporary
 * file). Installed at the first write, kept to the end of the run: removing
 * them would drop a signal that arrived meanwhile.
 */
function installSignalHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  // The listeners do not keep the process alive: without one more turn of the event loop, a signal caught
  // during the run would never reach them and the process would end as if none had come.
  setImmediate(() => undefined);
}

function refused(refusal: WriteRefusal): WriteResult {
  return { ok: false, refusal };
}

function errnoOf(error: unknown): WriteResult {
  return refused({ id: 'errno', code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
}

/** True while the file is still the one that was read: same inode, same text. */
function stillAsRead(file: string, stat: fs.Stats, expected: string): boolean {
  const now = fs.statSync(file);
  if (now.ino !== stat.ino || now.dev !== stat.dev) return false;
  const want = Buffer.from(expected, 'utf8');
  // The text as read may have lost a byte-order mark; a file of any other size holds other text (and is not read whole).
  if (now.size !== want.length && now.size !== want.length + 3) return false;
  const bytes = fs.readFileSync(file);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return bytes.subarray(bom).equals(want);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Makes a rename durable: some systems cannot sync a folder, and by then the file is written, so a failure here is not one of the write. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // EISDIR, EINVAL, EPERM on systems without folder fsync
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Replaces a catalogue file's content as a careful editor does: through a
 * symbolic link, the target is written (the link stays); the new text goes to
 * a temporary file beside the target, with the target's mode, owner and group,
 * synced to disk, then renamed over the target, and the folder synced, so a
 * reader never sees a half-written catalogue. It refuses, leaving the file
 * untouched, a file this user may not write or that has no write permission
 * bit (even for root), a file with hard links (a rename would break them), a
 * file whose owner or group it cannot keep, and a file whose content is no
 * longer the text that was read.
 */
export function writeCatalogFile(file: string, text: string, options: WriteOptions): WriteResult {
  let target: string;
  let stat: fs.Stats;
  try {
    target = fs.realpathSync(file);
    stat = fs.statSync(target);
  } catch (error) {
    return errnoOf(error);
  }
  if (!stat.isFile()) return refused({ id: 'notRegular' });
  if ((stat.mode & 0o222) === 0) return refused({ id: 'readOnly', mode: stat.mode & 0o7777 });
  try {
    fs.accessSync(target, fs.constants.W_OK);
  } catch (error) {
    return errnoOf(error);
  }
  if (stat.nlink > 1) return refused({ id: 'hardLinks', links: stat.nlink });
  const uid = process.getuid?.();
  // Only root gives a file away; anyone else would make it theirs.
  if (uid !== undefined && uid !== 0 && uid !== stat.uid) return refused({ id: 'owner', uid: stat.uid, gid: stat.gid });

  installSignalHandlers();
  const dir = path.dirname(target);
  removeStaleTemps(dir, target);
  const temp = path.join(dir, tempNameFor(target));
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', 0o600);
    liveTemps.add(temp);
    fs.writeFileSync(fd, text);
    const made = fs.fstatSync(fd);
    if (made.uid !== stat.uid || made.gid !== stat.gid) {
      try {
        fs.fchownSync(fd, stat.uid, stat.gid);
      } catch {
        return refused({ id: 'owner', uid: stat.uid, gid: stat.gid });
      }
    }
    // After the change of owner, which clears the set-user-id and set-group-id bits.
    fs.fchmodSync(fd, stat.mode & 0o7777);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    const hold = options.holdMs ?? 0;
    if (hold > 0) sleep(hold);
    // Someone may have saved the file since it was read: replacing it would silently lose their change.
    if (!stillAsRead(target, stat, options.expected)) return refused({ id: 'changed' });
    fs.renameSync(temp, target);
    liveTemps.delete(temp);
    syncFolder(dir);
    return { ok: true, file: target };
  } catch (error) {
    return errnoOf(error);
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // the error that brought us here is the one to report
      }
    }
    if (liveTemps.delete(temp)) {
      try {
        fs.unlinkSync(temp);
      } catch {
        // nothing was left behind
      }
    }
  }
}
