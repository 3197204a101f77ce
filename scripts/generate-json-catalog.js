#!/usr/bin/env node
// Writes a valid catalogue of about KIB kibibytes as indented JSON (JSON is YAML,
// so `validate` accepts it; `fmt` rewrites nearly every line of it), for
// measuring `fmt --check` and `fmt` on large files far from canonical form:
// the shipped catalogue's data grown with copies of its clienteles and services
// (scripts/generate-catalog.js), cut at the first service that reaches the
// size, dumped with JSON.stringify(data, null, 2).
// Usage: node scripts/generate-json-catalog.js KIB OUT.json
'use strict';
const { Buffer } = require('node:buffer');
const fs = require('node:fs');
const { generateCatalogData } = require('./generate-catalog');

const dump = (data) => `${JSON.stringify(data, null, 2)}\n`;

/** The data of a catalogue whose JSON text is the largest not over `bytes`. */
function jsonCatalogOfSize(bytes) {
  const one = generateCatalogData(1);
  const perCopy = Buffer.byteLength(dump(one));
  const full = generateCatalogData(Math.ceil(bytes / perCopy) + 1);
  // Keep every clientele (a service's grants name clienteles of its own copy) and the longest prefix of services that fits.
  const withServices = (n) => ({ ...full, services: full.services.slice(0, n) });
  let low = 0;
  let high = full.services.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (Buffer.byteLength(dump(withServices(mid))) <= bytes) low = mid;
    else high = mid - 1;
  }
  return withServices(low);
}

module.exports = { jsonCatalogOfSize };

if (require.main === module) {
  const [kib, out] = process.argv.slice(2);
  if (!kib || !out || !/^\d+$/.test(kib)) {
    process.stderr.write('usage: node scripts/generate-json-catalog.js KIB OUT.json\n');
    process.exitCode = 2;
  } else {
    fs.writeFileSync(out, dump(jsonCatalogOfSize(Number(kib) * 1024)));
  }
}
