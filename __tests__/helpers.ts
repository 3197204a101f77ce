import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { run } from '../src/cli/main';

/** The repository root. */
export const ROOT = path.join(__dirname, '..');
/** The real executable, as a user runs it. */
export const BIN = path.join(ROOT, 'bin', 'ramq-access');
/** The shipped catalogue. */
export const CATALOG = path.join(ROOT, 'catalog.yaml');
/** Fixture folder. */
export const FIXTURES = path.join(__dirname, 'fixtures');

/** What a run printed and how it ended. */
export interface RunOutput {
  stdout: string;
  stderr: string;
  code: number;
}

/** Runs the CLI in-process with captured output, no terminal and no color unless env says so. */
export function runCli(argv: string[], env: Record<string, string | undefined> = {}, isTTY = false, stdin = ''): RunOutput {
  let stdout = '';
  let stderr = '';
  const code = run(argv, {
    stdout: (s) => (stdout += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')),
    stderr: (s) => (stderr += s),
    env: { LANG: 'fr_CA.UTF-8', ...env },
    isTTY,
    columns: 80,
    readStdin: () => Buffer.from(stdin, 'utf8'),
  });
  return { stdout, stderr, code };
}

/** Runs the real executable in a child process. */
export function runBin(argv: string[], options: { env?: Record<string, string | undefined>; input?: string; cwd?: string } = {}): RunOutput {
  const env: Record<string, string | undefined> = { PATH: process.env['PATH'], LANG: 'fr_CA.UTF-8', ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    env: env as NodeJS.ProcessEnv,
    input: options.input ?? '',
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: 20000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status ?? -1 };
}

/** True when text carries an ANSI escape sequence. */
export function hasAnsi(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /\u001b\[/.test(text);
}
