#!/usr/bin/env node
'use strict';
// Build step: writes the man page (man/ramq-access.1) and the README's command reference from the command
// registry, as --help shows it (src/cli/manual.ts). __tests__/manual.test.ts checks that both are current.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const { readManual, manPage, manFacts, readmeReference, withReadmeReference } = require(path.join(root, 'dist', 'cli', 'manual.js'));
const { version } = require(path.join(root, 'package.json'));

const manual = readManual('en');
const manFile = path.join(root, 'man', 'ramq-access.1');
fs.mkdirSync(path.dirname(manFile), { recursive: true });
const page = manPage(manual, manFacts(version));
if (!fs.existsSync(manFile) || fs.readFileSync(manFile, 'utf8') !== page) {
  fs.writeFileSync(manFile, page);
  process.stdout.write(`wrote ${path.relative(root, manFile)}\n`);
}

const readmeFile = path.join(root, 'README.md');
const readme = fs.readFileSync(readmeFile, 'utf8');
const updated = withReadmeReference(readme, readmeReference(manual));
if (updated === null) {
  process.stderr.write('README.md has no generated command reference markers (see src/cli/manual.ts README_MARKERS)\n');
  process.exit(1);
}
if (updated !== readme) {
  fs.writeFileSync(readmeFile, updated);
  process.stdout.write('wrote the command reference in README.md\n');
}
