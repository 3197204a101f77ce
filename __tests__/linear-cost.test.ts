/**
 * Commands whose cost grew with clienteles times services, or with the words given, now grow with what the
 * catalogue holds: matrix finds what each clientele reaches from its ancestors' grants (and refuses to draw a
 * table of more than a million cells), search counts a word typed twice once and takes at most 50, and a
 * batch that asks about every entry costs what its answers hold (services finds a clientele's services from
 * the grants of its line of ancestors, not by trying every service). diff's effects are checked against every
 * pair in diff.test.ts. The figures are in the notes and docs/benchmarks.md, made from
 * scripts/make-wide-catalog.js; no timing here: work is counted, as the entries a batch reads.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { catalogFromText } from '../src/catalog/load-catalog';
import type { Catalog } from '../src/catalog/model';
import { canToJson, servicesToJson, whoToJson } from '../src/present/present-access';
import { messagesFor } from '../src/present/messages/messages';
import { presentBatch } from '../src/present/present-batch';
import { TIERS } from '../src/catalog/model';
import { accessesTo, findServices, type AccessFilter } from '../src/query/access';
import { resolveCan, resolveServices, resolveWho, type Answer, type Resolved } from '../src/query/ask';
import { buildMatrix } from '../src/query/build-matrix';
import { indexCatalog } from '../src/query/catalog-index';
import { ReadOnlyMap } from '../src/query/read-only-map';
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

/**
 * A catalogue of `n` clienteles and `n` services whose every clientele and service counts the reads of its
 * fields: what a batch reads of the catalogue, whatever the code that reads it, without timing anything.
 */
function countedCatalog(n: number, chains: boolean): { catalog: Catalog; reads: () => number } {
  let reads = 0;
  const counted = <T extends object>(entry: T): T =>
    new Proxy(entry, {
      get(target, key, receiver) {
        reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  // Validated, so that every entry has the fields a loaded catalogue has (notes, sub-applications).
  const loaded = catalogFromText(stringify(makeWideCatalog(n, { chains }), { lineWidth: 0 }), `wide-${n}.yaml`);
  if (!loaded.ok) throw new Error(`wide catalogue of ${n}: ${loaded.problems[0]?.code}`);
  const plain = loaded.catalog;
  const catalog = { ...plain, clienteles: plain.clienteles.map(counted), services: plain.services.map(counted) };
  return { catalog, reads: () => reads };
}

/** The entries a batch of every clientele (services), every service (who) or every clientele with one service (can) reads, index and name tables included. */
function batchReads(command: 'services' | 'who' | 'can', n: number, chains: boolean): number {
  const { catalog, reads } = countedCatalog(n, chains);
  const index = indexCatalog(catalog);
  const ask = <R>(resolve: (line: string) => Answer<Resolved<R>>, toJson: (r: R) => unknown, lines: readonly string[]): void => {
    const presenter = presentBatch(command, resolve, toJson, messagesFor('fr'));
    for (const text of lines) expect(Buffer.from(presenter.answer({ text })).toString('utf8')).not.toContain('"error"');
  };
  const clienteles = catalog.clienteles.map((c) => c.id);
  if (command === 'services') ask((l) => resolveServices(index, l, {}), servicesToJson, clienteles);
  else if (command === 'who')
    ask(
      (l) => resolveWho(index, l, { expand: true }),
      whoToJson,
      catalog.services.map((s) => s.id),
    );
  else
    ask(
      (l) => resolveCan(index, ...(l.split('\t') as [string, string]), {}),
      canToJson,
      clienteles.map((c) => `${c}\ts0`),
    );
  return reads();
}

/** What findServices answered when it tried every service in catalogue order: the rows it finds now must be these. */
function servicesByTryingEvery(catalog: Catalog, clienteleId: string, filter: AccessFilter): unknown {
  const index = indexCatalog(catalog);
  const clientele = index.clienteleById.get(clienteleId)!;
  const rows = catalog.services.flatMap((service) => {
    if (filter.category !== undefined && service.category !== filter.category) return [];
    const [best, ...also] = accessesTo(index, clientele, service).filter(
      (a) => (filter.tier === undefined || a.tier === filter.tier) && !(filter.own && a.inherited_from !== null),
    );
    return best === undefined ? [] : [{ ...best, also }];
  });
  return [...rows].sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier));
}

describe('services: the rows found from the grants of the line of ancestors', () => {
  test('are those of trying every service, in the same order, with every filter (property)', () => {
    fc.assert(
      fc.property(
        catalogArb,
        fc.record({ tier: fc.option(fc.constantFrom(...TIERS), { nil: undefined }), category: fc.option(fc.nat(3), { nil: undefined }), own: fc.boolean() }),
        (catalog, f) => {
          const filter: AccessFilter = { tier: f.tier, category: f.category === undefined ? undefined : `cat-${f.category}`, own: f.own };
          const index = indexCatalog(catalog);
          for (const c of catalog.clienteles) {
            expect(JSON.stringify(findServices(index, c, filter).access)).toBe(JSON.stringify(servicesByTryingEvery(catalog, c.id, filter)));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  test('the table it starts from is read-only, made once, and lists each service a clientele holds once', () => {
    const index = indexCatalog(makeWideCatalog(30, { chains: true }));
    const held = index.servicesHeldBy;
    expect(index.servicesHeldBy).toBe(held);
    expect(held).toBeInstanceOf(ReadOnlyMap);
    for (const [, services] of held) {
      expect(Object.isFrozen(services)).toBe(true);
      expect(new Set(services).size).toBe(services.length);
    }
    expect([...held.values()].reduce((n, l) => n + l.length, 0)).toBe(index.catalog.services.reduce((n, s) => n + s.grants.length, 0));
  });
});

describe('batch: asking about every entry costs what the answers hold, not entries times entries', () => {
  // Before, services tried every service for each clientele: 4 times the entries read 16 times as much (13 times, with chains).
  test.each([
    ['services', false],
    ['services', true],
    ['who', false],
    ['who', true],
    ['can', false],
    ['can', true],
  ] as const)('%s --batch, every entry (chains: %s): 4 times the entries, at most 5 times the reads', (command, chains) => {
    const small = batchReads(command, 100, chains);
    const large = batchReads(command, 400, chains);
    expect(small).toBeGreaterThan(0);
    expect(large / small).toBeLessThan(5);
  });
});

describe('batch: a name that names nothing, on many lines, has its near names ranked once', () => {
  /** The entries read by a batch of `services` whose every line is the same misspelt name. */
  const readsFor = (lines: number): number => {
    const { catalog, reads } = countedCatalog(100, false);
    const index = indexCatalog(catalog);
    const presenter = presentBatch('services', (l) => resolveServices(index, l, {}), servicesToJson, messagesFor('fr'));
    for (let i = 0; i < lines; i++) expect(Buffer.from(presenter.answer({ text: 'Clientèle 1x' })).toString('utf8')).toContain('"error"');
    return reads();
  };

  test('1,000 lines read no more of the catalogue than one line does (resolveName remembers names that resolved to nothing)', () => {
    const once = readsFor(1);
    expect(once).toBeGreaterThan(0);
    expect(readsFor(1000)).toBe(once);
  });
});
