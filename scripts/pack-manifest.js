#!/usr/bin/env node
'use strict';
// Pack step: the package.json a tarball carries has no `prepare` script.
//
// `prepare` builds a git clone on `npm install`; a packed package already holds dist/ and needs no build. npm 11
// lists a tarball's `prepare` among the install scripts "not yet covered by allowScripts" (it counts `prepare`
// for every source that is not the registry: @npmcli/arborist lib/install-scripts.js), although it never runs
// it for a tarball (arborist runs `prepare` for links only; pacote for git and folder sources), so installing
// the tarball warned about a script that would not run.
//
//   node scripts/pack-manifest.js strip     (prepack) keeps package.json aside and writes it without `prepare`
//   node scripts/pack-manifest.js restore   (postpack) puts the kept package.json back
//
// A pack cut short between the two leaves the kept copy; the next `strip` (or `restore`) puts it back first.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const manifest = path.join(root, 'package.json');
const kept = path.join(root, '.package.json.before-pack');

function restore() {
  if (fs.existsSync(kept)) fs.renameSync(kept, manifest);
}

function strip() {
  restore();
  const text = fs.readFileSync(manifest, 'utf8');
  const pkg = JSON.parse(text);
  if (pkg.scripts === undefined || pkg.scripts.prepare === undefined) return;
  delete pkg.scripts.prepare;
  fs.copyFileSync(manifest, kept);
  const packed = path.join(root, '.package.json.packed');
  fs.writeFileSync(packed, `${JSON.stringify(pkg, null, 2)}\n`);
  fs.renameSync(packed, manifest);
}

const step = process.argv[2];
if (step === 'strip') strip();
else if (step === 'restore') restore();
else {
  process.stderr.write('usage: node scripts/pack-manifest.js strip|restore\n');
  process.exit(2);
}
