/** The bundle's shortcut for string-width (scripts/bundle.js) must give the very answer of the real function. */
import fc from 'fast-check';
// The real function, by its path: jest maps the bare name to the shortcut itself (__tests__/shims/string-width.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stringWidth = require('string-width/index.js') as (s: string) => number;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PLAIN_WIDTH_SOURCE } = require('../scripts/plain-width') as { PLAIN_WIDTH_SOURCE: string };

const plain = new RegExp(PLAIN_WIDTH_SOURCE);

test('every character the shortcut accepts is one column wide for string-width', () => {
  const accepted: number[] = [];
  for (let code = 0; code <= 0xffff; code++) if (plain.test(String.fromCharCode(code))) accepted.push(code);
  expect(accepted.length).toBeGreaterThan(800);
  expect(accepted.filter((code) => stringWidth(String.fromCharCode(code)) !== 1)).toEqual([]);
});

test('any string the shortcut accepts has the width string-width gives it', () => {
  const chars = [...Array(0x2600).keys()].map((c) => String.fromCharCode(c)).filter((c) => plain.test(c));
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...chars, '1', '#', '*'), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      expect(stringWidth(text)).toBe(text.length);
    }),
    { numRuns: 2000 },
  );
});

test('the shortcut refuses what it must leave to string-width', () => {
  for (const s of ['\u001b[31mx', '©', '®', '‼', 'e\u0301', '\u200b', '漢', '😀', '\t']) expect([s, plain.test(s)]).toEqual([s, false]);
});

test('the tests measure with the shortcut too: jest maps string-width to it, as the bundle does', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mapped = require('string-width') as (s: string) => number;
  expect(mapped).not.toBe(stringWidth);
  for (const s of ['Médecin', 'a\u00a0:', '漢字', '😀', '\u001b[31mx\u001b[39m']) expect([s, mapped(s)]).toEqual([s, stringWidth(s)]);
});

// That the bundle draws every table as the modules it was made from draw it (its cli-table3 skips a debug-only measure): e2e.test.ts.

test('the bundle is ASCII only (scripts/bundle.js escapes the rest as \\u; the comparison with the unbundled build in e2e.test.ts shows the answers unchanged)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { join } = require('node:path') as typeof import('node:path');
  const bundle = readFileSync(join(__dirname, '..', 'dist', 'cli', 'ramq-access.js'), 'utf8');
  expect(bundle.length).toBeGreaterThan(100_000);
  expect(bundle.match(/[\u0080-\uffff]/g) ?? []).toEqual([]);
});
