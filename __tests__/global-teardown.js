/**
 * Jest global teardown: every test file makes its temporary folders under the run's own TMPDIR (set by the
 * global setup); whatever is left there when the run ends was not cleaned up by the test that made it. The run
 * fails naming what was left (a test that cannot clean up after itself leaves files in every developer's /tmp,
 * run after run), then the folder is removed.
 */
'use strict';
const fs = require('node:fs');

module.exports = function checkTemporaryFiles() {
  const dir = process.env['RAMQ_TEST_TMPDIR'];
  if (dir === undefined || !fs.existsSync(dir)) return;
  const left = fs.readdirSync(dir).sort();
  fs.rmSync(dir, { recursive: true, force: true });
  if (left.length > 0) throw new Error(`the tests left ${left.length} temporary file(s) behind: ${left.join(', ')}`);
};
