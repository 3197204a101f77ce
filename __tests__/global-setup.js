/**
 * Jest global setup: the end-to-end tests spawn bin/ramq-access, which runs the build in dist/, not
 * the sources. When dist/cli/ramq-access.js (the bundle, written by the build's last step) is
 * missing, or older than any build input, this runs `npm run build` once, synchronously, its output
 * shown, before any test starts; a failed build stops the run. `npm test` builds first anyway, so
 * there it finds dist/ current and does nothing; it is for `npx jest` and editors' test runners.
 *
 * Build inputs: every file and folder under src/ and schema/ (a folder's time changes when a file
 * in it is added or removed), catalog.yaml, scripts/build-prepared.js, scripts/bundle.js, and the
 * two tsconfig files, which shape what tsc emits.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const BUILT = path.join(ROOT, 'dist', 'cli', 'ramq-access.js');
const INPUTS = ['src', 'schema', 'catalog.yaml', 'scripts/build-prepared.js', 'scripts/bundle.js', 'tsconfig.json', 'tsconfig.build.json'];

/** The newest modification time under a path (the path itself included), and which file has it. */
function newest(target) {
  let best = { time: 0, file: target };
  const stack = [target];
  while (stack.length > 0) {
    const current = stack.pop();
    const stat = fs.statSync(current);
    if (stat.mtimeMs > best.time) best = { time: stat.mtimeMs, file: current };
    if (stat.isDirectory()) for (const name of fs.readdirSync(current)) stack.push(path.join(current, name));
  }
  return best;
}

/** Why dist/ needs building, or null when it is current. */
function staleBecause() {
  if (!fs.existsSync(BUILT)) return `${path.relative(ROOT, BUILT)} is missing`;
  const built = fs.statSync(BUILT).mtimeMs;
  for (const input of INPUTS) {
    const found = newest(path.join(ROOT, input));
    if (found.time > built) return `${path.relative(ROOT, found.file)} is newer than ${path.relative(ROOT, BUILT)}`;
  }
  return null;
}

/** Gives the run a temporary folder of its own, which the global teardown checks is left empty. */
function ownTemporaryFolder() {
  const os = require('node:os');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-test-run-'));
  // Searchable by everyone, as /tmp is: the tests that run the binary as another user (nobody) reach their folders through it.
  fs.chmodSync(dir, 0o755);
  // Workers start after this and inherit it: os.tmpdir() in every test answers the run's folder.
  process.env['TMPDIR'] = dir;
  process.env['RAMQ_TEST_TMPDIR'] = dir;
}

module.exports = function setUp() {
  buildIfStale();
  ownTemporaryFolder();
};

function buildIfStale() {
  const reason = staleBecause();
  if (reason === null) return;
  process.stdout.write(`\njest global setup: ${reason}; running npm run build\n`);
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0)
    throw new Error(`npm run build failed (${result.error ? result.error.message : `exit ${result.status}`}); the end-to-end tests need dist/`);
}
