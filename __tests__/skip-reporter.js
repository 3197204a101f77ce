/**
 * A jest reporter that ends the run with one line saying what was skipped and why: a test skips only when a
 * system package it needs is missing (the README's "Optional system packages" says which and how to install
 * them), and a run that skipped some must say so rather than look complete. Under CI nothing may be skipped:
 * the run fails naming what was.
 */
'use strict';
const path = require('node:path');

/** Why the tests of a file may skip: what they need (the README's table says how to install each). */
const NEEDS = {
  'html-export.test.ts': "Debian's chromium",
  'completion-shells.test.ts': 'zsh, fish and script (bsdutils)',
  'completion.test.ts': 'shellcheck, zsh and fish',
  'manual.test.ts': 'groff and man (groff-base, man-db)',
  'schema-portability.test.ts': 'python3-jsonschema and python3-yaml',
  'output-schema.test.ts': 'python3-jsonschema and python3-yaml',
  'fmt.test.ts': 'python3-yaml',
  'unsafe-characters.test.ts': 'python3-jsonschema and python3-yaml',
  'write-catalog.test.ts': 'running as root (to run the binary as nobody)',
  'catalog-source.test.ts': 'the shared seeds folder beside the clone (../shared/seeds)',
};

class SkipReporter {
  constructor(globalConfig) {
    this.filtered = Boolean(globalConfig.testNamePattern) || globalConfig.onlyChanged || globalConfig.findRelatedTests;
  }

  onRunComplete(_contexts, results) {
    const byFile = new Map();
    for (const file of results.testResults) {
      const skipped = file.testResults.filter((t) => t.status === 'pending' || t.status === 'skipped' || t.status === 'todo').length;
      if (skipped > 0) byFile.set(path.basename(file.testFilePath), skipped);
    }
    const total = [...byFile.values()].reduce((a, b) => a + b, 0);
    if (total === 0) {
      process.stdout.write('\nSkipped: nothing.\n');
      return;
    }
    const parts = [...byFile].map(([file, n]) => `${n} in ${file} (${NEEDS[file] ?? (this.filtered ? 'not selected' : 'no reason recorded')})`);
    const needsPackage = [...byFile.keys()].some((file) => NEEDS[file] !== undefined);
    const hint = needsPackage ? ' README, "Optional system packages", says how to install them.' : '';
    process.stdout.write(`\nSkipped: ${total} test${total === 1 ? '' : 's'}: ${parts.join('; ')}.${hint}\n`);
    if (process.env['CI'] && !this.filtered) throw new Error(`under CI nothing may be skipped, and ${total} tests were: ${parts.join('; ')}`);
  }
}

module.exports = SkipReporter;
