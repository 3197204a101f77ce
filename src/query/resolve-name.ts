import type { Category, Clientele, Service } from '../catalog/model';
import { normalizeName } from '../catalog/normalize-name';
import type { CatalogIndex } from './catalog-index';

/** The kinds of thing a name can stand for. */
export type EntityKind = 'service' | 'clientele' | 'category';

/** A service, clientele or category, tagged with its kind. */
export type Entity =
  | { readonly kind: 'service'; readonly entity: Service }
  | { readonly kind: 'clientele'; readonly entity: Clientele }
  | { readonly kind: 'category'; readonly entity: Category };

/** A candidate offered when a name does not resolve. */
export interface Suggestion {
  readonly kind: EntityKind;
  readonly id: string;
  readonly name: string;
  readonly name_en: string;
}

/** The outcome of resolving a name: exactly one entity, or why not with ranked suggestions. */
export type Resolution =
  | { readonly ok: true; readonly found: Entity }
  | { readonly ok: false; readonly reason: 'unknown' | 'ambiguous'; readonly input: string; readonly suggestions: readonly Suggestion[] };

/** How many suggestions an unresolved name gets at most. */
export const MAX_SUGGESTIONS = 5;

interface NameEntry {
  readonly key: string;
  readonly words: readonly string[];
  readonly found: Entity;
}

const nameTables = new WeakMap<CatalogIndex, readonly NameEntry[]>();

/** Every name each entity answers to: id, official name, forms, variants, English names and words, abbreviations. */
export function namesOf(found: Entity): string[] {
  switch (found.kind) {
    case 'service': {
      const s = found.entity;
      return [s.id, s.name, s.name_en, ...(s.abbreviation === null ? [] : [s.abbreviation]), ...s.aliases];
    }
    case 'clientele': {
      const c = found.entity;
      return [c.id, c.name, c.name_en, ...c.forms, ...c.aliases, ...c.terms_en, ...c.abbreviations];
    }
    case 'category': {
      const c = found.entity;
      return [c.id, c.name, c.name_en];
    }
  }
}

/** One normalised name of the catalogue: its key, and the kind and id of what it names. */
export type NameKey = readonly [key: string, kind: EntityKind, id: string];

const primedKeys = new WeakMap<CatalogIndex, readonly NameKey[]>();

/** Every service, clientele and category of a catalogue, tagged with its kind, in that order. */
export function entitiesOf(index: CatalogIndex): Entity[] {
  return [
    ...index.catalog.services.map((entity): Entity => ({ kind: 'service', entity })),
    ...index.catalog.clienteles.map((entity): Entity => ({ kind: 'clientele', entity })),
    ...index.catalog.categories.map((entity): Entity => ({ kind: 'category', entity })),
  ];
}

/** Every normalised name of a catalogue; the build stores them with the prepared catalogue so that a start-up need not compute them. */
export function computeNameKeys(index: CatalogIndex): NameKey[] {
  const keys: NameKey[] = [];
  for (const found of entitiesOf(index)) {
    const seen = new Set<string>();
    for (const name of namesOf(found)) {
      const key = normalizeName(name);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      keys.push([key, found.kind, found.entity.id]);
    }
  }
  return keys;
}

/** Supplies the normalised names computed at build time for a catalogue. */
export function primeNameKeys(index: CatalogIndex, keys: readonly NameKey[]): void {
  primedKeys.set(index, keys);
}

function nameKeysOf(index: CatalogIndex): readonly NameKey[] {
  let keys = primedKeys.get(index);
  if (!keys) {
    keys = computeNameKeys(index);
    primedKeys.set(index, keys);
  }
  return keys;
}

function entityOf(index: CatalogIndex, kind: EntityKind, id: string): Entity | null {
  switch (kind) {
    case 'service': {
      const entity = index.serviceById.get(id);
      return entity ? { kind, entity } : null;
    }
    case 'clientele': {
      const entity = index.clienteleById.get(id);
      return entity ? { kind, entity } : null;
    }
    case 'category': {
      const entity = index.categoryById.get(id);
      return entity ? { kind, entity } : null;
    }
  }
}

function nameTable(index: CatalogIndex): readonly NameEntry[] {
  const cached = nameTables.get(index);
  if (cached) return cached;
  const table: NameEntry[] = [];
  for (const [key, kind, id] of nameKeysOf(index)) {
    const found = entityOf(index, kind, id);
    if (found) table.push({ key, words: key.split(/[\s']+/).filter(Boolean), found });
  }
  nameTables.set(index, table);
  return table;
}

function sameEntity(a: Entity, b: Entity): boolean {
  return a.kind === b.kind && a.entity.id === b.entity.id;
}

function toSuggestion(found: Entity): Suggestion {
  return { kind: found.kind, id: found.entity.id, name: found.entity.name, name_en: found.entity.name_en };
}

/**
 * Resolves a name as people type it to exactly one entity of the given kinds.
 * Only an exact match (after normalisation) resolves; anything else is an
 * error with suggestions, because a guessed answer about access could be wrong.
 */
export function resolveName(index: CatalogIndex, input: string, kinds: readonly EntityKind[]): Resolution {
  const memo = memoOf(index);
  const memoKey = `${kinds.join(',')}\u0000${input}`;
  const known = memo.get(memoKey);
  if (known) return known;
  const resolution = resolveUncached(index, input, kinds);
  // Scripts ask about the same few names again and again (batch mode); bound the memo so that odd input cannot grow it forever.
  if (memo.size >= 10_000) memo.clear();
  memo.set(memoKey, resolution);
  return resolution;
}

const memos = new WeakMap<CatalogIndex, Map<string, Resolution>>();
const exactTables = new WeakMap<CatalogIndex, Map<string, Entity[]>>();

function memoOf(index: CatalogIndex): Map<string, Resolution> {
  let memo = memos.get(index);
  if (!memo) {
    memo = new Map();
    memos.set(index, memo);
  }
  return memo;
}

function exactTable(index: CatalogIndex): Map<string, Entity[]> {
  let table = exactTables.get(index);
  if (!table) {
    table = new Map();
    for (const [key, kind, id] of nameKeysOf(index)) {
      const found = entityOf(index, kind, id);
      if (!found) continue;
      const list = table.get(key) ?? [];
      if (!list.some((f) => sameEntity(f, found))) list.push(found);
      table.set(key, list);
    }
    exactTables.set(index, table);
  }
  return table;
}

function resolveUncached(index: CatalogIndex, input: string, kinds: readonly EntityKind[]): Resolution {
  const key = normalizeName(input);
  const exact = (exactTable(index).get(key) ?? []).filter((f) => kinds.includes(f.kind));
  if (exact.length === 1 && exact[0] !== undefined) return { ok: true, found: exact[0] };
  if (exact.length > 1) return { ok: false, reason: 'ambiguous', input, suggestions: exact.slice(0, MAX_SUGGESTIONS).map(toSuggestion) };
  return suggest(
    nameTable(index).filter((e) => kinds.includes(e.found.kind)),
    input,
    key,
  );
}

function suggest(table: readonly NameEntry[], input: string, key: string): Resolution {
  const words = key.split(/[\s']+/).filter(Boolean);
  const best = new Map<string, { found: Entity; score: number }>();
  let wholeWordMatches = 0;
  const counted = new Set<string>();
  for (const entry of table) {
    const score = scoreEntry(entry, key, words);
    if (score <= 0) continue;
    const id = `${entry.found.kind}:${entry.found.entity.id}`;
    if (score >= 100 && !counted.has(id)) {
      counted.add(id);
      wholeWordMatches++;
    }
    const previous = best.get(id);
    if (!previous || previous.score < score) best.set(id, { found: entry.found, score });
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score || a.found.entity.id.localeCompare(b.found.entity.id));
  return {
    ok: false,
    reason: wholeWordMatches > 1 ? 'ambiguous' : 'unknown',
    input,
    suggestions: ranked.slice(0, MAX_SUGGESTIONS).map((r) => toSuggestion(r.found)),
  };
}

// 100+ when every typed word is a word of the name (the name contains what was typed); less for prefixes and near spellings.
function scoreEntry(entry: NameEntry, key: string, words: readonly string[]): number {
  if (words.length === 0) return 0;
  if (words.every((w) => entry.words.includes(w))) return 200 - (entry.words.length - words.length);
  if (words.every((w) => entry.words.some((n) => n.startsWith(w)))) return 90 - (entry.words.length - words.length);
  const distance = editDistance(key, entry.key);
  const allowed = Math.max(1, Math.floor(key.length / 4));
  if (distance <= allowed) return 80 - distance;
  let near = 0;
  for (const w of words) {
    if (w.length < 4) continue;
    const closest = Math.min(...entry.words.map((n) => editDistance(w, n)));
    if (closest <= Math.max(1, Math.floor(w.length / 4))) near++;
  }
  return near > 0 ? 40 + near - entry.words.length / 100 : 0;
}

/** Optimal string alignment distance, with an early exit for long strings. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  // A name is never this long; a pasted paragraph is not worth a quadratic table.
  if (a.length > 200 || b.length > 200) return Math.max(a.length, b.length);
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      const prev = d[i - 1]!;
      let value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      row[j] = value;
    }
  }
  return d[rows - 1]![cols - 1]!;
}
