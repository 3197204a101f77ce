#!/usr/bin/env node
'use strict';
/*
 * Writes HTML pages of up to 4 MiB (the most a page may be) that cost a
 * reader the most, to time check-source on them:
 *
 *     node scripts/make-hostile-html.js DIR
 *     for f in DIR/*.html; do /usr/bin/time -f "%e s %M KB  $f" node bin/ramq-access check-source "$f" > /dev/null; done
 *
 * Each is refused (exit 3: past 512 levels or 100,000 elements) or read and
 * checked, never slower than a few seconds.
 */
const { Buffer } = require('node:buffer');
const fs = require('node:fs');
const path = require('node:path');

const LIMIT = 4 * 1024 * 1024;
const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: make-hostile-html.js DIR\n');
  process.exit(2);
}
fs.mkdirSync(dir, { recursive: true });

const head = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h3>Qui a accès à la messagerie sécurisée?</h3>';
/** head, then `unit` repeated up to the limit. */
const fill = (prefix, unit) => prefix + unit.repeat(Math.floor((LIMIT - Buffer.byteLength(prefix)) / Buffer.byteLength(unit)));
const copy = fs.readFileSync(path.join(__dirname, '..', '__tests__', 'fixtures', 'source', 'liste-des-services-en-ligne.html'), 'utf8');
const rules = Array.from({ length: 256 }, (_, i) => `.c${i} li{display:none}`).join('');

const pages = {
  'nested-divs.html': fill(head, '<div>'),
  'nested-lists.html': fill(head, '<ul><li>x'),
  'divs-512-then-paragraphs.html': fill(head + '<div>'.repeat(500), '<p>x'),
  'paragraphs.html': fill(head, '<p>x'),
  'items.html': fill(head + '<ul>', '<li>Podiatre'),
  'spans.html': fill(head + '<div>'.repeat(500), '<span>x</span>'),
  'formatting.html': fill(head, '<b><i><u>x</u></i></b><p>'),
  'unknown-headings.html': fill(head, '<h3>Qui a accès au service Inconnu?</h3><ul><li>Inconnu</li></ul>'),
  'style-rules.html': fill(head.replace('</head>', `<style>${rules}</style></head>`), '<ul class="c1"><li>x</li></ul>'),
  'real-page-repeated.html': fill('', copy),
  // Under the 100,000-element limit, so that the check itself runs: a list of 99,000 items, 30,000 unknown headings, one item of 400,000 words.
  'items-under-limit.html': head + '<ul>' + '<li>Podiatre'.repeat(99000) + '</ul>',
  'unknown-items-under-limit.html': head + '<ul>' + Array.from({ length: 99000 }, (_, i) => `<li>Inconnu ${i}`).join('') + '</ul>',
  'unknown-headings-under-limit.html':
    head + Array.from({ length: 30000 }, (_, i) => `<h3>Qui a accès au service Inconnu ${i}?</h3><ul><li>Inconnu</li></ul>`).join(''),
  'long-item.html': head + '<ul><li>' + 'Podiatre '.repeat(400000) + '</ul>',
};
for (const [name, text] of Object.entries(pages)) fs.writeFileSync(path.join(dir, name), text);
process.stdout.write(`${Object.keys(pages).length} pages in ${dir}\n`);
