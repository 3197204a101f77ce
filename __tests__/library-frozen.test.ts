/**
 * "No caller can change a later answer" for everything the package exports: the index openCatalog returns,
 * every exported constant, and every object two calls of an exported function share (a memo's answer, the
 * catalogue a result points into). A walk over each, not a list of the places we thought of.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as lib from '../src/index';
import { ReadOnlyMap } from '../src/query/read-only-map';
import { FIXTURES, ROOT } from './helpers';

/** Every object reachable from a value: properties (own, enumerable or not), array items, and the keys and values of maps and sets. */
function reachable(root: unknown): Set<object> {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) continue;
    // Functions are the code, not the data: what they close over is checked by calling them twice (below).
    if (typeof value === 'function') continue;
    seen.add(value);
    if (value instanceof Map || value instanceof ReadOnlyMap) for (const [k, v] of value as ReadonlyMap<unknown, unknown>) stack.push(k, v);
    if (value instanceof Set) for (const v of value) stack.push(v);
    for (const key of Reflect.ownKeys(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key);
      if (d && 'value' in d) stack.push(d.value);
    }
  }
  return seen;
}

/** Why an object could be changed by whoever holds it, or null when it cannot. */
function changeable(o: object): string | null {
  if (o instanceof Map || o instanceof Set || o instanceof WeakMap || o instanceof WeakSet) return `a ${o.constructor.name}, whose entries can be changed`;
  if (!Object.isFrozen(o)) return 'not frozen';
  return null;
}

function describeObject(o: object): string {
  const text = JSON.stringify(o, (_k, v: unknown) => (v instanceof ReadOnlyMap ? `ReadOnlyMap(${v.size})` : v));
  return (text ?? String(o)).slice(0, 120);
}

function expectUnchangeable(objects: Iterable<object>, what: string): number {
  const problems: string[] = [];
  let n = 0;
  for (const o of objects) {
    n++;
    const why = changeable(o);
    if (why !== null) problems.push(`${why}: ${describeObject(o)}`);
  }
  expect({ what, problems: problems.slice(0, 5) }).toEqual({ what, problems: [] });
  return n;
}

const catalog = lib.openCatalog();
const ips = catalog.clienteleById.get('ips')!;
const ipsPl = catalog.clienteleById.get('ips-premiere-ligne')!;
const selat = catalog.serviceById.get('selat')!;
const pageText = fs.readFileSync(path.join(FIXTURES, 'source', 'liste-des-services-en-ligne.txt'), 'utf8');
const catalogText = fs.readFileSync(path.join(ROOT, 'catalog.yaml'), 'utf8');

/** One call of each exported function, with ordinary arguments; a new export without a call here fails the test below. */
const CALLS: Readonly<Record<string, () => unknown>> = {
  openCatalog: () => lib.openCatalog(),
  loadCatalog: () => lib.loadCatalog(path.join(ROOT, 'catalog.yaml')),
  validateCatalogText: () => lib.validateCatalogText(catalogText, 'catalog.yaml'),
  formatCatalogText: () => lib.formatCatalogText(catalogText, 'catalog.yaml'),
  indexCatalog: () => lib.indexCatalog(catalog.catalog),
  normalizeName: () => lib.normalizeName('Podiatre'),
  resolveName: () => lib.resolveName(catalog, 'messagerie', ['service']),
  canAccess: () => lib.canAccess(catalog, ipsPl, selat),
  servicesFor: () => lib.servicesFor(catalog, ipsPl),
  whoCan: () => lib.whoCan(catalog, selat, { expand: true }),
  notesFor: () => lib.notesFor(catalog, ips, selat),
  buildMatrix: () => lib.buildMatrix(catalog),
  searchCatalog: () => lib.searchCatalog(catalog, 'messagerie sécurisée'),
  stemWord: () => lib.stemWord('infirmières'),
  diffCatalogs: () => lib.diffCatalogs(catalog.catalog, catalog.catalog),
  readSourcePage: () => lib.readSourcePage(pageText),
  readAccessLists: () => lib.readAccessLists(lib.readSourcePage(pageText)),
  checkSource: () => lib.checkSource(catalog, lib.readSourcePage(pageText), () => null),
  canToJson: () => lib.canToJson(lib.canAccess(catalog, ipsPl, selat)),
  servicesToJson: () => lib.servicesToJson(lib.servicesFor(catalog, ipsPl)),
  whoToJson: () => lib.whoToJson(lib.whoCan(catalog, selat)),
};

describe('everything the package exports cannot be changed by a caller', () => {
  test('the index openCatalog returns: every object in it frozen, every table a read-only map', () => {
    const n = expectUnchangeable(reachable(catalog), 'openCatalog()');
    expect(n).toBeGreaterThan(500);
    expect(catalog.clienteleById).toBeInstanceOf(ReadOnlyMap);
  });

  test('the table services are found from, made when first read (a getter the walk above does not follow), is as read-only', () => {
    lib.servicesFor(catalog, ipsPl);
    expect(catalog.servicesHeldBy).toBeInstanceOf(ReadOnlyMap);
    expect(catalog.servicesHeldBy).toBe(catalog.servicesHeldBy);
    expect(expectUnchangeable(reachable(catalog.servicesHeldBy), 'servicesHeldBy')).toBeGreaterThan(20);
  });

  test('every exported constant, and the exports object itself', () => {
    const values = Object.entries(lib).filter(([, v]) => typeof v !== 'function');
    expect(values.map(([k]) => k).sort()).toEqual(['ACCESS_NOTE_KINDS', 'EMBEDDED_CATALOG_PATH', 'FINDING_KINDS', 'PROBLEM_CODES', 'TIERS']);
    for (const [name, value] of values) expectUnchangeable(reachable(value), name);
    expect(Object.isFrozen(lib)).toBe(true);
  });

  test('every exported function has a call here', () => {
    const functions = Object.entries(lib)
      .filter(([k, v]) => typeof v === 'function' && k !== 'CatalogError')
      .map(([k]) => k)
      .sort();
    expect(functions).toEqual(Object.keys(CALLS).sort());
  });

  test.each(Object.keys(CALLS))('%s: what two calls share is frozen (a memo, the catalogue, a table)', (name) => {
    const call = CALLS[name]!;
    const first = reachable(call());
    const second = reachable(call());
    const shared = [...first].filter((o) => second.has(o));
    expectUnchangeable(shared, name);
  });
});

describe('the cases that were reported', () => {
  test('a resolveName answer cannot be changed for the next caller', () => {
    const r = lib.resolveName(catalog, 'podiatre', ['clientele']);
    expect(() => {
      (r as { found: unknown }).found = null;
    }).toThrow(TypeError);
    expect(lib.resolveName(catalog, 'podiatre', ['clientele'])).toMatchObject({ ok: true, found: { entity: { id: 'podiatre' } } });
    const unknown = lib.resolveName(catalog, 'podiatr', ['clientele']);
    if (unknown.ok) throw new Error('podiatr resolved');
    expect(() => (unknown.suggestions as unknown[]).push({})).toThrow(TypeError);
  });

  test('an index table cannot lose an entry: an IPS specialisation keeps its inherited grants', () => {
    const before = lib.servicesFor(catalog, ipsPl).access.length;
    expect(before).toBe(10);
    const table = catalog.clienteleById as unknown as Map<string, unknown>;
    expect(() => table.delete('ips')).toThrow(TypeError);
    expect(() => Map.prototype.delete.call(table, 'ips')).toThrow(TypeError);
    expect(() => (catalog.childrenOf.get('ips') as unknown[]).pop()).toThrow(TypeError);
    expect(lib.servicesFor(catalog, ipsPl).access.length).toBe(before);
  });

  test('a file: URL on another host is a CatalogError, not a TypeError', () => {
    let thrown: unknown;
    try {
      lib.openCatalog(new URL('file://remotehost/x'));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(lib.CatalogError);
    expect((thrown as lib.CatalogError).problems[0]!.code).toBe('FILE_UNREADABLE');
    expect((thrown as Error).message).toContain('remotehost');
  });
});
