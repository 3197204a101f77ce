import fs from 'node:fs';
import path from 'node:path';
import type { PreparedName, PreparedSearch } from '../catalog/load-catalog';
import type { Catalog } from '../catalog/model';
import type { Io } from './io';

/**
 * The prepared form of a catalogue named with --catalog (or $RAMQ_ACCESS_CATALOG, or read from `-`), kept
 * between runs: validating a catalogue loads YAML and ajv, which costs a query most of its time. The embedded
 * catalogue needs none (the build prepares it). Like ccache, the cache is an input from outside, trusted only
 * when its folder is the user's own and an entry stands for exactly the text read: an entry is named by the
 * SHA-256 of the catalogue's text and the key of the code that made it, and holds that text, compared in full.
 */
export interface CachedCatalog {
  readonly catalog: Catalog;
  readonly names: readonly PreparedName[];
  /** The search index, once a run has searched this catalogue (computing it costs a run that does not search). */
  readonly search?: PreparedSearch;
}

/** The format of an entry; an entry of another format is a miss. */
const ENTRY_FORMAT = 1;
/** At most this many entries, and this many bytes in all: writing an entry removes the least recently used past either. */
export const MAX_CACHE_ENTRIES = 50;
export const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** An entry's name: the SHA-256 of the catalogue's text, then the first 16 hex digits of the SHA-256 of the key. */
const ENTRY_NAME = /^[0-9a-f]{64}-[0-9a-f]{16}\.json$/;
/** The start of a temporary file's name (a write in progress, renamed into place when complete). */
const TEMP_PREFIX = '.tmp-';
/** A temporary file older than this was left by a writer that was killed: the next write removes it. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * The folder of the cache: `$XDG_CACHE_HOME/ramq-access` when XDG_CACHE_HOME is an absolute path (the XDG
 * specification says to ignore a relative one), else `$HOME/.cache/ramq-access`; null when neither is set
 * (nor HOME absolute), and then there is no cache.
 */
export function preparedCacheDir(env: Io['env']): string | null {
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg !== undefined && path.isAbsolute(xdg)) return path.join(xdg, 'ramq-access');
  const home = env['HOME'];
  if (home !== undefined && path.isAbsolute(home)) return path.join(home, '.cache', 'ramq-access');
  return null;
}

/** Whether the cache is turned off: `--no-cache`, or RAMQ_ACCESS_NO_CACHE set to anything but the empty string. */
export function cacheTurnedOff(flag: boolean | undefined, env: Io['env']): boolean {
  return flag === false || (env['RAMQ_ACCESS_NO_CACHE'] ?? '') !== '';
}

/**
 * The key of the code that makes an entry: the tool's version, the build's identity (a hash of the code and
 * schema that validate, name and index a catalogue) and Node's version (whose Unicode tables fold names).
 */
export function cacheKey(version: string, buildIdentity: string): string {
  return `ramq-access ${version} build ${buildIdentity} node ${process.version}`;
}

type Crypto = typeof import('node:crypto');

/** The cache of prepared catalogues in one folder, for one key; its reads and writes never throw, and any failure is a miss or a write not made. */
export class PreparedCache {
  private readonly names = new Map<string, string>();
  private crypto: Crypto | undefined;

  /** `uid` is the user the folder and its entries must belong to. */
  constructor(
    readonly dir: string,
    private readonly key: string,
    private readonly uid: number,
  ) {}

  /** The cache in the environment's folder for this user, or null when there is none (no folder, or no user ids on this system). */
  static forEnvironment(env: Io['env'], key: string): PreparedCache | null {
    const dir = preparedCacheDir(env);
    const uid = process.getuid?.();
    return dir === null || uid === undefined ? null : new PreparedCache(dir, key, uid);
  }

  /** The file an entry for this text is stored in. */
  entryPath(text: string): string {
    return path.join(this.dir, this.entryName(text));
  }

  /**
   * The prepared form stored for exactly this text, or null: when the folder or the entry is not trusted (see
   * trusted), cannot be read, is not JSON, is of another format or key, or was made from other text. A hit
   * reads one file and does not list the folder; it marks the entry as used (its time), for pruning.
   */
  read(text: string): CachedCatalog | null {
    if (!this.trusted(this.dir, 'directory')) return null;
    let fd: number;
    try {
      // O_NOFOLLOW: a symbolic link in the entry's place is not followed; O_NONBLOCK: a FIFO there does not hang the open.
      fd = fs.openSync(this.entryPath(text), fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    } catch {
      return null;
    }
    try {
      // The checks are made on what was opened, so that nothing can be swapped in between.
      const stat = fs.fstatSync(fd);
      if (!this.ownedSafely(stat, 'file') || stat.size > MAX_CACHE_BYTES) return null;
      const found = acceptEntry(JSON.parse(fs.readFileSync(fd, 'utf8')) as unknown, this.key, text);
      if (found !== null) touch(fd);
      return found;
    } catch {
      return null;
    } finally {
      closeQuietly(fd);
    }
  }

  /**
   * Stores the prepared form of a catalogue that validated with no problem at all, made from this text. The
   * folder is made (0700) when missing, and must then be trusted; the entry is written whole to a temporary
   * file (0600) and renamed into place, so that a reader finds a whole entry or none. Any failure (a read-only
   * or full disk, a folder not ours) leaves the cache as it was, with no temporary file: the answer does not
   * depend on the cache. Then the cache is pruned to its bounds.
   */
  write(text: string, prepared: CachedCatalog): void {
    const bytes = Buffer.from(JSON.stringify({ format: ENTRY_FORMAT, key: this.key, source: text, ...prepared }), 'utf8');
    if (bytes.length > MAX_CACHE_BYTES) return;
    try {
      fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    } catch {
      return;
    }
    if (!this.trusted(this.dir, 'directory')) return;
    const name = this.entryName(text);
    const temp = path.join(this.dir, `${TEMP_PREFIX}${process.pid}-${this.hashing().randomBytes(8).toString('hex')}`);
    let fd: number | undefined;
    try {
      fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600);
      for (let at = 0; at < bytes.length;) at += fs.writeSync(fd, bytes, at, bytes.length - at);
      fs.closeSync(fd);
      fd = undefined;
      fs.renameSync(temp, path.join(this.dir, name));
    } catch {
      if (fd !== undefined) closeQuietly(fd);
      try {
        fs.unlinkSync(temp);
      } catch {
        // never created, or already gone
      }
      return;
    }
    this.prune(name);
  }

  /** Removes the least recently used entries past the bounds (never `kept`, just written) and temporary files left by killed writers. */
  private prune(kept: string): void {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return;
    }
    const entries: { name: string; size: number; used: number }[] = [];
    for (const name of names) {
      const temp = name.startsWith(TEMP_PREFIX);
      if (!temp && !ENTRY_NAME.test(name)) continue;
      try {
        const stat = fs.lstatSync(path.join(this.dir, name));
        if (temp) {
          if (Date.now() - stat.mtimeMs > STALE_TEMP_MS) fs.unlinkSync(path.join(this.dir, name));
        } else if (name !== kept) {
          entries.push({ name, size: stat.size, used: stat.mtimeMs });
        }
      } catch {
        // gone meanwhile (another run pruning), or not ours to remove
      }
    }
    let count = 1;
    let total = 0;
    try {
      total = fs.lstatSync(path.join(this.dir, kept)).size;
    } catch {
      // pruned by another run already: the others are counted alone
    }
    for (const entry of entries.sort((a, b) => b.used - a.used)) {
      count++;
      total += entry.size;
      if (count <= MAX_CACHE_ENTRIES && total <= MAX_CACHE_BYTES) continue;
      try {
        fs.unlinkSync(path.join(this.dir, entry.name));
      } catch {
        // gone meanwhile
      }
    }
  }

  /** Whether a path is the user's own directory or regular file, not a symbolic link, and writable by no one else. */
  private trusted(file: string, kind: 'directory' | 'file'): boolean {
    try {
      return this.ownedSafely(fs.lstatSync(file), kind);
    } catch {
      return false;
    }
  }

  private ownedSafely(stat: fs.Stats, kind: 'directory' | 'file'): boolean {
    const right = kind === 'directory' ? stat.isDirectory() : stat.isFile();
    return right && stat.uid === this.uid && (stat.mode & 0o022) === 0;
  }

  private entryName(text: string): string {
    let name = this.names.get(text);
    if (name === undefined) {
      const sha256 = (data: string): string => this.hashing().createHash('sha256').update(data, 'utf8').digest('hex');
      name = `${sha256(text)}-${sha256(this.key).slice(0, 16)}.json`;
      this.names.set(text, name);
    }
    return name;
  }

  // Loaded here only: the embedded catalogue's path never loads node:crypto.
  private hashing(): Crypto {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (this.crypto ??= require('node:crypto') as Crypto);
  }
}

/** The prepared form an entry holds when it is of this format and key, made from exactly this text, and of the right shape; else null. */
function acceptEntry(entry: unknown, key: string, text: string): CachedCatalog | null {
  if (!isRecord(entry) || entry['format'] !== ENTRY_FORMAT || entry['key'] !== key || entry['source'] !== text) return null;
  const { catalog, names, search } = entry;
  if (!isRecord(catalog) || !isRecord(catalog['source']) || !Array.isArray(names) || (search !== undefined && !Array.isArray(search))) return null;
  if (!['categories', 'clienteles', 'services'].every((list) => Array.isArray(catalog[list]))) return null;
  const found = { catalog: catalog as unknown as Catalog, names: names as PreparedName[] };
  return search === undefined ? found : { ...found, search: search as PreparedSearch };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Marks an entry as just used, for pruning; a cache on a read-only disk stays as it is. */
function touch(fd: number): void {
  try {
    const now = new Date();
    fs.futimesSync(fd, now, now);
  } catch {
    // not ours to change, or a read-only disk: the entry is pruned by the time it was written
  }
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // the entry was read, or is not used
  }
}
