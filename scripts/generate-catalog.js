#!/usr/bin/env node
// Writes a synthetic catalogue SCALE times the size of the shipped one, with the
// same shape: every service, clientele (parents included), grant of every tier,
// condition and note is copied SCALE times, each copy with its own ids and names.
// Usage: node scripts/generate-catalog.js SCALE OUT.yaml
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parse, Document } = require('yaml');

/** The data of the synthetic catalogue: SCALE copies of every clientele and service. */
function generateCatalogData(scale) {
  const base = parse(fs.readFileSync(path.join(__dirname, '..', 'catalog.yaml'), 'utf8'));
  const copy = (k) => (id) => `${id}-${k}`;
  const clienteles = [];
  const services = [];
  for (let k = 0; k < scale; k++) {
    const id = copy(k);
    const tag = ` ${k}`;
    for (const c of base.clienteles) {
      clienteles.push({
        ...c,
        id: id(c.id),
        name: c.name + tag,
        name_en: c.name_en + tag,
        ...(c.parent ? { parent: id(c.parent) } : {}),
        forms: c.forms.map((n) => n + tag),
        aliases: c.aliases.map((n) => n + tag),
        terms_en: c.terms_en.map((n) => n + tag),
        abbreviations: c.abbreviations.map((n) => n + tag),
      });
    }
    for (const s of base.services) {
      services.push({
        ...s,
        id: id(s.id),
        name: s.name + tag,
        name_en: s.name_en + tag,
        abbreviation: s.abbreviation === null ? null : s.abbreviation + tag,
        aliases: s.aliases.map((n) => n + tag),
        grants: s.grants.map((g) => ({ ...g, clientele: id(g.clientele) })),
        notes: s.notes.map((n) => ({ ...n, clienteles: n.clienteles.map(id) })),
      });
    }
  }
  return { ...base, clienteles, services };
}

/** The synthetic catalogue as YAML text. */
function generateCatalog(scale) {
  return new Document(generateCatalogData(scale)).toString({ lineWidth: 0 });
}

module.exports = { generateCatalog, generateCatalogData };

if (require.main === module) {
  const [scale, out] = process.argv.slice(2);
  if (!scale || !out || !/^\d+$/.test(scale)) {
    process.stderr.write('usage: node scripts/generate-catalog.js SCALE OUT.yaml\n');
    process.exitCode = 2;
  } else {
    fs.writeFileSync(out, generateCatalog(Number(scale)));
  }
}
