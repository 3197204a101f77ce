#!/usr/bin/env node
// Writes a valid catalogue of N clienteles and N services with small entries (about 200 bytes each), the
// input of the figures for commands whose cost could grow with clienteles x services (diff, matrix):
// 8,000 of each make about 3.2 MB. Each service grants access to one or two clienteles.
//   --chains      the clienteles form parent chains of the deepest allowed depth (10), so that a grant
//                 reaches every clientele below it
//   --edit SEED   an edited copy: about 1 in 50 grants removed, changed or added, 1 in 200 parents moved,
//                 as a pull request would change the catalogue (the "after" of a diff)
// Usage: node scripts/make-wide-catalog.js N OUT.yaml [--chains] [--edit SEED]
'use strict';
const fs = require('node:fs');
const { Document } = require('yaml');

const DEPTH = 10;

function makeWideCatalog(n, { chains = false, edit = null } = {}) {
  let state = edit ?? 1;
  const rand = () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const clienteles = [];
  for (let i = 0; i < n; i++) {
    let parent = chains && i % DEPTH !== 0 ? `c${i - 1}` : null;
    if (edit !== null && rand() < 0.005) parent = i % DEPTH === 0 || parent === null ? null : `c${i - (i % DEPTH)}`;
    clienteles.push({
      id: `c${i}`,
      name: `Clientèle ${i}`,
      name_en: `Clientele ${i}`,
      kind: 'profession',
      ...(parent === null ? {} : { parent }),
      forms: [],
      aliases: [],
      terms_en: [],
      abbreviations: [],
    });
  }
  const services = [];
  for (let i = 0; i < n; i++) {
    const grants = [{ clientele: `c${(i * 7) % n}`, tier: 'creation', conditions: [] }];
    if (i % 3 === 0) grants.push({ clientele: `c${(i * 13 + 5) % n}`, tier: 'request', conditions: [{ fr: 'sous condition', en: 'with a condition' }] });
    if (edit !== null) {
      const r = rand();
      if (r < 0.007) grants.pop();
      else if (r < 0.014) grants[0] = { ...grants[0], tier: 'unspecified' };
      else if (r < 0.021) grants.push({ clientele: `c${(i * 11 + 3) % n}`, tier: 'request', conditions: [] });
    }
    services.push({
      id: `s${i}`,
      name: `Service ${i}`,
      name_en: `Service ${i} en`,
      abbreviation: null,
      category: 'admin',
      aliases: [],
      description: { fr: 'Un service.', en: 'A service.' },
      grants: grants.filter((g, k) => grants.findIndex((h) => h.clientele === g.clientele) === k),
      notes: [],
      sub_applications: [],
    });
  }
  return {
    version: 1,
    source: { title: 'Page', publisher: 'Éditeur' },
    categories: [{ id: 'admin', name: 'Administration', name_en: 'Administration' }],
    clienteles,
    services,
  };
}

module.exports = { makeWideCatalog };

if (require.main === module) {
  const args = process.argv.slice(2);
  const [n, out] = args;
  const editAt = args.indexOf('--edit');
  const edit = editAt >= 0 ? Number(args[editAt + 1]) : null;
  if (!n || !out || !/^\d+$/.test(n) || (editAt >= 0 && !Number.isInteger(edit))) {
    process.stderr.write('usage: node scripts/make-wide-catalog.js N OUT.yaml [--chains] [--edit SEED]\n');
    process.exitCode = 2;
  } else {
    fs.writeFileSync(out, new Document(makeWideCatalog(Number(n), { chains: args.includes('--chains'), edit })).toString({ lineWidth: 0 }));
  }
}
