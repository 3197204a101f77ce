import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** The one-file build of the CLI that bin/ramq-access runs, and V8's compiled form of it. */
export const BUNDLE_PATH = path.join(__dirname, 'ramq-access.js');
export const CODE_CACHE_PATH = `${BUNDLE_PATH}.cache`;

type Cli = typeof import('./main');

function compile(cachedData?: Buffer): { cli: Cli; script: vm.Script } {
  const source = fs.readFileSync(BUNDLE_PATH, 'utf8');
  const script = new vm.Script(Module.wrap(source), { filename: BUNDLE_PATH, ...(cachedData ? { cachedData } : {}) });
  const mod = { exports: {} as Cli };
  (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, Module.createRequire(BUNDLE_PATH), mod, BUNDLE_PATH, path.dirname(BUNDLE_PATH));
  return { cli: mod.exports, script };
}

/**
 * Loads the CLI: the bundle with V8's code cache made at build time (compiling
 * the bundle was a sixth of a query's start-up), or the plain modules when there
 * is no bundle. A cache from another Node version is rejected by V8 and ignored.
 */
export function loadCli(): Cli {
  if (!fs.existsSync(BUNDLE_PATH)) return require('./main') as Cli; // eslint-disable-line @typescript-eslint/no-require-imports
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(CODE_CACHE_PATH);
  } catch {
    cachedData = undefined;
  }
  return compile(cachedData).cli;
}

/** Runs the CLI on an argument vector (bin/ramq-access). */
export function start(argv: readonly string[]): void {
  loadCli().main(argv);
}

/** Build step: compiles the bundle, runs a few typical questions so that their functions are compiled too, and saves V8's cache. */
export async function writeCodeCache(questions: readonly (readonly string[])[]): Promise<number> {
  const { cli, script } = compile();
  const discard = {
    stdout: () => undefined,
    stderr: () => undefined,
    env: {},
    isTTY: false,
    columns: 80,
    errColumns: undefined,
    cwd: process.cwd(),
    readStdin: () => 0,
    fetch: () => Promise.reject(new Error('no network while the code cache is written')),
  };
  for (const argv of questions) await cli.run(argv, discard);
  const data = script.createCachedData();
  fs.writeFileSync(CODE_CACHE_PATH, data);
  return data.length;
}
