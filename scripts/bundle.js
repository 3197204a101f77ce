#!/usr/bin/env node
// Build step: bundles the CLI into one file (dist/cli/ramq-access.js), which
// bin/ramq-access loads; one file to read and compile starts faster than a
// hundred modules. YAML, ajv and jsdiff stay external: only validation, fmt
// and diff load them, on demand.
'use strict';
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
esbuild.buildSync({
  entryPoints: [path.join(root, 'dist', 'cli', 'main.js')],
  outfile: path.join(root, 'dist', 'cli', 'ramq-access.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  keepNames: true,
  legalComments: 'none',
  external: ['yaml', 'ajv', 'diff'],
  logLevel: 'warning',
});
