#!/usr/bin/env node
// Writes the crafted text copies of the page that check-source's cost is measured on (README "Speed",
// issue 18), each far below the 4 MiB limit of a page:
//   many-headings.txt   4,000 "Qui a accès" headings naming no service (each would get near names)
//   long-item.txt       one list item of 40,000 words that could each start a condition
//   many-items.txt      100,000 list items naming no clientele (each would get near names and a stub)
// Usage: node scripts/make-hostile-pages.js DIR
// Then, after `npm run build`: /usr/bin/time -f '%e s %M KB' node bin/ramq-access check-source DIR/many-items.txt
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { Buffer } = require('node:buffer');

/** The three pages, by file name. */
function makeHostilePages() {
  const headings = [];
  for (let i = 1; i <= 4000; i++) headings.push(`Qui a accès au service en ligne Inconnu ${String(i).padStart(4, '0')}?`);
  // "membre" starts the condition "membre d'un GMF": every word is a place where a condition could start.
  const long = `Qui a accès au SAHI?\n- ${Array.from({ length: 40000 }, () => 'membre').join(' ')}\n`;
  const items = ['Qui a accès au SAHI?'];
  for (let i = 1; i <= 100000; i++) items.push(`- Clientèle ${String(i).padStart(6, '0')}`);
  return {
    'many-headings.txt': `${headings.join('\n')}\n`,
    'long-item.txt': long,
    'many-items.txt': `${items.join('\n')}\n`,
  };
}

module.exports = { makeHostilePages };

if (require.main === module) {
  const [dir] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: node scripts/make-hostile-pages.js DIR\n');
    process.exitCode = 2;
  } else {
    fs.mkdirSync(dir, { recursive: true });
    for (const [name, text] of Object.entries(makeHostilePages())) {
      fs.writeFileSync(path.join(dir, name), text);
      process.stdout.write(`${path.join(dir, name)}: ${Buffer.byteLength(text)} bytes\n`);
    }
  }
}
