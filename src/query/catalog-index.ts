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
  /**
   * The services each clientele holds a grant of itself (not inherited), in catalogue order, by clientele id:
   * what `services` starts from, so that a question costs what its answer holds, not every service. Built at
   * first use (a question on one service never needs it).
   */
  readonly servicesHeldBy: ReadonlyMap<string, readonly Service[]>;
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
  let servicesHeldBy: ReadonlyMap<string, readonly Service[]> | undefined;
  // Every table is read-only: a caller that could delete 'ips' from clienteleById would take the inherited grants from every IPS specialisation.
  const index: Omit<CatalogIndex, 'servicesHeldBy'> = {
    catalog,
    serviceById: new ReadOnlyMap(catalog.services.map((s) => [s.id, s])),
    clienteleById: new ReadOnlyMap(catalog.clienteles.map((c) => [c.id, c])),
    categoryById: new ReadOnlyMap(catalog.categories.map((c) => [c.id, c])),
    childrenOf: new ReadOnlyMap([...childrenOf].map(([id, children]) => [id, Object.freeze(children)])),
    orderOf: new ReadOnlyMap(orderOf),
    grantOf: new ReadOnlyMap(catalog.services.map((s) => [s.id, new ReadOnlyMap(s.grants.map((g) => [g.clientele, g]))])),
  };
  // A getter on the frozen index: made once, when first read, as read-only as the other tables.
  Object.defineProperty(index, 'servicesHeldBy', { enumerable: true, get: () => (servicesHeldBy ??= servicesHeldByClientele(catalog)) });
  const frozen = Object.freeze(index) as CatalogIndex;
  cache.set(catalog, frozen);
  return frozen;
}

function servicesHeldByClientele(catalog: Catalog): ReadonlyMap<string, readonly Service[]> {
  const held = new Map<string, Service[]>();
  for (const service of catalog.services) {
    for (const grant of service.grants) {
      const list = held.get(grant.clientele);
      if (list === undefined) held.set(grant.clientele, [service]);
      else if (list[list.length - 1] !== service) list.push(service);
    }
  }
  return new ReadOnlyMap([...held].map(([id, services]) => [id, Object.freeze(services)]));
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
