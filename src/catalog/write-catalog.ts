import fs from 'node:fs';
import path from 'node:path';

/** The outcome of writing a file: done, or the system's error code (the original is then untouched). */
export type WriteResult = { ok: true } | { ok: false; code: string };

/**
 * Replaces a file's content atomically: writes a temporary file in the same
 * folder with the original's mode, then renames it over the original, so a
 * reader never sees a half-written catalogue.
 */
export function writeFileAtomically(file: string, text: string): WriteResult {
  let mode = 0o644;
  try {
    mode = fs.statSync(file).mode & 0o7777;
  } catch {
    // a new file gets the default mode
  }
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(temp, text, { mode, flag: 'wx' });
    fs.chmodSync(temp, mode);
    fs.renameSync(temp, file);
    return { ok: true };
  } catch (error) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // nothing was left behind
    }
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { ok: false, code };
  }
}
