import type { Bilingual, Catalog, Category, Clientele, ClienteleNote, Condition, Grant, Note, Service, SubApplication, Tier } from '../catalog/model';
import { accessesTo, type Access } from './access';
import { descendantsOf, indexCatalog, lineageOf, type CatalogIndex } from './catalog-index';

/** Which sort of entry a change is about. */
export type EntryKind = 'service' | 'clientele' | 'category';

/** One change in meaning between two catalogues. */
export type Change =
  | { readonly type: 'added' | 'removed'; readonly entry: EntryKind; readonly id: string; readonly name: string }
  | {
      readonly type: 'renamed';
      readonly entry: EntryKind;
      readonly id: string;
      readonly field: string;
      readonly from: string | null;
      readonly to: string | null;
    }
  | {
      readonly type: 'field-changed';
      readonly entry: EntryKind;
      readonly id: string;
      readonly field: string;
      readonly from: string | null;
      readonly to: string | null;
    }
  | {
      readonly type: 'names-changed';
      readonly entry: EntryKind;
      readonly id: string;
      readonly field: string;
      readonly added: readonly string[];
      readonly removed: readonly string[];
    }
  | { readonly type: 'description-changed'; readonly entry: EntryKind; readonly id: string; readonly from: Bilingual | null; readonly to: Bilingual | null }
  | {
      readonly type: 'notes-changed';
      readonly entry: 'service' | 'clientele';
      readonly id: string;
      readonly added: readonly Note[];
      readonly removed: readonly Note[];
    }
  | {
      readonly type: 'sub-applications-changed';
      readonly entry: 'service';
      readonly id: string;
      readonly added: readonly SubApplication[];
      readonly removed: readonly SubApplication[];
    }
  | {
      readonly type: 'grant-added' | 'grant-removed';
      readonly service: string;
      readonly clientele: string;
      readonly tier: Tier;
      readonly conditions: readonly Condition[];
    }
  | {
      /** The page the catalogue transcribes, or the record of its last check, changed: what answers say they come from. */
      readonly type: 'source-changed';
      readonly field: 'title' | 'publisher' | 'url' | 'checked' | 'sha256';
      readonly from: string | null;
      readonly to: string | null;
    }
  | { readonly type: 'tier-changed'; readonly service: string; readonly clientele: string; readonly from: Tier; readonly to: Tier }
  | {
      readonly type: 'conditions-changed';
      readonly service: string;
      readonly clientele: string;
      readonly added: readonly Condition[];
      readonly removed: readonly Condition[];
    };

/** How a clientele reaches a service, for the effect report. */
export interface AccessSummary {
  readonly tier: Tier;
  readonly conditions: readonly Condition[];
  readonly inherited_from: string | null;
}

/** What a change means for one clientele and one service: gained, lost, or reached differently. */
export interface Effect {
  readonly clientele: string;
  readonly service: string;
  readonly effect: 'gained' | 'lost' | 'changed';
  readonly before: readonly AccessSummary[];
  readonly after: readonly AccessSummary[];
}

/** Everything that changed in meaning from one catalogue to another. */
export interface CatalogDiff {
  readonly changes: readonly Change[];
  readonly effects: readonly Effect[];
}

const key = (value: unknown): string => JSON.stringify(value);

/** Elements of `a` not in `b`, as multisets compared by their JSON form. */
function minus<T>(a: readonly T[], b: readonly T[]): T[] {
  const counts = new Map<string, number>();
  for (const x of b) counts.set(key(x), (counts.get(key(x)) ?? 0) + 1);
  const out: T[] = [];
  for (const x of a) {
    const n = counts.get(key(x)) ?? 0;
    if (n > 0) counts.set(key(x), n - 1);
    else out.push(x);
  }
  return out;
}

function bilingual(b: Bilingual | null): Bilingual | null {
  return b === null ? null : { fr: b.fr, en: b.en };
}

// The clienteles a note concerns are a set: their order in the file means nothing, but linking or unlinking one is a change.
function note(n: Note): Note {
  return { kind: n.kind, clienteles: [...n.clienteles].sort(), fr: n.fr, en: n.en };
}

function subApplication(a: SubApplication): SubApplication {
  return { name: a.name, name_en: a.name_en, description: { fr: a.description.fr, en: a.description.en } };
}

function compareField(out: Change[], entry: EntryKind, id: string, field: string, from: string | null, to: string | null, rename: boolean): void {
  if (from === to) return;
  out.push(rename ? { type: 'renamed', entry, id, field, from, to } : { type: 'field-changed', entry, id, field, from, to });
}

function compareNames(out: Change[], entry: EntryKind, id: string, field: string, from: readonly string[], to: readonly string[]): void {
  const added = minus(to, from);
  const removed = minus(from, to);
  if (added.length > 0 || removed.length > 0) out.push({ type: 'names-changed', entry, id, field, added, removed });
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((x) => [x.id, x]));
}

/** Entries added or removed by id; `compare` reports what changed in an entry both catalogues have. */
function diffEntries<T extends { id: string; name: string }>(
  out: Change[],
  entry: EntryKind,
  a: readonly T[],
  b: readonly T[],
  compare: (old: T, now: T) => void,
): void {
  const before = byId(a);
  const after = byId(b);
  for (const x of a) if (!after.has(x.id)) out.push({ type: 'removed', entry, id: x.id, name: x.name });
  for (const x of b) {
    const old = before.get(x.id);
    if (old) compare(old, x);
    else out.push({ type: 'added', entry, id: x.id, name: x.name });
  }
}

function diffCategories(out: Change[], a: readonly Category[], b: readonly Category[]): void {
  diffEntries(out, 'category', a, b, (old, c) => {
    compareField(out, 'category', c.id, 'name', old.name, c.name, true);
    compareField(out, 'category', c.id, 'name_en', old.name_en, c.name_en, true);
  });
}

function diffClienteles(out: Change[], a: readonly Clientele[], b: readonly Clientele[]): void {
  diffEntries(out, 'clientele', a, b, (old, c) => {
    compareField(out, 'clientele', c.id, 'name', old.name, c.name, true);
    compareField(out, 'clientele', c.id, 'name_en', old.name_en, c.name_en, true);
    compareField(out, 'clientele', c.id, 'kind', old.kind, c.kind, false);
    compareField(out, 'clientele', c.id, 'parent', old.parent, c.parent, false);
    for (const field of ['forms', 'aliases', 'terms_en', 'abbreviations', 'job_titles', 'shared_terms', 'nicknames'] as const)
      compareNames(out, 'clientele', c.id, field, old[field], c[field]);
    if (key(bilingual(old.description)) !== key(bilingual(c.description))) {
      out.push({ type: 'description-changed', entry: 'clientele', id: c.id, from: bilingual(old.description), to: bilingual(c.description) });
    }
    // A clientele's note concerns the clientele itself: as a service's note, it links no one.
    const own = (n: ClienteleNote): Note => ({ kind: n.kind, clienteles: [], fr: n.fr, en: n.en });
    const notesAdded = minus(c.notes.map(own), old.notes.map(own));
    const notesRemoved = minus(old.notes.map(own), c.notes.map(own));
    if (notesAdded.length > 0 || notesRemoved.length > 0)
      out.push({ type: 'notes-changed', entry: 'clientele', id: c.id, added: notesAdded, removed: notesRemoved });
  });
}

function plain(conditions: readonly Condition[]): Condition[] {
  return conditions.map((c) => ({ fr: c.fr, en: c.en }));
}

function grantChange(type: 'grant-added' | 'grant-removed', service: string, g: Grant): Change {
  return { type, service, clientele: g.clientele, tier: g.tier, conditions: plain(g.conditions) };
}

function diffServices(out: Change[], a: readonly Service[], b: readonly Service[]): void {
  const before = byId(a);
  const after = byId(b);
  // A service that comes or goes takes its grants with it.
  for (const s of a) if (!after.has(s.id)) for (const g of s.grants) out.push(grantChange('grant-removed', s.id, g));
  for (const s of b) if (!before.has(s.id)) for (const g of s.grants) out.push(grantChange('grant-added', s.id, g));
  diffEntries(out, 'service', a, b, (old, s) => {
    compareField(out, 'service', s.id, 'name', old.name, s.name, true);
    compareField(out, 'service', s.id, 'name_en', old.name_en, s.name_en, true);
    compareField(out, 'service', s.id, 'abbreviation', old.abbreviation, s.abbreviation, true);
    compareField(out, 'service', s.id, 'name_is_descriptive', String(old.name_is_descriptive), String(s.name_is_descriptive), false);
    compareField(out, 'service', s.id, 'category', old.category, s.category, false);
    compareNames(out, 'service', s.id, 'aliases', old.aliases, s.aliases);
    compareNames(out, 'service', s.id, 'shared_terms', old.shared_terms, s.shared_terms);
    compareNames(out, 'service', s.id, 'nicknames', old.nicknames, s.nicknames);
    if (key(bilingual(old.description)) !== key(bilingual(s.description))) {
      out.push({ type: 'description-changed', entry: 'service', id: s.id, from: bilingual(old.description), to: bilingual(s.description) });
    }
    const notesAdded = minus(s.notes.map(note), old.notes.map(note));
    const notesRemoved = minus(old.notes.map(note), s.notes.map(note));
    if (notesAdded.length > 0 || notesRemoved.length > 0)
      out.push({ type: 'notes-changed', entry: 'service', id: s.id, added: notesAdded, removed: notesRemoved });
    const appsAdded = minus(s.sub_applications.map(subApplication), old.sub_applications.map(subApplication));
    const appsRemoved = minus(old.sub_applications.map(subApplication), s.sub_applications.map(subApplication));
    if (appsAdded.length > 0 || appsRemoved.length > 0)
      out.push({ type: 'sub-applications-changed', entry: 'service', id: s.id, added: appsAdded, removed: appsRemoved });
    const oldGrants = new Map(old.grants.map((g) => [g.clientele, g]));
    const newGrants = new Map(s.grants.map((g) => [g.clientele, g]));
    for (const g of old.grants) if (!newGrants.has(g.clientele)) out.push(grantChange('grant-removed', s.id, g));
    for (const g of s.grants) {
      const was = oldGrants.get(g.clientele);
      if (!was) {
        out.push(grantChange('grant-added', s.id, g));
        continue;
      }
      if (was.tier !== g.tier) out.push({ type: 'tier-changed', service: s.id, clientele: g.clientele, from: was.tier, to: g.tier });
      const added = minus(plain(g.conditions), plain(was.conditions));
      const removed = minus(plain(was.conditions), plain(g.conditions));
      if (added.length > 0 || removed.length > 0) out.push({ type: 'conditions-changed', service: s.id, clientele: g.clientele, added, removed });
    }
  });
}

function summarize(list: readonly Access[]): AccessSummary[] {
  return (
    list
      // Conditions are a set: their order in the file means nothing.
      .map((a) => ({
        tier: a.tier,
        conditions: a.conditions.map((c) => ({ fr: c.fr, en: c.en })).sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0)),
        inherited_from: a.inherited_from,
      }))
      .sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0))
  );
}

/** A clientele's ancestry as one key: its id and those of its parent, grandparent, ... (at most MAX_PARENT_DEPTH). */
function lineageKey(index: CatalogIndex, clientele: Clientele): string {
  return lineageOf(index, clientele)
    .map((c) => c.id)
    .join('\u0000');
}

/** The services each clientele holds a grant of, by clientele id. */
function servicesGranted(catalog: Catalog): Map<string, Service[]> {
  const out = new Map<string, Service[]>();
  for (const s of catalog.services) {
    for (const g of s.grants) {
      const list = out.get(g.clientele);
      if (list === undefined) out.set(g.clientele, [s]);
      else list.push(s);
    }
  }
  return out;
}

/** A grant as a comparable key: its tier and its conditions (a set). */
function grantKey(g: Grant): string {
  return key([g.tier, plain(g.conditions).map(key).sort()]);
}

/**
 * The clientele and service pairs whose access may differ between two catalogues, found from what changed
 * rather than by trying every pair (8,000 clienteles by 8,000 services took minutes): each grant added,
 * removed or changed, with the clienteles that inherit it on either side; each service or clientele that is
 * only on one side; each clientele whose line of ancestors changed, with every service any of them holds.
 */
function pairsToCompare(was: CatalogIndex, now: CatalogIndex): Map<string, readonly [clientele: string, service: string]> {
  const pairs = new Map<string, readonly [string, string]>();
  const add = (clientele: string, service: string): void => {
    pairs.set(`${clientele}\u0000${service}`, [clientele, service]);
  };
  const addHeirs = (index: CatalogIndex, clientele: string, service: string): void => {
    add(clientele, service);
    const holder = index.clienteleById.get(clientele);
    if (holder !== undefined) for (const heir of descendantsOf(index, holder)) add(heir.id, service);
  };
  const sides = [was, now] as const;
  for (const [index, other] of [sides, [now, was]] as const) {
    for (const s of index.catalog.services) {
      const theirs = other.grantOf.get(s.id);
      for (const g of s.grants) {
        const counterpart = theirs?.get(g.clientele);
        if (counterpart !== undefined && grantKey(counterpart) === grantKey(g)) continue;
        for (const side of sides) addHeirs(side, g.clientele, s.id);
      }
    }
  }
  const granted = [servicesGranted(was.catalog), servicesGranted(now.catalog)] as const;
  for (const [index, other] of [sides, [now, was]] as const) {
    for (const c of index.catalog.clienteles) {
      const counterpart = other.clienteleById.get(c.id);
      if (counterpart !== undefined && lineageKey(index, c) === lineageKey(other, counterpart)) continue;
      for (const [side, grants] of [
        [was, granted[0]],
        [now, granted[1]],
      ] as const) {
        const mine = side.clienteleById.get(c.id);
        if (mine === undefined) continue;
        for (const ancestor of lineageOf(side, mine)) for (const s of grants.get(ancestor.id) ?? []) add(c.id, s.id);
      }
    }
  }
  return pairs;
}

/** How a clientele reaches a service in a catalogue, for the effect report (none when either is not in it). */
function summaryOf(index: CatalogIndex, clientele: string, service: string): AccessSummary[] {
  const c = index.clienteleById.get(clientele);
  const s = index.serviceById.get(service);
  return c === undefined || s === undefined ? [] : summarize(accessesTo(index, c, s));
}

// Sort key that does not depend on which catalogue is "before", so that diff(B, A) mirrors diff(A, B) entry for entry.
function changeKey(c: Change): string {
  const rank = (t: Change['type']): number =>
    ({
      added: 0,
      removed: 0,
      renamed: 1,
      'field-changed': 2,
      'names-changed': 3,
      'description-changed': 4,
      'notes-changed': 5,
      'sub-applications-changed': 6,
      'grant-added': 7,
      'grant-removed': 7,
      'tier-changed': 8,
      'conditions-changed': 9,
      'source-changed': 10,
    })[t];
  const entryRank = { category: 0, clientele: 1, service: 2 } as const;
  if (c.type === 'source-changed') return `!|${c.field}`;
  if ('entry' in c) return `0|${entryRank[c.entry]}|${c.id}|${rank(c.type)}|${'field' in c ? c.field : ''}`;
  return `1|${c.service}|${c.clientele}|${rank(c.type)}`;
}

/** Compares two catalogues by meaning: ids, names, grants, conditions, notes, and the resulting access of every clientele. */
export function diffCatalogs(before: Catalog, after: Catalog): CatalogDiff {
  const changes: Change[] = [];
  for (const field of ['title', 'publisher', 'url', 'checked', 'sha256'] as const) {
    const from = before.source[field];
    const to = after.source[field];
    if (from !== to) changes.push({ type: 'source-changed', field, from, to });
  }
  diffCategories(changes, before.categories, after.categories);
  diffClienteles(changes, before.clienteles, after.clienteles);
  diffServices(changes, before.services, after.services);
  const keys = new Map(changes.map((c) => [c, changeKey(c)]));
  changes.sort((x, y) => (keys.get(x)! < keys.get(y)! ? -1 : keys.get(x)! > keys.get(y)! ? 1 : 0));

  const was = indexCatalog(before);
  const now = indexCatalog(after);
  const effects: Effect[] = [];
  for (const [clientele, service] of pairsToCompare(was, now).values()) {
    const a = summaryOf(was, clientele, service);
    const b = summaryOf(now, clientele, service);
    if (key(a) === key(b)) continue;
    effects.push({ clientele, service, effect: a.length === 0 ? 'gained' : b.length === 0 ? 'lost' : 'changed', before: a, after: b });
  }
  effects.sort((x, y) => (x.clientele < y.clientele ? -1 : x.clientele > y.clientele ? 1 : x.service < y.service ? -1 : x.service > y.service ? 1 : 0));
  return { changes, effects };
}

/** True when two catalogues mean the same thing. */
export function isEmptyDiff(diff: CatalogDiff): boolean {
  return diff.changes.length === 0 && diff.effects.length === 0;
}

/** An entry's names: the official one and the English one. */
export interface EntryNames {
  readonly name: string;
  readonly name_en: string;
}

/** The names of the entries a diff report names by id, by kind: the new catalogue's, else the old one's (an entry removed). */
export interface DiffNames {
  readonly service: ReadonlyMap<string, EntryNames>;
  readonly clientele: ReadonlyMap<string, EntryNames>;
  readonly category: ReadonlyMap<string, EntryNames>;
}

/** Names to show next to ids in a diff report, taken from whichever catalogue still has the entry. */
export function diffNames(before: Catalog, after: Catalog): DiffNames {
  const service = new Map<string, EntryNames>();
  const clientele = new Map<string, EntryNames>();
  const category = new Map<string, EntryNames>();
  const names = (e: EntryNames): EntryNames => ({ name: e.name, name_en: e.name_en });
  for (const cat of [before, after]) {
    for (const s of cat.services) service.set(s.id, names(s));
    for (const c of cat.clienteles) clientele.set(c.id, names(c));
    for (const c of cat.categories) category.set(c.id, names(c));
  }
  return { service, clientele, category };
}
