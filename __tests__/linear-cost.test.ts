/**
 * Commands whose cost grew with clienteles times services, or with the words given, now grow with what the
 * catalogue holds: matrix finds what each clientele reaches from its ancestors' grants (and refuses to draw a
 * table of more than a million cells), search counts a word typed twice once and takes at most 50. diff's
 * effects are checked against every pair in diff.test.ts. The figures are in the notes and docs/benchmarks.md,
 * made from scripts/make-wide-catalog.js; no timing here.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import type { Catalog } from '../src/catalog/model';
import { accessesTo } from '../src/query/access';
import { buildMatrix } from '../src/query/build-matrix';
import { indexCatalog } from '../src/query/catalog-index';
import { MAX_SEARCH_WORDS } from '../src/query/search-catalog';
import { MAX_DENSE_CELLS } from '../src/cli/commands/matrix';
import { catalogArb } from './arbitraries';
import { runCli } from './helpers';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeWideCatalog } = require('../scripts/make-wide-catalog.js') as { makeWideCatalog: (n: number, o?: { chains?: boolean }) => Catalog };

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-linear-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every clientele against every service: the matrix as it was built before. */
function denseMatrix(catalog: Catalog): string[][] {
  const index = indexCatalog(catalog);
  return catalog.clienteles.map((c) => catalog.services.map((s) => JSON.stringify(accessesTo(index, c, s))));
}

describe('matrix: what each clientele reaches, from the grants of its line of ancestors', () => {
  test('the same cells as trying every service, on generated catalogues (property)', () => {
    fc.assert(
      fc.property(catalogArb, (catalog) => {
        const m = buildMatrix(indexCatalog(catalog));
        const dense = denseMatrix(catalog);
        expect(m.rows.map((r) => r.cells.map((cell) => JSON.stringify(cell)))).toEqual(dense);
        // reached holds exactly the cells that are not empty, in column order.
        for (const [i, row] of m.rows.entries()) {
          expect(row.reached.map((c) => c.column)).toEqual(dense[i]!.flatMap((cell, column) => (cell === '[]' ? [] : [column])));
        }
      }),
      { numRuns: 200 },
    );
  });

  test('in parent chains of the deepest allowed depth', () => {
    const catalog = makeWideCatalog(60, { chains: true });
    const m = buildMatrix(indexCatalog(catalog));
    expect(m.rows.map((r) => r.cells.map((cell) => JSON.stringify(cell)))).toEqual(denseMatrix(catalog));
    expect(m.rows.reduce((n, r) => n + r.reached.length, 0)).toBeGreaterThan(60);
  });

  test('matrix --json on the shipped catalogue lists every access that exists, and only those', async () => {
    const doc = JSON.parse((await runCli(['matrix', '--json'])).stdout) as { rows: { clientele: { id: string }; access: { service: string }[] }[] };
    const loaded = denseMatrix(indexCatalog(JSON.parse((await runCli(['export', '--format', 'json'])).stdout).catalog as Catalog).catalog);
    const listed = doc.rows.map((r) => r.access.length);
    expect(listed).toEqual(loaded.map((row) => row.filter((cell) => cell !== '[]').length));
    expect(listed.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  });
});

describe('matrix in a format that shows every cell: at most a million cells', () => {
  let file: string;
  beforeAll(() => {
    file = path.join(dir, 'wide.yaml');
    // 1,001 clienteles by 1,001 services: 1,002,001 cells, just past the limit.
    fs.writeFileSync(file, stringify(makeWideCatalog(1001), { lineWidth: 0 }));
  });

  test.each(['table', 'csv', 'markdown'])(
    '--format %s is refused in one line, in each language, with what to do instead and where the help is',
    async (format) => {
      for (const lang of ['fr', 'en']) {
        const out = await runCli(['--catalog', file, 'matrix', '--format', format, '--lang', lang]);
        expect(out.code).toBe(2);
        expect(out.stdout).toBe('');
        // The refusal, then where the command's help is (as every usage error ends).
        expect(out.stderr.trim().split('\n')).toHaveLength(2);
        expect(out.stderr).toContain('ramq-access matrix --help');
        expect(out.stderr).toMatch(lang === 'fr' ? /1\s002\s001 cases/u : /1,002,001 cells/);
        expect(out.stderr).toContain('--category');
        expect(out.stderr).toContain('--format json');
      }
    },
  );

  test('JSON is not refused: it lists only the access that exists', async () => {
    const out = await runCli(['--catalog', file, 'matrix', '--json']);
    expect(out.code).toBe(0);
    const doc = JSON.parse(out.stdout) as { rows: { access: unknown[] }[] };
    expect(doc.rows).toHaveLength(1001);
    expect(doc.rows.reduce((n, r) => n + r.access.length, 0)).toBeLessThan(3 * 1001);
  });

  test('--category narrows it under the limit', async () => {
    expect(MAX_DENSE_CELLS).toBe(1_000_000);
    expect((await runCli(['matrix', '--format', 'csv'])).code).toBe(0);
  });
});

describe('search: a word typed twice is one word, and at most 50 different words', () => {
  test('10,000 times the same word answers as the word once', async () => {
    const once = JSON.parse((await runCli(['search', 'a', '--json'])).stdout) as { query: string[] };
    const many = JSON.parse((await runCli(['search', ...Array<string>(10_000).fill('a'), '--json'])).stdout) as { query: string[] };
    expect(many).toEqual(once);
  });

  test.each(['fr', 'en'])('more than 50 different words is a usage error (%s)', async (lang) => {
    const words = Array.from({ length: MAX_SEARCH_WORDS + 1 }, (_, i) => `mot${i}`);
    const out = await runCli(['search', ...words, '--lang', lang]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(lang === 'fr' ? 'au plus 50 mots différents, pas 51' : 'at most 50 different words, not 51');
    expect((await runCli(['search', ...words.slice(0, MAX_SEARCH_WORDS), '--lang', lang])).code).toBe(0);
  });
});
