import type { Category, Clientele, Condition, Service, Tier } from '../catalog/model';
import { TIERS } from '../catalog/model';
import { descendantsOf, lineageOf, orderKey, type CatalogIndex } from './catalog-index';

/** One way a clientele may use a service: a grant of its own, or one inherited from a clientele it specialises. */
export interface Access {
  readonly service: Service;
  readonly clientele: Clientele;
  readonly tier: Tier;
  readonly conditions: readonly Condition[];
  /** Id of the clientele that holds the grant when it is inherited; null for the clientele's own grant. */
  readonly inherited_from: string | null;
}

/** Filters shared by the access queries. */
export interface AccessFilter {
  readonly tier?: Tier | undefined;
  readonly category?: string | undefined;
  /** Only the clientele's own grants, not those inherited from a parent. */
  readonly own?: boolean | undefined;
}

function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}

/** Every access a clientele has to one service: its own grant first, then those of its parent, grandparent... */
export function accessesTo(index: CatalogIndex, clientele: Clientele, service: Service): Access[] {
  const grants = index.grantOf.get(service.id);
  const out: Access[] = [];
  for (const holder of lineageOf(index, clientele)) {
    const grant = grants?.get(holder.id);
    if (grant) {
      out.push({ service, clientele, tier: grant.tier, conditions: grant.conditions, inherited_from: holder.id === clientele.id ? null : holder.id });
    }
  }
  return out;
}

/** The result of `services`: what one clientele may use. */
export interface ServicesResult {
  readonly clientele: Clientele;
  readonly categories: readonly Category[];
  readonly filter: AccessFilter;
  readonly access: readonly Access[];
  /** The grant condition the clientele's name carried when it was given as the page lists it ("Audioprothésiste (accès aux états de compte seulement)"); null otherwise. */
  readonly named_condition: Condition | null;
}

/** Every service a clientele may use, own and inherited grants alike, sorted by tier then source order. */
export function findServices(index: CatalogIndex, clientele: Clientele, filter: AccessFilter = {}): ServicesResult {
  const access: Access[] = [];
  for (const service of index.catalog.services) {
    if (filter.category !== undefined && service.category !== filter.category) continue;
    for (const a of accessesTo(index, clientele, service)) {
      if (filter.tier !== undefined && a.tier !== filter.tier) continue;
      if (filter.own && a.inherited_from !== null) continue;
      access.push(a);
    }
  }
  access.sort(
    (a, b) =>
      tierRank(a.tier) - tierRank(b.tier) ||
      orderKey(index, 'service', a.service.id) - orderKey(index, 'service', b.service.id) ||
      (a.inherited_from === null ? -1 : 1),
  );
  return { clientele, categories: index.catalog.categories, filter, access, named_condition: null };
}

/** The result of `who`: the clienteles that may use one service. */
export interface WhoResult {
  readonly service: Service;
  readonly filter: AccessFilter;
  readonly expanded: boolean;
  readonly category: Category | null;
  readonly access: readonly Access[];
}

/**
 * The clienteles a service names, by tier then source order. With `expand`, also
 * every clientele that inherits one of those grants, marked with where it comes from.
 */
export function findWho(index: CatalogIndex, service: Service, options: { tier?: Tier | undefined; expand?: boolean } = {}): WhoResult {
  const access: Access[] = [];
  for (const grant of service.grants) {
    if (options.tier !== undefined && grant.tier !== options.tier) continue;
    const holder = index.clienteleById.get(grant.clientele);
    if (!holder) continue;
    access.push({ service, clientele: holder, tier: grant.tier, conditions: grant.conditions, inherited_from: null });
    if (options.expand) {
      for (const heir of descendantsOf(index, holder)) {
        access.push({ service, clientele: heir, tier: grant.tier, conditions: grant.conditions, inherited_from: holder.id });
      }
    }
  }
  // Stable: within a tier, clienteles keep the source's order, each heir right after the clientele it inherits from.
  access.sort((a, b) => tierRank(a.tier) - tierRank(b.tier));
  return { service, filter: { tier: options.tier }, expanded: options.expand ?? false, category: index.categoryById.get(service.category) ?? null, access };
}

/** The result of `can`: whether one clientele may use one service, and how. */
export interface CanResult {
  readonly clientele: Clientele;
  readonly service: Service;
  readonly eligible: boolean;
  /** The access that answers the question: the clientele's own grant if any, else the nearest inherited one. */
  readonly best: Access | null;
  /** Every access that applies, own first. */
  readonly access: readonly Access[];
  readonly required_tier: Tier | null;
  /** Every access whatever its tier, to explain a "no" that only the tier filter caused. */
  readonly any_tier: readonly Access[];
  /** The grant condition the clientele's name carried, as for `services`; null otherwise. */
  readonly named_condition: Condition | null;
}

/** Says whether a clientele may use a service, optionally only at a given tier. */
export function checkAccess(index: CatalogIndex, clientele: Clientele, service: Service, tier?: Tier): CanResult {
  const anyTier = accessesTo(index, clientele, service);
  const access = anyTier.filter((a) => tier === undefined || a.tier === tier);
  return {
    clientele,
    service,
    eligible: access.length > 0,
    best: access[0] ?? null,
    access,
    required_tier: tier ?? null,
    any_tier: anyTier,
    named_condition: null,
  };
}
