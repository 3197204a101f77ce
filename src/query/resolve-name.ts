import type { Category, Clientele, Condition, Service, SubApplication } from '../catalog/model';
import { deepFreeze } from '../catalog/freeze';
import { INVISIBLE_CLASS } from '../catalog/invisible-characters';
import { normalizeName } from '../catalog/normalize-name';
import type { CatalogIndex } from './catalog-index';
import { pluralsOf } from './inflect';
import { isWholeWord, meaningWords, spelledWords, withoutLanguageWords } from './name-words';
import { boundedDistance, MAX_SUGGESTIONS, SUGGESTION_FLOOR, tokenSimilarity, wordMatch } from '../catalog/similarity';

/** The kinds of thing a name can stand for. */
export type EntityKind = 'service' | 'clientele' | 'category';

/** A service, clientele or category, tagged with its kind; `Entity<'clientele'>` is a clientele only. */
export type Entity<K extends EntityKind = EntityKind> = Extract<
  | { readonly kind: 'service'; readonly entity: Service }
  | { readonly kind: 'clientele'; readonly entity: Clientele }
  | { readonly kind: 'category'; readonly entity: Category },
  { readonly kind: K }
>;

/** A candidate offered when a name does not resolve. */
export interface Suggestion {
  readonly kind: EntityKind;
  readonly id: string;
  readonly name: string;
  readonly name_en: string;
}

/**
 * The outcome of resolving a name: exactly one entity (with the grant
 * condition the name carried, for a clientele named as the page lists it:
 * "Audioprothésiste (accès aux états de compte seulement)"), or why not with
 * ranked suggestions. `Resolution<'clientele'>` finds a clientele only: what is asked for is what comes back.
 */
export type Resolution<K extends EntityKind = EntityKind> =
  | { readonly ok: true; readonly found: Entity<K>; readonly condition: Condition | null; readonly by_words: WordReading | null }
  | { readonly ok: false; readonly reason: 'unknown' | 'ambiguous' | 'too-long'; readonly input: string; readonly suggestions: readonly Suggestion[] };

/**
 * How a name that is none of the entity's names was read: its words occur in
 * the names of this entity only (or of one application it holds, named here),
 * of all the entries of every kind.
 */
export interface WordReading {
  readonly sub_application: SubApplication | null;
}

/**
 * The longest name a question may give, in characters. The longest exact
 * form in the catalogue (a clientele's label with its longest condition) is
 * under 200; past this, a text is not a name and is refused before any
 * look-up, so that a pasted document costs nothing.
 */
export const MAX_NAME_LENGTH = 300;

export { MAX_SUGGESTIONS } from '../catalog/similarity';

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

/** Everyday words that name this entity among others (médecin, infirmière): they never resolve alone. */
function sharedTermsOf(found: Entity): readonly string[] {
  return found.kind === 'category' ? [] : found.entity.shared_terms;
}

/** The words people use for this entity that never resolve: its shared terms, and a clientele's job titles. */
function termsOf(found: Entity): readonly string[] {
  return found.kind === 'clientele' ? [...found.entity.shared_terms, ...found.entity.job_titles] : sharedTermsOf(found);
}

/** One normalised name of the catalogue: its key, and the kind and id of what it names. */
export type NameKey = readonly [key: string, kind: EntityKind, id: string];

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

const primedKeys = new WeakMap<CatalogIndex, readonly NameKey[]>();

/** Supplies the normalised names computed at build time for a catalogue. */
export function primeNameKeys(index: CatalogIndex, keys: readonly NameKey[]): void {
  primedKeys.set(index, keys);
}

/** The catalogue's normalised names: the build's, or computed once (a catalogue not from the build). */
export function nameKeysOf(index: CatalogIndex): readonly NameKey[] {
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

function sameEntity(a: Entity, b: Entity): boolean {
  return a.kind === b.kind && a.entity.id === b.entity.id;
}

/** A candidate as errors list it. */
export function toSuggestion(found: Entity): Suggestion {
  return { kind: found.kind, id: found.entity.id, name: found.entity.name, name_en: found.entity.name_en };
}

/** One name of an entity, split into words. */
interface NameEntry {
  readonly key: string;
  readonly words: readonly string[];
  /** Each word's number in `NameTables.words`. */
  readonly wordIds: readonly number[];
  /** The numbers of its words that are not the language's ("service", "en ligne", "de la"): what suggestions compare. */
  readonly meaningIds: readonly number[];
  readonly found: Entity;
  /** A shared term or job title, not a name. */
  readonly term: boolean;
}

/** The look-up tables of a catalogue's names, built once per catalogue. */
interface NameTables {
  /** Each normalised name, and every entity it names. */
  readonly exact: ReadonlyMap<string, readonly Entity[]>;
  /** The plurals of each word of a name (French and English). */
  readonly plurals: ReadonlyMap<string, ReadonlySet<string>>;
  /** Each shared term and job title, and every entity that has it. */
  readonly shared: ReadonlyMap<string, readonly Entity[]>;
  /** Each clientele's own grant conditions by normalised text (French and English). */
  readonly conditions: ReadonlyMap<string, ReadonlyMap<string, Condition>>;
  readonly entries: readonly NameEntry[];
  /** Shared terms and job titles as entries, for their plurals, and for suggestions. */
  readonly sharedEntries: readonly NameEntry[];
  /** The entries (and shared-term entries) by each word their first word may be typed as (itself or a plural): a name is looked for among a few, not all. */
  readonly entriesByFirst: ReadonlyMap<string, readonly NameEntry[]>;
  readonly sharedByFirst: ReadonlyMap<string, readonly NameEntry[]>;
  /** Each clientele's own grant conditions (see conditions) by their last word, for a label followed by one. */
  readonly conditionsByLast: ReadonlyMap<string, readonly (readonly [id: string, text: string, condition: Condition])[]>;
  /** Every distinct word of every name. */
  readonly words: readonly string[];
  /** Position of each entity in `entitiesOf` (services, clienteles, categories in catalogue order), for ties. */
  readonly order: ReadonlyMap<Entity['entity'], number>;
}

const tables = new WeakMap<CatalogIndex, NameTables>();

function wordsOfKey(key: string): string[] {
  return key.split(' ').filter(Boolean);
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V, same: (a: V, b: V) => boolean): void {
  const list = map.get(key) ?? [];
  if (!list.some((v) => same(v, value))) list.push(value);
  map.set(key, list);
}

function tablesOf(index: CatalogIndex): NameTables {
  const cached = tables.get(index);
  if (cached) return cached;
  const exact = exactTable(index);
  const wordIds = new Map<string, number>();
  const idOf = (w: string): number => {
    let id = wordIds.get(w);
    if (id === undefined) {
      id = wordIds.size;
      wordIds.set(w, id);
    }
    return id;
  };
  const entry = (key: string, found: Entity, term: boolean): NameEntry => {
    const words = wordsOfKey(key);
    return { key, words, wordIds: words.map(idOf), meaningIds: wordsOfKey(withoutLanguageWords(key)).map(idOf), found, term };
  };
  const entries: NameEntry[] = [];
  for (const [key, kind, id] of nameKeysOf(index)) {
    const found = entityOf(index, kind, id);
    if (found) entries.push(entry(key, found, false));
  }
  const shared = new Map<string, Entity[]>();
  const sharedEntries: NameEntry[] = [];
  const order = new Map<Entity['entity'], number>();
  entitiesOf(index).forEach((found, i) => {
    order.set(found.entity, i);
    for (const term of termsOf(found)) {
      const key = normalizeName(term);
      addTo(shared, key, found, sameEntity);
      sharedEntries.push(entry(key, found, true));
    }
  });
  const conditions = new Map<string, Map<string, Condition>>();
  for (const service of index.catalog.services) {
    for (const grant of service.grants) {
      for (const condition of grant.conditions) {
        const mine = conditions.get(grant.clientele) ?? new Map<string, Condition>();
        for (const text of [condition.fr, condition.en]) mine.set(normalizeName(text), condition);
        conditions.set(grant.clientele, mine);
      }
    }
  }
  const words = [...wordIds.keys()];
  const plurals = new Map(words.map((w) => [w, new Set(pluralsOf(w))] as const));
  const byFirst = (list: readonly NameEntry[]): Map<string, NameEntry[]> => {
    const out = new Map<string, NameEntry[]>();
    for (const e of list) {
      const first = e.words[0] ?? '';
      for (const w of new Set([first, ...(plurals.get(first) ?? [])])) {
        const list = out.get(w);
        if (list === undefined) out.set(w, [e]);
        else list.push(e);
      }
    }
    return out;
  };
  const conditionsByLast = new Map<string, (readonly [string, string, Condition])[]>();
  for (const [id, mine] of conditions) {
    for (const [text, condition] of mine) {
      const last = text.slice(text.lastIndexOf(' ') + 1);
      const list = conditionsByLast.get(last);
      if (list === undefined) conditionsByLast.set(last, [[id, text, condition]]);
      else list.push([id, text, condition]);
    }
  }
  const built: NameTables = {
    exact,
    plurals,
    shared,
    conditions,
    entries,
    sharedEntries,
    entriesByFirst: byFirst(entries),
    sharedByFirst: byFirst(sharedEntries),
    conditionsByLast,
    words,
    order,
  };
  tables.set(index, built);
  return built;
}

/**
 * Whether typed words are the words of a name, each as it is or in the plural, or (`singular`) in the singular
 * where the name has the plural ("plan régional" for "Plans régionaux").
 */
function samePlural(t: NameTables, typed: readonly string[], entry: NameEntry, singular = false): boolean {
  if (typed.length !== entry.words.length) return false;
  return typed.every((w, i) => {
    const word = entry.words[i]!;
    // A singular of three letters at least: "IP" is no singular of "IPS".
    return w === word || t.plurals.get(word)?.has(w) === true || (singular && w.length > 2 && pluralsOf(w).includes(word));
  });
}

/** The names whose first word may be the first typed word: as it is, its plural, or (`singular`) its singular. */
function entriesStartingWith(byFirst: ReadonlyMap<string, readonly NameEntry[]>, first: string, singular: boolean): readonly NameEntry[] {
  const own = byFirst.get(first) ?? [];
  if (!singular) return own;
  const out = [...own];
  for (const plural of pluralsOf(first)) for (const e of byFirst.get(plural) ?? []) if (!out.includes(e)) out.push(e);
  return out;
}

/**
 * Resolves a name as people type it to exactly one entity of the given kinds.
 * Only exact forms resolve: a name of the catalogue (case, accents,
 * apostrophes, dashes and spaces aside), its plural, a service's name with
 * its abbreviation in parentheses, a heading of the page ("Qui a accès au
 * service en ligne X ?"), a clientele's label followed by one of its own
 * grant conditions. Anything else is an error with suggestions, because a
 * guessed answer about access could be wrong. The kinds asked for type what is found:
 * `resolveName(index, name, ['clientele'])` is a `Resolution<'clientele'>`.
 */
export function resolveName<K extends EntityKind>(index: CatalogIndex, input: string, kinds: readonly K[], options?: ResolveOptions): Resolution<K>;
// Every entity found is of one of the kinds asked for (namedBy filters by kind), which the signature above says.
export function resolveName(index: CatalogIndex, input: string, kinds: readonly EntityKind[], options: ResolveOptions = {}): Resolution {
  if (input.length > MAX_NAME_LENGTH) return { ok: false, reason: 'too-long', input, suggestions: [] };
  const ranked = options.suggestions !== false;
  const memo = memoOf(index);
  const memoKey = `${kinds.join(',')}${ranked ? '' : '\u0001'}${options.exact === true ? '\u0002' : ''}\u0000${input}`;
  const known = memo.get(memoKey);
  if (known) return known;
  // The memo hands the same answer to every later caller: frozen, so that no caller can change it for the next.
  const resolution = deepFreeze(resolveUncached(index, input, kinds, options));
  // Only a name that resolves to nothing is kept: ranking its near names is what costs (a batch repeating one
  // misspelt name took 8 times as long without it), while a name that resolves is cheaper to resolve again
  // than to keep (keeping those too cost a batch of distinct spellings 3-20 % of its time: docs/benchmarks.md).
  if (resolution.ok) return resolution;
  // Bounded, so that odd input cannot grow it forever.
  if (memo.size >= 10_000) memo.clear();
  memo.set(memoKey, resolution);
  return resolution;
}

/** How resolveName answers. */
export interface ResolveOptions {
  /** False: an unknown name gets no ranked near names (a check of many unknown names ranks only the first few). */
  readonly suggestions?: boolean;
  /**
   * True: only the exact forms of names resolve, not a name read by its words (check-source compares the
   * page's names with the catalogue's: a shortened name on the page is a change to report, not a match).
   * With `suggestions: false` as well, a name that is not one is 'unknown', never 'ambiguous' (nothing is ranked).
   */
  readonly exact?: boolean;
}

/** The last names (at most 10,000) that resolved to nothing, with their answer, per catalogue. */
const memos = new WeakMap<CatalogIndex, Map<string, Resolution>>();

function memoOf(index: CatalogIndex): Map<string, Resolution> {
  let memo = memos.get(index);
  if (!memo) {
    memo = new Map();
    memos.set(index, memo);
  }
  return memo;
}

/** A reading of the typed name: the entity, and the condition it carried. */
interface Reading {
  readonly found: Entity;
  readonly condition: Condition | null;
}

/**
 * The entities a key names exactly, or with some of its words in the plural ("Infirmiers praticiens spécialisés",
 * "pharmacists"), or (`singular`) in the singular where the name has the plural ("Plan régional d'effectifs médicaux").
 */
function namedBy(t: NameTables, key: string, kinds: readonly EntityKind[], singular = false): Entity[] {
  const direct = (t.exact.get(key) ?? []).filter((f) => kinds.includes(f.kind));
  if (direct.length > 0) return direct;
  const typed = wordsOfKey(key);
  const out: Entity[] = [];
  for (const e of entriesStartingWith(t.entriesByFirst, typed[0] ?? '', singular))
    if (kinds.includes(e.found.kind) && samePlural(t, typed, e, singular)) addEntity(out, e.found);
  return out;
}

function addEntity(list: Entity[], found: Entity): void {
  if (!list.some((f) => sameEntity(f, found))) list.push(found);
}

/** Splits "Name (inner)" into its two parts; the inner part may hold parentheses of its own ("member of a family medicine group (GMF)"). */
function splitParentheses(key: string): [base: string, inner: string] | null {
  if (!key.endsWith(')')) return null;
  let depth = 0;
  for (let i = key.length - 1; i >= 0; i--) {
    if (key[i] === ')') depth++;
    else if (key[i] === '(' && --depth === 0) {
      const base = key.slice(0, i).trim();
      const inner = key.slice(i + 1, -1).trim();
      return base === '' || inner === '' ? null : [base, inner];
    }
  }
  return null;
}

/** How the page introduces an access list: "Qui a accès au service en ligne X ?", "Qui a accès à la X ?", "Qui a accès au X ?". */
const HEADING = /^qui (?:a|ont|peut|peuvent) (?:acces|avoir acces|acceder) (?:a l'|a la |a les |aux |au |a )(.+)$/;
const SERVICE_WORDS = /^(?:service en ligne |services en ligne |service |services )(.+)$/;
const ARTICLE = /^(?:la |le |les |l'|des |du |de |d')(.+)$/;

/** The names a heading of the page may stand for, longest first ("service en ligne des dma", "des dma", "dma"). */
function headingNames(key: string): string[] {
  const m = HEADING.exec(key);
  if (!m) return [];
  const out = [m[1]!];
  const bare = SERVICE_WORDS.exec(m[1]!)?.[1];
  if (bare !== undefined) out.push(bare);
  for (const name of [...out]) {
    const noArticle = ARTICLE.exec(name)?.[1];
    if (noArticle !== undefined) out.push(noArticle);
  }
  return out;
}

/** An article before a name ("la Messagerie sécurisée", "le podiatre", "the GP"). */
const LEADING_ARTICLE = /^(?:la |le |les |l'|the )(.+)$/;
/** How running text names a service: "le service en ligne X", "les services en ligne X", "service X". */
const SERVICE_PREFIX = /^(?:services? en ligne|services?|online services?) (.+)$/;
/** "X service", "X online service", as English says it. */
const SERVICE_SUFFIX = /^(.+?) (?:online )?services?$/;

/**
 * The names a text may stand for once the words that introduce a name in a sentence are set aside, each with
 * the kinds it may be: an article ("la Messagerie sécurisée", "le podiatre"), and for a service "service en
 * ligne" before it or "online service" after it (the page writes "le service en ligne Mon dossier", "Les
 * services en ligne Établissements du réseau de la santé").
 */
function introducedNames(key: string, kinds: readonly EntityKind[]): [name: string, kinds: readonly EntityKind[]][] {
  const out: [string, readonly EntityKind[]][] = [];
  const bare = LEADING_ARTICLE.exec(key)?.[1];
  if (bare !== undefined) out.push([bare, kinds]);
  if (!kinds.includes('service')) return out;
  for (const text of bare === undefined ? [key] : [key, bare]) {
    const after = SERVICE_PREFIX.exec(text)?.[1];
    if (after !== undefined) out.push([after, ['service']], [LEADING_ARTICLE.exec(after)?.[1] ?? after, ['service']]);
    const before = SERVICE_SUFFIX.exec(text)?.[1];
    if (before !== undefined) out.push([before, ['service']]);
  }
  return out;
}

function readings(t: NameTables, key: string, kinds: readonly EntityKind[], exact: boolean): Reading[] {
  const plain = namedBy(t, key, kinds).map((found) => ({ found, condition: null }));
  if (plain.length > 0) return plain;
  const out: Reading[] = [];
  // Beyond the names as the page writes them (what an exact comparison keeps to): a name of a service or clientele
  // in the singular, and a name as a sentence introduces it ("le service en ligne X": a service only). A category
  // is an option's value (--category), one of a fixed set, taken as written.
  const loose = kinds.filter((k) => k !== 'category');
  if (!exact && loose.length > 0) {
    const singular = namedBy(t, key, loose, true).map((found) => ({ found, condition: null }));
    if (singular.length > 0) return singular;
    for (const [name, mayBe] of introducedNames(key, loose)) for (const found of namedBy(t, name, mayBe, true)) out.push({ found, condition: null });
    if (out.length > 0) return out;
  }
  // A heading of the page.
  for (const name of headingNames(key)) out.push(...namedBy(t, name, kinds).map((found) => ({ found, condition: null })));
  const paren = splitParentheses(key);
  if (paren) {
    const [base, innerKey] = paren;
    for (const found of namedBy(t, base, kinds)) {
      // "Name (ABBR)", "ABBR (Name)": both parts name the same entity.
      if (namedBy(t, innerKey, [found.kind]).some((f) => sameEntity(f, found))) out.push({ found, condition: null });
      // A clientele's label as the page lists it, with one of its own grant conditions.
      const condition = found.kind === 'clientele' ? t.conditions.get(found.entity.id)?.get(innerKey) : undefined;
      if (condition !== undefined) out.push({ found, condition });
    }
  }
  // A clientele's label followed by a condition ("Médecin omnipraticien ou omnipraticienne membre d'un GMF").
  if (kinds.includes('clientele')) {
    for (const [id, text, condition] of t.conditionsByLast.get(key.slice(key.lastIndexOf(' ') + 1)) ?? []) {
      if (!key.endsWith(` ${text}`)) continue;
      const base = key
        .slice(0, -text.length)
        .replace(/[\s,;:]+$/, '')
        .trim();
      for (const found of namedBy(t, base, ['clientele'])) if (found.entity.id === id) out.push({ found, condition });
    }
  }
  return out;
}

const exactTables = new WeakMap<CatalogIndex, Map<string, Entity[]>>();

/** Each normalised name and what it names: all a name typed exactly needs, so that the common case builds no other table at start-up. */
function exactTable(index: CatalogIndex): Map<string, Entity[]> {
  let exact = exactTables.get(index);
  if (!exact) {
    exact = new Map();
    for (const [key, kind, id] of nameKeysOf(index)) {
      const found = entityOf(index, kind, id);
      if (found) addTo(exact, key, found, sameEntity);
    }
    exactTables.set(index, exact);
  }
  return exact;
}

function resolveUncached(index: CatalogIndex, input: string, kinds: readonly EntityKind[], options: ResolveOptions): Resolution {
  const key = normalizeName(input).replace(/[\s?!.:;,]+$/, '');
  const exact = (exactTable(index).get(key) ?? []).filter((f) => kinds.includes(f.kind));
  if (exact.length === 1) return { ok: true, found: exact[0]!, condition: null, by_words: null };
  if (exact.length > 1) return { ok: false, reason: 'ambiguous', input, suggestions: exact.map(toSuggestion) };
  const t = tablesOf(index);
  const found: Reading[] = [];
  for (const r of readings(t, key, kinds, options.exact === true)) if (!found.some((f) => sameEntity(f.found, r.found))) found.push(r);
  if (found.length === 1) return { ok: true, found: found[0]!.found, condition: found[0]!.condition, by_words: null };
  if (found.length > 1) return { ok: false, reason: 'ambiguous', input, suggestions: found.map((r) => toSuggestion(r.found)) };
  // Past this point an exact comparison resolves nothing: without suggestions to rank it is unknown, and the word
  // tables (a quarter of check-source's time when it built them for every item) are never needed.
  if (options.exact === true && options.suggestions === false) return { ok: false, reason: 'unknown', input, suggestions: [] };
  // The words that say what the name names; a heading of the page gives them after its question.
  const words = meaningWords(HEADING.exec(key)?.[1] ?? input);
  const w = wordTablesOf(index);
  const typed = wordsOfKey(key);
  // A word people use for several things, or for some of the people of a group (a shared term, a job title), or
  // its plural, or a part of one of the kinds asked ("adjoint administratif"): every entry that has it, of every
  // kind, and every entry of the kinds asked whose names hold its words (or one of whose names it is a typo of),
  // and no answer. (A part of a clientele's job title, "facturation" of "agent de facturation", is no reason to
  // list the clientele for a service.)
  const terms: Entity[] = [];
  for (const f of t.shared.get(key) ?? []) addEntity(terms, f);
  for (const e of t.sharedByFirst.get(typed[0] ?? '') ?? []) if (samePlural(t, typed, e)) addEntity(terms, e.found);
  for (const e of within(w.termsByWord, words)) if (kinds.includes(e.found.kind)) addEntity(terms, e.found);
  if (terms.some((f) => kinds.includes(f.kind))) {
    const holders = holdersOf(w, words, kinds, terms).filter((h) => h.why === 'term' || kinds.includes(h.found.kind));
    addTypos(t, key, holders, kinds);
    const all = rankHolders(t, w, key, words, kinds, holders);
    return { ok: false, reason: all.length > 1 ? 'ambiguous' : 'unknown', input, suggestions: all.map(toSuggestion) };
  }
  // A cut-off word ("podiatr") is a near miss to suggest, not a word to read the name by; and a name with a
  // character that shows nothing or reorders the text ("\u202eSELAT", a control) is not read by its words either:
  // what the words would be is not what the person sees.
  let single: Entity | null = null;
  if (options.exact !== true && !HIDDEN_OR_CONTROL.test(input) && spelledWords(HEADING.exec(key)?.[1] ?? input).every((word) => isWholeWord(word, w.spelled))) {
    // A name of an entry of another kind ("Inscription des patients", a category) is that entry's before it is words
    // of texts: only names of the kinds asked make it ambiguous.
    const otherKind = t.exact.has(key);
    const holders = holdersOf(w, words, kinds, terms).filter((h) => !otherKind || h.why === 'name' || h.why === 'term' || h.why === 'id');
    // A word one edit from a name or term of another entry may be that one mistyped ("chirurgie", "chirurgien"): it is a reading too.
    if (holders.length > 0) addTypos(t, key, holders, ALL_KINDS);
    const asked = holders.filter((h) => kinds.includes(h.found.kind));
    // A name that only one entry can mean, by a name of it (or a name and one of its texts), is that entry.
    const lead = asked[0];
    if (holders.length === 1 && lead !== undefined && (lead.why === 'name' || lead.why === 'name-text')) {
      return { ok: true, found: lead.found, condition: lead.condition, by_words: { sub_application: lead.sub } };
    }
    if (holders.length > 1 && asked.length > 0) {
      return { ok: false, reason: 'ambiguous', input, suggestions: rankHolders(t, w, key, words, kinds, holders).map(toSuggestion) };
    }
    // One entry only holds the words, but not by a name (an id, a text): it comes first among the suggestions.
    if (lead !== undefined) single = lead.found;
  }
  if (options.suggestions === false) return { ok: false, reason: 'unknown', input, suggestions: [] };
  const suggested = suggest(t, w, input, key, words, kinds);
  // A nickname of ours ("AMM") is never an answer, but its entry comes first, before the names spelt like it; so
  // does the one entry whose texts hold the words, after the names one edit away (a typo of a name is that name first).
  if (suggested.ok) return suggested;
  const nicknamed = (w.nicknames.get(key) ?? []).filter((f) => kinds.includes(f.kind)).map(toSuggestion);
  const same = (a: Suggestion, b: Suggestion): boolean => a.kind === b.kind && a.id === b.id;
  let list = [...nicknamed, ...suggested.suggestions.filter((s) => !nicknamed.some((f) => same(f, s)))];
  if (single !== null) {
    const held = toSuggestion(single);
    const others = list.filter((s) => !same(s, held));
    let at = nicknamed.length;
    while (at < others.length && oneEditFrom(t, key, others[at]!.kind, others[at]!.id)) at++;
    list = [...others.slice(0, at), held, ...others.slice(at)];
  }
  if (list.length === suggested.suggestions.length && list.every((s, i) => same(s, suggested.suggestions[i]!))) return suggested;
  return { ...suggested, suggestions: list.slice(0, Math.max(MAX_SUGGESTIONS, nicknamed.length + 1)) };
}

/** A character that shows nothing, changes how the text around it shows, or is a control: a name holding one is never read by its words. */
const HIDDEN_OR_CONTROL = new RegExp(`[${INVISIBLE_CLASS}\\p{Cc}]`, 'u');

/** One name of an entry, or of an application inside a service, as its meaningful words (see meaningWords). */
interface WordsEntry {
  readonly words: ReadonlySet<string>;
  /** The entity the name leads to: the entry itself, or the service that holds the application. */
  readonly found: Entity;
  /** The application the name is of, or null for the entry's own name. */
  readonly sub: SubApplication | null;
}

/**
 * One text the catalogue gives an entry besides its names: a description, a note, a grant condition, an
 * application's description. The page's texts speak of things by words that are not names ("le registre des
 * DMA"): a name whose words a text of another entry holds as well is no longer the first entry's alone.
 */
interface TextEntry extends WordsEntry {
  /** Whether the text may complete a reading by a name; a note on naming says what the entry is not ("the tab is not this service"). */
  readonly leads: boolean;
  /**
   * Whether the text alone makes its entry a reading of words it holds. A clientele's grant condition does not:
   * it is the service's text (and a reading of the service), and says of the clientele only what it adds to a
   * name of it ("médecin" with "membre d'un GMF"); five professions are not read from "établissement" because
   * their grant of one service asks for a signer with access to Établissements du réseau de la santé.
   */
  readonly holds: boolean;
  /** The grant condition the text is, for a clientele's own condition: a name read with it carries it. */
  readonly condition: Condition | null;
}

/** The look-up tables of the unique-containment rule, built on the first name that needs them. */
interface WordTables {
  /** The names of every entry and application by each of their words. */
  readonly byWord: ReadonlyMap<string, readonly WordsEntry[]>;
  /** The ids of every entry by each of their words: they never lead to an entry, they only make a name ambiguous. */
  readonly idsByWord: ReadonlyMap<string, readonly WordsEntry[]>;
  /** The shared terms and job titles by each of their words. */
  readonly termsByWord: ReadonlyMap<string, readonly WordsEntry[]>;
  /** The texts of every entry by each of their words. */
  readonly textsByWord: ReadonlyMap<string, readonly TextEntry[]>;
  /** Each entry's names and shared terms, and its texts that may complete a reading by one of them. */
  readonly namesOf: ReadonlyMap<Entity['entity'], readonly WordsEntry[]>;
  readonly textsOf: ReadonlyMap<Entity['entity'], readonly TextEntry[]>;
  /** Each nickname (normalised), and every entry that has it. */
  readonly nicknames: ReadonlyMap<string, readonly Entity[]>;
  /** Every meaningful word of the names, terms and texts as spelt (normalised): the words that are not cut off. */
  readonly spelled: ReadonlySet<string>;
  /**
   * The words that every clientele of a family (a clientele and its specialisations) has in its official name,
   * and no other entry in any name, with the family: "candidat" says the person is a candidate, not yet an IPS.
   */
  readonly familyWords: ReadonlyMap<string, ReadonlySet<Entity['entity']>>;
}

const wordTables = new WeakMap<CatalogIndex, WordTables>();

function byEachWord<E extends WordsEntry>(entries: readonly E[]): Map<string, E[]> {
  const out = new Map<string, E[]>();
  for (const e of entries) {
    for (const word of e.words) {
      const list = out.get(word);
      if (list === undefined) out.set(word, [e]);
      else list.push(e);
    }
  }
  return out;
}

function groupByEntity<E extends WordsEntry>(entries: readonly E[]): Map<Entity['entity'], E[]> {
  const out = new Map<Entity['entity'], E[]>();
  for (const e of entries) {
    const list = out.get(e.found.entity);
    if (list === undefined) out.set(e.found.entity, [e]);
    else list.push(e);
  }
  return out;
}

/** Every text of an entry, as TextEntry fields: descriptions, notes, grant conditions, applications' descriptions. */
function textsOfEntity(
  index: CatalogIndex,
  found: Entity,
): { text: string; leads: boolean; holds: boolean; condition: Condition | null; sub: SubApplication | null }[] {
  const both = (b: { fr: string; en: string }, leads: boolean, condition: Condition | null, sub: SubApplication | null) =>
    [b.fr, b.en].map((text) => ({ text, leads, holds: condition === null, condition, sub }));
  switch (found.kind) {
    case 'service': {
      const s = found.entity;
      return [
        ...both(s.description, true, null, null),
        ...s.notes.flatMap((n) => both(n, n.kind !== 'naming', null, null)),
        ...s.grants.flatMap((g) => g.conditions.flatMap((c) => both(c, true, null, null))),
        ...s.sub_applications.flatMap((a) => both(a.description, true, null, a)),
      ];
    }
    case 'clientele': {
      const c = found.entity;
      const own = index.catalog.services.flatMap((s) => s.grants.filter((g) => g.clientele === c.id).flatMap((g) => g.conditions));
      return [
        ...(c.description === null ? [] : both(c.description, true, null, null)),
        ...c.notes.flatMap((n) => both(n, n.kind !== 'naming', null, null)),
        ...own.flatMap((k) => both(k, true, k, null)),
      ];
    }
    case 'category':
      return [];
  }
}

function wordTablesOf(index: CatalogIndex): WordTables {
  const cached = wordTables.get(index);
  if (cached) return cached;
  const names: WordsEntry[] = [];
  const terms: WordsEntry[] = [];
  const shared: WordsEntry[] = [];
  const ids: WordsEntry[] = [];
  const texts: TextEntry[] = [];
  const nicknames = new Map<string, Entity[]>();
  const spelled = new Set<string>();
  const add = (list: WordsEntry[], name: string, found: Entity, sub: SubApplication | null): void => {
    if (list !== ids) for (const word of spelledWords(name)) spelled.add(word);
    const words = meaningWords(name);
    if (words.length > 0) list.push({ words: new Set(words), found, sub });
  };
  for (const found of entitiesOf(index)) {
    // Ids are ours, not names people say: "amm" in an id is not a word of the service's names. But an id
    // still says what its entry is about: an entry whose id holds the words is a candidate that keeps
    // another from being read by them ("candidate IPS" is candidat-ips as much as the first-line candidate).
    for (const name of namesOf(found)) if (name !== found.entity.id) add(names, name, found, null);
    add(ids, found.entity.id, found, null);
    for (const term of termsOf(found)) add(terms, term, found, null);
    for (const term of sharedTermsOf(found)) add(shared, term, found, null);
    if (found.kind !== 'category') for (const nickname of found.entity.nicknames) addTo(nicknames, normalizeName(nickname), found, sameEntity);
    if (found.kind === 'service') for (const sub of found.entity.sub_applications) for (const name of [sub.name, sub.name_en]) add(names, name, found, sub);
    for (const { text, leads, holds, condition, sub } of textsOfEntity(index, found)) {
      for (const word of spelledWords(text)) spelled.add(word);
      const words = meaningWords(text);
      if (words.length > 0) texts.push({ words: new Set(words), found, sub, leads, holds, condition });
    }
  }
  const built: WordTables = {
    byWord: byEachWord(names),
    idsByWord: byEachWord(ids),
    termsByWord: byEachWord(terms),
    textsByWord: byEachWord(texts.filter((e) => e.holds)),
    // A shared term is a name of the entry among others ("médecin"): with a word of one of its texts, it may be one entry's only.
    namesOf: groupByEntity([...names, ...shared]),
    textsOf: groupByEntity(texts.filter((e) => e.leads)),
    nicknames,
    spelled,
    familyWords: familyWordsOf(index, names),
  };
  wordTables.set(index, built);
  return built;
}

/** See WordTables.familyWords. */
function familyWordsOf(index: CatalogIndex, names: readonly WordsEntry[]): Map<string, Set<Entity['entity']>> {
  const families = new Map<string, Clientele[]>();
  for (const c of index.catalog.clienteles) {
    let root = c;
    for (let depth = 0; root.parent !== null && depth < 100; depth++) root = index.clienteleById.get(root.parent) ?? root;
    const members = families.get(root.id) ?? [];
    members.push(c);
    families.set(root.id, members);
  }
  const out = new Map<string, Set<Entity['entity']>>();
  for (const members of families.values()) {
    if (members.length < 2) continue;
    const inside = new Set<Entity['entity']>(members);
    const [first, ...others] = members.map((c) => new Set(meaningWords(c.name)));
    for (const word of first ?? []) {
      if (!others.every((words) => words.has(word))) continue;
      if (names.some((n) => !inside.has(n.found.entity) && n.words.has(word))) continue;
      out.set(word, inside);
    }
  }
  return out;
}

/** The entries of a table whose words include every one of the words typed (none when nothing meaningful was typed). */
function within<E extends WordsEntry>(table: ReadonlyMap<string, readonly E[]>, words: readonly string[]): E[] {
  if (words.length === 0) return [];
  // The typed word with the fewest names is the shortest list to check.
  let fewest: readonly E[] | undefined;
  for (const word of words) {
    const list = table.get(word);
    if (list === undefined) return [];
    if (fewest === undefined || list.length < fewest.length) fewest = list;
  }
  return (fewest ?? []).filter((e) => words.every((word) => e.words.has(word)));
}

/**
 * Why an entry holds the typed words, strongest first: a name of it holds them all; a name (or shared term) holds
 * some and one of its texts the rest; a shared term or job title holds them (never an answer); a name or term of
 * it is one edit from what was typed; its id holds them; one of its texts does; a note on naming does (which says
 * what the entry is not).
 */
type HeldBy = 'name' | 'name-text' | 'term' | 'typo' | 'id' | 'text' | 'naming';
const HELD_RANK: Readonly<Record<HeldBy, number>> = { name: 0, 'name-text': 1, term: 2, typo: 3, id: 4, text: 5, naming: 6 };

/** An entity that holds every typed word; `sub` names the application when only an application's name (or description) does. */
interface Holder {
  readonly found: Entity;
  readonly sub: SubApplication | null;
  /** The share of its closest name that the typed words make up: the better candidate first. */
  readonly score: number;
  readonly why: HeldBy;
  /** The grant condition a reading by a name and one of its conditions carries. */
  readonly condition: Condition | null;
}

/**
 * Every entity that holds the typed words, each once, by its strongest reason: by its names (of every kind:
 * a name of another kind may be what the person meant), its terms and ids (of every kind), and by its texts
 * (of the kinds asked: a service's note that speaks of "le médecin responsable du GMF" does not make "médecin
 * de GMF" a service when a clientele is asked for).
 */
function holdersOf(w: WordTables, words: readonly string[], kinds: readonly EntityKind[], terms: readonly Entity[]): Holder[] {
  const byEntity = new Map<Entity['entity'], Holder>();
  const put = (h: Holder): void => {
    const previous = byEntity.get(h.found.entity);
    if (previous === undefined || HELD_RANK[h.why] < HELD_RANK[previous.why]) byEntity.set(h.found.entity, h);
    else if (h.why === previous.why && h.why === 'name') {
      // An application's name leads to the service that holds it: the two are one candidate, read as the service's own name when that holds the words too.
      const sub = previous.sub === null || h.sub === null ? null : previous.sub;
      byEntity.set(h.found.entity, { ...previous, sub, score: Math.max(h.score, previous.score) });
    }
  };
  for (const e of within(w.byWord, words)) put({ found: e.found, sub: e.sub, score: words.length / e.words.size, why: 'name', condition: null });
  for (const found of terms) put({ found, sub: null, score: 0, why: 'term', condition: null });
  for (const e of within(w.idsByWord, words)) put({ found: e.found, sub: null, score: 0, why: 'id', condition: null });
  for (const e of within(w.textsByWord, words))
    if (kinds.includes(e.found.kind)) put({ found: e.found, sub: e.sub, score: 0, why: e.leads ? 'text' : 'naming', condition: null });
  for (const h of nameAndTextReadings(w, words, kinds)) put(h);
  // A term holder never answers: no entry that has the words as a term is read by them.
  for (const found of terms) {
    const h = byEntity.get(found.entity);
    if (h !== undefined && h.why !== 'term') byEntity.set(found.entity, { ...h, why: 'term', condition: null });
  }
  return [...byEntity.values()];
}

/** A reading by a name and a text: the entry, the application, how much of the text the words cover, the condition it is. */
interface NameAndText {
  readonly found: Entity;
  readonly sub: SubApplication | null;
  readonly cover: number;
  readonly condition: Condition | null;
}

/**
 * The entries of the kinds asked that hold the typed words by a name (or shared term) of theirs and one of
 * their texts together, neither alone: "médecin de GMF" is the general practitioner ("médecin") with the
 * condition of GMF membership, of the three doctors the only one whose texts speak of a GMF. A reading with a
 * grant condition carries the condition the typed words cover best, when one does.
 */
function nameAndTextReadings(w: WordTables, words: readonly string[], kinds: readonly EntityKind[]): Holder[] {
  if (words.length < 2) return [];
  const out: Holder[] = [];
  for (const [entity, names] of w.namesOf) {
    if (!names.some((n) => kinds.includes(n.found.kind) && words.some((word) => n.words.has(word)))) continue;
    const texts = w.textsOf.get(entity) ?? [];
    // The text that the typed words cover best, and whether another text with another condition covers them as well.
    let best: NameAndText | undefined;
    let tie = false;
    for (const name of names) {
      const rest = words.filter((word) => !name.words.has(word));
      if (rest.length === 0 || rest.length === words.length) continue;
      for (const text of texts) {
        if (!rest.every((word) => text.words.has(word))) continue;
        const cover = words.filter((word) => text.words.has(word)).length / text.words.size;
        if (best === undefined || cover > best.cover) {
          best = { found: name.found, sub: name.sub ?? text.sub, cover, condition: text.condition };
          tie = false;
        } else if (cover === best.cover && text.condition !== best.condition) tie = true;
      }
    }
    if (best !== undefined) out.push({ found: best.found, sub: best.sub, score: 0, why: 'name-text', condition: tie ? null : best.condition });
  }
  return out;
}

const ALL_KINDS: readonly EntityKind[] = ['service', 'clientele', 'category'];

/** Adds to the holders of a name each entry of these kinds one of whose names or terms is one edit from it: what was typed may be that one mistyped. */
function addTypos(t: NameTables, key: string, holders: Holder[], kinds: readonly EntityKind[]): void {
  for (const e of [...t.entries, ...t.sharedEntries])
    if (kinds.includes(e.found.kind) && !holders.some((h) => h.found.entity === e.found.entity) && boundedDistance(key, e.key, 1) <= 1)
      holders.push({ found: e.found, sub: null, score: 0, why: 'typo', condition: null });
}

/** Whether one of an entry's names (or terms) is at most one edit from what was typed. */
function oneEditFrom(t: NameTables, key: string, kind: EntityKind, id: string): boolean {
  const near = (e: NameEntry): boolean => e.found.kind === kind && e.found.entity.id === id && boundedDistance(key, e.key, 1) <= 1;
  return t.entries.some(near) || t.sharedEntries.some(near);
}

/**
 * The holders of an ambiguous name in the order they are offered: those of the kinds asked first; among them an
 * entry one of whose names is one edit from what was typed; then by why they hold the words (names first, notes
 * on naming last), the closest name, and catalogue order; the entries of a family the typed words name first
 * ("candidat": the candidates before the IPS).
 */
function rankHolders(t: NameTables, w: WordTables, key: string, words: readonly string[], kinds: readonly EntityKind[], holders: readonly Holder[]): Entity[] {
  const near = new Set(holders.filter((h) => oneEditFrom(t, key, h.found.kind, h.found.entity.id)).map((h) => h.found.entity));
  const sorted = [...holders].sort(
    (a, b) =>
      Number(!kinds.includes(a.found.kind)) - Number(!kinds.includes(b.found.kind)) ||
      Number(!near.has(a.found.entity)) - Number(!near.has(b.found.entity)) ||
      HELD_RANK[a.why] - HELD_RANK[b.why] ||
      b.score - a.score ||
      (t.order.get(a.found.entity) ?? 0) - (t.order.get(b.found.entity) ?? 0),
  );
  return familyFirst(
    w,
    words,
    sorted.map((h) => h.found),
  );
}

/** The entries of a family that a typed word names (see WordTables.familyWords) moved first, the order kept otherwise. */
function familyFirst(w: WordTables, words: readonly string[], found: readonly Entity[]): Entity[] {
  const family = new Set<Entity['entity']>();
  for (const word of words) for (const member of w.familyWords.get(word) ?? []) family.add(member);
  if (family.size === 0) return [...found];
  return [...found.filter((f) => family.has(f.entity)), ...found.filter((f) => !family.has(f.entity))];
}

/**
 * Ranks the catalogue's names (and, for a typo of one, the words people use for some of a group: shared terms
 * and job titles, a little after a name as near) by similarity to what was typed: a name one edit away first, then the better of
 * a soft token overlap (so that words in another order, one word mistyped or a word left out still find the
 * name) over the words that are not the language's ("service en ligne", "de la"), and an edit distance over the
 * whole name (so that a joined or split word does). The reason is "ambiguous" when what was typed is a part of
 * the names of several entities.
 */
function suggest(t: NameTables, w: WordTables, input: string, key: string, words: readonly string[], kinds: readonly EntityKind[]): Resolution {
  // Words as a set (a word typed twice is one word): a pasted text of many repeated words costs no more than its distinct words.
  const all = [...new Set(wordsOfKey(key))];
  const meaningful = [...new Set(wordsOfKey(withoutLanguageWords(key)))];
  const typed = meaningful.length > 0 ? meaningful : all;
  // Each typed word's match against each word of the catalogue, computed once.
  const matches = typed.map((word) => Float64Array.from(t.words, (n) => wordMatch(word, n)));
  const best = new Map<Entity['entity'], { found: Entity; score: number; near: boolean }>();
  const containing = new Set<Entity['entity']>();
  const longest = key.length;
  for (const entry of [...t.entries, ...t.sharedEntries]) {
    if (!kinds.includes(entry.found.kind)) continue;
    const ids = meaningful.length > 0 && entry.meaningIds.length > 0 ? entry.meaningIds : entry.wordIds;
    let matched = 0;
    let whole = true;
    for (const m of matches) {
      let top = 0;
      for (const id of ids) if (m[id]! > top) top = m[id]!;
      matched += top;
      if (top < 1) whole = false;
    }
    const longer = Math.max(longest, entry.key.length);
    const limit = Math.min(3, Math.max(1, Math.floor(longer / 4)));
    const distance = boundedDistance(key, entry.key, limit);
    const wholeScore = distance > limit || longer === 0 ? 0 : 1 - distance / longer;
    const term = entry.term;
    // A term is suggested for a typo of it only: "podiatr" is near "pédiatre" by its words, but means the podiatrist.
    if (term && distance > 1) continue;
    const score = term ? wholeScore * TERM_WEIGHT : Math.max(tokenSimilarity(matched, typed.length, ids.length), wholeScore);
    if (score < SUGGESTION_FLOOR) continue;
    if (whole && typed.length > 0 && !term) containing.add(entry.found.entity);
    const near = distance <= 1 && !term;
    const previous = best.get(entry.found.entity);
    if (!previous) best.set(entry.found.entity, { found: entry.found, score, near });
    else best.set(entry.found.entity, { found: entry.found, score: Math.max(score, previous.score), near: near || previous.near });
  }
  const ranked = [...best.values()].sort(
    (a, b) => Number(b.near) - Number(a.near) || b.score - a.score || (t.order.get(a.found.entity) ?? 0) - (t.order.get(b.found.entity) ?? 0),
  );
  return {
    ok: false,
    reason: containing.size > 1 ? 'ambiguous' : 'unknown',
    input,
    suggestions: familyFirst(
      w,
      words,
      ranked.map((r) => r.found),
    )
      .slice(0, MAX_SUGGESTIONS)
      .map(toSuggestion),
  };
}

/** How much less a shared term or job title weighs than a name as near: at a tie, the name comes first. */
const TERM_WEIGHT = 0.98;
