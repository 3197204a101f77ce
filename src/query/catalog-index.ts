import { deepFreeze } from '../catalog/freeze';
import type { Catalog, Category, Clientele, Grant, Service } from '../catalog/model';
import { ReadOnlyMap } from './read-only-map';

/** A catalogue with the look-up tables every query needs, built once. */
export interface CatalogIndex {
  readonly catalog: Catalog;
  readonly serviceById: ReadonlyMap<string, Service>;
  readonly clienteleById: ReadonlyMap<string, Clientele>;
  readonly categoryById: ReadonlyMap<string, Category>;
  /** Direct children of each clientele, in catalogue order. */
  readonly childrenOf: ReadonlyMap<string, readonly Clientele[]>;
  /** Position of each service and clientele in the catalogue, which follows the source page. */
  readonly orderOf: ReadonlyMap<string, number>;
  /** Grants of each service, by clientele id. */
  readonly grantOf: ReadonlyMap<string, ReadonlyMap<string, Grant>>;
}

const cache = new WeakMap<Catalog, CatalogIndex>();

/** Builds (once per catalogue) the read-only look-up tables of a validated catalogue, which it freezes (deeply) if it was not already. */
export function indexCatalog(catalog: Catalog): CatalogIndex {
  const cached = cache.get(catalog);
  if (cached) return cached;
  // The tables below hold the catalogue's own objects: it must not change under them.
  deepFreeze(catalog);
  const childrenOf = new Map<string, Clientele[]>();
  for (const c of catalog.clienteles) {
    if (c.parent === null) continue;
    const siblings = childrenOf.get(c.parent) ?? [];
    siblings.push(c);
    childrenOf.set(c.parent, siblings);
  }
  const orderOf = new Map<string, number>();
  catalog.services.forEach((s, i) => orderOf.set(`service:${s.id}`, i));
  catalog.clienteles.forEach((c, i) => orderOf.set(`clientele:${c.id}`, i));
  catalog.categories.forEach((c, i) => orderOf.set(`category:${c.id}`, i));
  // Every table is read-only: a caller that could delete 'ips' from clienteleById would take the inherited grants from every IPS specialisation.
  const index: CatalogIndex = {
    catalog,
    serviceById: new ReadOnlyMap(catalog.services.map((s) => [s.id, s])),
    clienteleById: new ReadOnlyMap(catalog.clienteles.map((c) => [c.id, c])),
    categoryById: new ReadOnlyMap(catalog.categories.map((c) => [c.id, c])),
    childrenOf: new ReadOnlyMap([...childrenOf].map(([id, children]) => [id, Object.freeze(children)])),
    orderOf: new ReadOnlyMap(orderOf),
    grantOf: new ReadOnlyMap(catalog.services.map((s) => [s.id, new ReadOnlyMap(s.grants.map((g) => [g.clientele, g]))])),
  };
  cache.set(catalog, Object.freeze(index));
  return index;
}

/** The clientele itself, then its parent, grandparent and so on (a validated catalogue has no cycles, and at most MAX_PARENT_DEPTH ancestors). */
export function lineageOf(index: CatalogIndex, clientele: Clientele): Clientele[] {
  const chain: Clientele[] = [];
  const seen = new Set<Clientele>();
  let current: Clientele | undefined = clientele;
  while (current !== undefined && !seen.has(current)) {
    chain.push(current);
    seen.add(current);
    current = current.parent === null ? undefined : index.clienteleById.get(current.parent);
  }
  return chain;
}

/** Every clientele that specialises this one, at any depth, nearest first. */
export function descendantsOf(index: CatalogIndex, clientele: Clientele): Clientele[] {
  const out: Clientele[] = [];
  const seen = new Set<Clientele>([clientele]);
  // A breadth-first walk: `out` is the queue, read from `next` on.
  for (let next = -1; next < out.length; next++) {
    const parent = next < 0 ? clientele : out[next]!;
    for (const child of index.childrenOf.get(parent.id) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      out.push(child);
    }
  }
  return out;
}

/** Sort key of a service or clientele: its place in the source page. */
export function orderKey(index: CatalogIndex, kind: 'service' | 'clientele' | 'category', id: string): number {
  return index.orderOf.get(`${kind}:${id}`) ?? Number.MAX_SAFE_INTEGER;
}
