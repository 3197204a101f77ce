import type { Category, Clientele, Condition, Note, NoteKind, Service, SubApplication, Tier } from '../catalog/model';
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
  /** The clientele whose grant it is: `clientele` itself for its own grant, else the ancestor `inherited_from` names. */
  readonly holder: Clientele;
}

/**
 * One row of an answer: one clientele and one service, with the grant that answers best (the strongest
 * tier; on a tie the clientele's own grant, then the nearest ancestor's) and, in `also`, every other grant
 * that reaches the same pair, in the same order, so that no tier or condition is lost.
 */
export interface AccessRow extends Access {
  readonly also: readonly Access[];
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

/**
 * Every access a clientele has to one service, best first: the strongest tier (TIERS order); on a tie its
 * own grant, then its parent's, grandparent's...
 */
export function accessesTo(index: CatalogIndex, clientele: Clientele, service: Service): Access[] {
  const grants = index.grantOf.get(service.id);
  const out: Access[] = [];
  for (const holder of lineageOf(index, clientele)) {
    const grant = grants?.get(holder.id);
    if (grant) {
      out.push({ service, clientele, tier: grant.tier, conditions: grant.conditions, inherited_from: holder.id === clientele.id ? null : holder.id, holder });
    }
  }
  // Stable: within a tier, the lineage's order (own grant, then the nearest ancestor).
  return out.sort((a, b) => tierRank(a.tier) - tierRank(b.tier));
}

/** The row of a clientele and a service from its accesses, best first (as accessesTo orders them); null when there is none. */
function rowOf(list: readonly Access[]): AccessRow | null {
  const [best, ...also] = list;
  return best === undefined ? null : { ...best, also };
}

/**
 * A name of the question that is none of the entry's names, read as the one
 * entry whose names hold its words ("messagerie": Messagerie sécurisée). The
 * answer says so, so that a person can see what was answered.
 */
export type NameReading = {
  /** The name as it was given. */
  readonly input: string;
  /** The application of the service whose name the words are from ("Gestion des consultations"), or null. */
  readonly sub_application: SubApplication | null;
} & ({ readonly kind: 'clientele'; readonly entity: Clientele } | { readonly kind: 'service'; readonly entity: Service });

/** The result of `services`: what one clientele may use. */
export interface ServicesResult {
  readonly clientele: Clientele;
  readonly categories: readonly Category[];
  readonly filter: AccessFilter;
  /** One row per service, sorted by the row's tier then source order. */
  readonly access: readonly AccessRow[];
  /** The grant condition the clientele's name carried when it was given as the page lists it ("Audioprothésiste (accès aux états de compte seulement)"); null otherwise. */
  readonly named_condition: Condition | null;
  /** How the question's name was read, when it was read by its words (see NameReading); empty otherwise. */
  readonly read_as: readonly NameReading[];
  /** What the source says about the clientele itself (see clienteleNotes): never access. */
  readonly notes: readonly Note[];
}

/**
 * The notes of a clientele and of the groups it specialises, as notes linked to the clientele that has
 * them: what the page says about the group itself, such as its opening sentence on administrative staff.
 */
export function clienteleNotes(index: CatalogIndex, clientele: Clientele): Note[] {
  return lineageOf(index, clientele).flatMap((c) => c.notes.map((n): Note => ({ kind: n.kind, clienteles: [c.id], fr: n.fr, en: n.en })));
}

/**
 * Every service a clientele may use, own and inherited grants alike: one row per service (the filters
 * apply to the grants first), sorted by tier then source order. Only the services its line of ancestors
 * holds a grant of are looked at, so that the cost is what the answer holds, not the catalogue's size.
 */
export function findServices(index: CatalogIndex, clientele: Clientele, filter: AccessFilter = {}): ServicesResult {
  const reached = new Set<Service>();
  for (const holder of lineageOf(index, clientele)) for (const service of index.servicesHeldBy.get(holder.id) ?? []) reached.add(service);
  const access: AccessRow[] = [];
  for (const service of reached) {
    if (filter.category !== undefined && service.category !== filter.category) continue;
    const row = rowOf(
      accessesTo(index, clientele, service).filter((a) => (filter.tier === undefined || a.tier === filter.tier) && !(filter.own && a.inherited_from !== null)),
    );
    if (row !== null) access.push(row);
  }
  // A total order (no two rows share a service): the same rows in the same order as trying every service in catalogue order.
  access.sort((a, b) => tierRank(a.tier) - tierRank(b.tier) || orderKey(index, 'service', a.service.id) - orderKey(index, 'service', b.service.id));
  return { clientele, categories: index.catalog.categories, filter, access, named_condition: null, read_as: [], notes: clienteleNotes(index, clientele) };
}

/** The result of `who`: the clienteles that may use one service. */
export interface WhoResult {
  readonly service: Service;
  readonly filter: AccessFilter;
  readonly expanded: boolean;
  readonly category: Category | null;
  /** One row per clientele. */
  readonly access: readonly AccessRow[];
  /** How the question's name was read, as for `services`. */
  readonly read_as: readonly NameReading[];
  /** The service's notes that bear on access (see accessNotes). */
  readonly notes: readonly Note[];
}

/**
 * The notes of a service that bear on who gets it: those about one of its clienteles, and those about the
 * service in general that say how access is obtained (delegation, obtaining, channel) or warn against a
 * name that means something else (naming). How the service is used once reached is not about access.
 */
export function accessNotes(service: Service): Note[] {
  return service.notes.filter((n) => n.clienteles.length > 0 || isAccessNoteKind(n.kind));
}

/**
 * The clienteles a service names, by tier then source order. With `expand`, also every clientele that
 * inherits one of those grants, marked with where it comes from; a clientele that both holds a grant and
 * inherits one (or inherits two) is one row, the other grants in `also`.
 */
export function findWho(index: CatalogIndex, service: Service, options: { tier?: Tier | undefined; expand?: boolean } = {}): WhoResult {
  // Every clientele reached, in the order it is first reached: each grant's holder, then (with expand) its heirs.
  const reached = new Set<Clientele>();
  for (const grant of service.grants) {
    if (options.tier !== undefined && grant.tier !== options.tier) continue;
    const holder = index.clienteleById.get(grant.clientele);
    if (!holder) continue;
    reached.add(holder);
    if (options.expand) for (const c of descendantsOf(index, holder)) reached.add(c);
  }
  const access: AccessRow[] = [];
  for (const clientele of reached) {
    const row = rowOf(
      accessesTo(index, clientele, service).filter(
        (a) => (options.tier === undefined || a.tier === options.tier) && (options.expand === true || a.inherited_from === null),
      ),
    );
    if (row !== null) access.push(row);
  }
  // Stable: within a tier, clienteles keep the source's order, each heir after the clientele it inherits from.
  access.sort((a, b) => tierRank(a.tier) - tierRank(b.tier));
  return {
    service,
    filter: { tier: options.tier },
    expanded: options.expand ?? false,
    category: index.categoryById.get(service.category) ?? null,
    access,
    read_as: [],
    notes: accessNotes(service),
  };
}

/**
 * Kinds of note that say how a service is reached, or warn against a name that means something else: a note
 * of one of them about the service in general bears on every clientele's access (how a service is used once
 * reached does not).
 */
export const ACCESS_NOTE_KINDS = Object.freeze(['delegation', 'obtaining', 'channel', 'naming'] as const) satisfies readonly NoteKind[];

/**
 * The notes of a service that bear on one clientele's access, in the catalogue's order: those linked to the
 * clientele or to one of its ancestors (a note about IPS concerns the IPS in primary care), and those about
 * the service in general that say how access is obtained (delegation, obtaining, channel) or warn against a
 * name that means something else (naming: SELAT's "Mon dossier" tab is not the Mon dossier service), as `who`
 * shows them.
 */
export function notesFor(index: CatalogIndex, clientele: Clientele, service: Service): Note[] {
  const lineage = new Set(lineageOf(index, clientele).map((c) => c.id));
  return service.notes.filter((n) => n.clienteles.some((id) => lineage.has(id)) || (n.clienteles.length === 0 && isAccessNoteKind(n.kind)));
}

function isAccessNoteKind(kind: NoteKind): boolean {
  return (ACCESS_NOTE_KINDS as readonly NoteKind[]).includes(kind);
}

/** The result of `can`: whether one clientele may use one service, and how; or, when it may not, who may and what the source says about it. */
export interface CanResult {
  readonly clientele: Clientele;
  readonly service: Service;
  readonly eligible: boolean;
  /** The access that answers the question: the strongest tier; on a tie the clientele's own grant, then the nearest inherited one. */
  readonly best: Access | null;
  /** Every access that applies, best first. */
  readonly access: readonly Access[];
  readonly required_tier: Tier | null;
  /** Every access whatever its tier, to explain a "no" that only the tier filter caused. */
  readonly any_tier: readonly Access[];
  /** The grant condition the clientele's name carried, as for `services`; null otherwise. */
  readonly named_condition: Condition | null;
  /**
   * Who holds the service: every grant of the service (at the required tier, when one is asked), by tier then
   * source order, each an access of the clientele that holds it. Empty when the source gives no list.
   */
  readonly holders: readonly Access[];
  /** The notes of the service that bear on this clientele's access (see notesFor). */
  readonly notes: readonly Note[];
  /** How the question's names were read, as for `services`: the clientele's, then the service's. */
  readonly read_as: readonly NameReading[];
}

/** Says whether a clientele may use a service, optionally only at a given tier, with who holds it and the notes that bear on it. */
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
    holders: findWho(index, service, { tier }).access.map(({ also: _also, ...a }) => a),
    // The service's own notes first; then what the page says about the clientele in every service.
    notes: [...notesFor(index, clientele, service), ...clienteleNotes(index, clientele)],
    named_condition: null,
    read_as: [],
  };
}
