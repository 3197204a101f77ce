#!/usr/bin/env node
// Writes the shipped catalogue plus N made-up clientèles, either in one parent
// chain (each the child of the one before, the first a child of podiatre) or
// flat (all children of podiatre): the input of the parent-depth figures.
// Usage: node scripts/make-deep-catalog.js N chain|flat OUT.yaml
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parse, Document } = require('yaml');

function makeDeepCatalog(n, shape) {
  const base = parse(fs.readFileSync(path.join(__dirname, '..', 'catalog.yaml'), 'utf8'));
  const extra = [];
  for (let i = 1; i <= n; i++) {
    extra.push({
      id: `m${i}`,
      name: `M ${i}`,
      name_en: `L ${i}`,
      kind: 'profession',
      parent: shape === 'chain' && i > 1 ? `m${i - 1}` : 'podiatre',
      forms: [],
      aliases: [],
      terms_en: [],
      abbreviations: [],
    });
  }
  return new Document({ ...base, clienteles: [...base.clienteles, ...extra] }).toString({ lineWidth: 0 });
}

module.exports = { makeDeepCatalog };

if (require.main === module) {
  const [n, shape, out] = process.argv.slice(2);
  if (!n || !/^\d+$/.test(n) || (shape !== 'chain' && shape !== 'flat') || !out) {
    process.stderr.write('usage: node scripts/make-deep-catalog.js N chain|flat OUT.yaml\n');
    process.exitCode = 2;
  } else {
    fs.writeFileSync(out, makeDeepCatalog(Number(n), shape));
  }
}
