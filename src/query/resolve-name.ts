import type { Category, Clientele, Condition, Service, SubApplication } from '../catalog/model';
import { deepFreeze } from '../catalog/freeze';
import { INVISIBLE_CLASS } from '../catalog/invisible-characters';
import { normalizeName } from '../catalog/normalize-name';
import type { CatalogIndex } from './catalog-index';
import { pluralsOf } from './inflect';
import { isWholeWord, meaningWords, spelledWords } from './name-words';
import { MAX_SUGGESTIONS, SUGGESTION_FLOOR, tokenSimilarity, wholeSimilarity, wordMatch } from '../catalog/similarity';

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

/** Everyday words that name this entity among others (médecin, secrétaire): they never resolve alone. */
function sharedTermsOf(found: Entity): readonly string[] {
  return found.kind === 'category' ? [] : found.entity.shared_terms;
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

/** The catalogue's normalised names: the build's (or the CLI cache's), or computed once (a catalogue not from the build). */
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
  readonly found: Entity;
}

/** The look-up tables of a catalogue's names, built once per catalogue. */
interface NameTables {
  /** Each normalised name, and every entity it names. */
  readonly exact: ReadonlyMap<string, readonly Entity[]>;
  /** The plurals of each word of a name (French and English). */
  readonly plurals: ReadonlyMap<string, ReadonlySet<string>>;
  /** Each shared term, and every entity that has it. */
  readonly shared: ReadonlyMap<string, readonly Entity[]>;
  /** Each clientele's own grant conditions by normalised text (French and English). */
  readonly conditions: ReadonlyMap<string, ReadonlyMap<string, Condition>>;
  readonly entries: readonly NameEntry[];
  /** Shared terms as entries, for their plurals. */
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
  const entry = (key: string, found: Entity): NameEntry => {
    const words = wordsOfKey(key);
    return { key, words, wordIds: words.map(idOf), found };
  };
  const entries: NameEntry[] = [];
  for (const [key, kind, id] of nameKeysOf(index)) {
    const found = entityOf(index, kind, id);
    if (found) entries.push(entry(key, found));
  }
  const shared = new Map<string, Entity[]>();
  const sharedEntries: NameEntry[] = [];
  const order = new Map<Entity['entity'], number>();
  entitiesOf(index).forEach((found, i) => {
    order.set(found.entity, i);
    for (const term of sharedTermsOf(found)) {
      const key = normalizeName(term);
      addTo(shared, key, found, sameEntity);
      sharedEntries.push(entry(key, found));
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

/** Whether typed words are the words of a name, each as it is or in the plural. */
function samePlural(t: NameTables, typed: readonly string[], entry: NameEntry): boolean {
  if (typed.length !== entry.words.length) return false;
  return typed.every((w, i) => w === entry.words[i] || t.plurals.get(entry.words[i]!)?.has(w) === true);
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
  // Scripts ask about the same few names again and again (batch mode); bound the memo so that odd input cannot grow it forever.
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

/** The entities a key names exactly, or with some of its words in the plural ("Infirmiers praticiens spécialisés", "pharmacists"). */
function namedBy(t: NameTables, key: string, kinds: readonly EntityKind[]): Entity[] {
  const direct = (t.exact.get(key) ?? []).filter((f) => kinds.includes(f.kind));
  if (direct.length > 0) return direct;
  const typed = wordsOfKey(key);
  const out: Entity[] = [];
  for (const e of t.entriesByFirst.get(typed[0] ?? '') ?? []) if (kinds.includes(e.found.kind) && samePlural(t, typed, e)) addEntity(out, e.found);
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

function readings(t: NameTables, key: string, kinds: readonly EntityKind[]): Reading[] {
  const plain = namedBy(t, key, kinds).map((found) => ({ found, condition: null }));
  if (plain.length > 0) return plain;
  const out: Reading[] = [];
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
  for (const r of readings(t, key, kinds)) if (!found.some((f) => sameEntity(f.found, r.found))) found.push(r);
  if (found.length === 1) return { ok: true, found: found[0]!.found, condition: found[0]!.condition, by_words: null };
  if (found.length > 1) return { ok: false, reason: 'ambiguous', input, suggestions: found.map((r) => toSuggestion(r.found)) };
  // Past this point an exact comparison resolves nothing: without suggestions to rank it is unknown, and the word
  // tables (a quarter of check-source's time when it built them for every item) are never needed.
  if (options.exact === true && options.suggestions === false) return { ok: false, reason: 'unknown', input, suggestions: [] };
  // The words that say what the name names; a heading of the page gives them after its question.
  const words = meaningWords(HEADING.exec(key)?.[1] ?? input);
  const w = wordTablesOf(index);
  // A word that names several things (or its plural), or a part of one ("adjoint administratif"): every one of them, and no answer.
  const shared: Entity[] = [];
  for (const f of t.shared.get(key) ?? []) addEntity(shared, f);
  const typed = wordsOfKey(key);
  for (const e of t.sharedByFirst.get(typed[0] ?? '') ?? []) if (samePlural(t, typed, e)) addEntity(shared, e.found);
  for (const e of within(w.sharedByWord, words)) addEntity(shared, e.found);
  const mine = shared.filter((f) => kinds.includes(f.kind));
  if (mine.length > 0) {
    const all = [...mine, ...shared.filter((f) => !kinds.includes(f.kind))];
    return { ok: false, reason: all.length > 1 ? 'ambiguous' : 'unknown', input, suggestions: all.map(toSuggestion) };
  }
  // A cut-off word ("podiatr") is a near miss to suggest, not a word to read the name by; and a name with a
  // character that shows nothing or reorders the text ("\u202eSELAT", a control) is not read by its words either:
  // what the words would be is not what the person sees.
  if (options.exact !== true && !HIDDEN_OR_CONTROL.test(input) && spelledWords(HEADING.exec(key)?.[1] ?? input).every((word) => isWholeWord(word, w.spelled))) {
    // A name whose words occur in the names of one entry only, of every kind, is that entry; in several, it is ambiguous.
    const named = containing(w, words);
    const holders = [...named];
    for (const e of within(w.idsByWord, words))
      if (!holders.some((h) => h.found.entity === e.found.entity)) holders.push({ found: e.found, sub: null, score: 0 });
    const asked = holders.filter((h) => kinds.includes(h.found.kind));
    if (holders.length === 1 && asked.length === 1 && named.length === 1) {
      return { ok: true, found: asked[0]!.found, condition: null, by_words: { sub_application: asked[0]!.sub } };
    }
    if (holders.length > 1 && asked.length > 0) {
      const ranked = [...asked, ...holders.filter((h) => !kinds.includes(h.found.kind))];
      return { ok: false, reason: 'ambiguous', input, suggestions: ranked.map((h) => toSuggestion(h.found)) };
    }
  }
  if (options.suggestions === false) return { ok: false, reason: 'unknown', input, suggestions: [] };
  const suggested = suggest(t, input, key, kinds);
  // A nickname of ours ("AMM") is never an answer, but its entry comes first, before the names spelt like it.
  const nicknamed = (w.nicknames.get(key) ?? []).filter((f) => kinds.includes(f.kind));
  if (nicknamed.length === 0 || suggested.ok) return suggested;
  const first = nicknamed.map(toSuggestion);
  const rest = suggested.suggestions.filter((s) => !first.some((f) => f.kind === s.kind && f.id === s.id));
  return { ...suggested, suggestions: [...first, ...rest].slice(0, Math.max(MAX_SUGGESTIONS, first.length)) };
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

/** The look-up tables of the unique-containment rule, built on the first name that needs them. */
interface WordTables {
  /** The names of every entry and application by each of their words. */
  readonly byWord: ReadonlyMap<string, readonly WordsEntry[]>;
  /** The ids of every entry by each of their words: they never lead to an entry, they only make a name ambiguous. */
  readonly idsByWord: ReadonlyMap<string, readonly WordsEntry[]>;
  /** The shared terms by each of their words. */
  readonly sharedByWord: ReadonlyMap<string, readonly WordsEntry[]>;
  /** Each nickname (normalised), and every entry that has it. */
  readonly nicknames: ReadonlyMap<string, readonly Entity[]>;
  /** Every meaningful word of the names and shared terms as spelt (normalised): the words that are not cut off. */
  readonly spelled: ReadonlySet<string>;
}

const wordTables = new WeakMap<CatalogIndex, WordTables>();

function byEachWord(entries: readonly WordsEntry[]): Map<string, WordsEntry[]> {
  const out = new Map<string, WordsEntry[]>();
  for (const e of entries) {
    for (const word of e.words) {
      const list = out.get(word);
      if (list === undefined) out.set(word, [e]);
      else list.push(e);
    }
  }
  return out;
}

function wordTablesOf(index: CatalogIndex): WordTables {
  const cached = wordTables.get(index);
  if (cached) return cached;
  const names: WordsEntry[] = [];
  const shared: WordsEntry[] = [];
  const ids: WordsEntry[] = [];
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
    for (const term of sharedTermsOf(found)) add(shared, term, found, null);
    if (found.kind !== 'category') for (const nickname of found.entity.nicknames) addTo(nicknames, normalizeName(nickname), found, sameEntity);
    if (found.kind === 'service') for (const sub of found.entity.sub_applications) for (const name of [sub.name, sub.name_en]) add(names, name, found, sub);
  }
  const built: WordTables = { byWord: byEachWord(names), idsByWord: byEachWord(ids), sharedByWord: byEachWord(shared), nicknames, spelled };
  wordTables.set(index, built);
  return built;
}

/** The entries of a table whose words include every one of the words typed (none when nothing meaningful was typed). */
function within(table: ReadonlyMap<string, readonly WordsEntry[]>, words: readonly string[]): WordsEntry[] {
  if (words.length === 0) return [];
  // The typed word with the fewest names is the shortest list to check.
  let fewest: readonly WordsEntry[] | undefined;
  for (const word of words) {
    const list = table.get(word);
    if (list === undefined) return [];
    if (fewest === undefined || list.length < fewest.length) fewest = list;
  }
  return (fewest ?? []).filter((e) => words.every((word) => e.words.has(word)));
}

/** An entity whose names hold every typed word; `sub` names the application when only an application's name does. */
interface Holder {
  readonly found: Entity;
  readonly sub: SubApplication | null;
  /** The share of its closest name that the typed words make up: the better candidate first. */
  readonly score: number;
}

/**
 * Every entity some name of which holds every typed word, best first (the
 * closest name, then catalogue order). An application's name leads to the
 * service that holds it: the two are one candidate, read as the service's own
 * name when that holds the words too.
 */
function containing(w: WordTables, words: readonly string[]): Holder[] {
  const byEntity = new Map<Entity['entity'], Holder>();
  for (const e of within(w.byWord, words)) {
    const score = words.length / e.words.size;
    const previous = byEntity.get(e.found.entity);
    if (previous === undefined) byEntity.set(e.found.entity, { found: e.found, sub: e.sub, score });
    else {
      const sub = previous.sub === null || e.sub === null ? null : previous.sub;
      byEntity.set(e.found.entity, { found: e.found, sub, score: Math.max(score, previous.score) });
    }
  }
  return [...byEntity.values()].sort((a, b) => b.score - a.score);
}

/**
 * Ranks the catalogue's names by similarity to what was typed: the better of
 * a soft token overlap (so that words in another order, one word mistyped or
 * a word left out still find the name) and an edit distance over the whole
 * name (so that a joined or split word does). The reason is "ambiguous" when
 * what was typed is a part of the names of several entities.
 */
function suggest(t: NameTables, input: string, key: string, kinds: readonly EntityKind[]): Resolution {
  // Words as a set (a word typed twice is one word): a pasted text of many repeated words costs no more than its distinct words.
  const typed = [...new Set(wordsOfKey(key))];
  // Each typed word's match against each word of the catalogue, computed once.
  const matches = typed.map((w) => Float64Array.from(t.words, (n) => wordMatch(w, n)));
  const best = new Map<Entity['entity'], { found: Entity; score: number }>();
  const containing = new Set<Entity['entity']>();
  for (const entry of t.entries) {
    if (!kinds.includes(entry.found.kind)) continue;
    let matched = 0;
    let whole = true;
    for (const m of matches) {
      let top = 0;
      for (const id of entry.wordIds) if (m[id]! > top) top = m[id]!;
      matched += top;
      if (top < 1) whole = false;
    }
    const score = Math.max(tokenSimilarity(matched, typed.length, entry.words.length), wholeSimilarity(key, entry.key));
    if (score < SUGGESTION_FLOOR) continue;
    if (whole && typed.length > 0) containing.add(entry.found.entity);
    const previous = best.get(entry.found.entity);
    if (!previous || previous.score < score) best.set(entry.found.entity, { found: entry.found, score });
  }
  const ranked = [...best.values()].sort((a, b) => b.score - a.score || (t.order.get(a.found.entity) ?? 0) - (t.order.get(b.found.entity) ?? 0));
  return {
    ok: false,
    reason: containing.size > 1 ? 'ambiguous' : 'unknown',
    input,
    suggestions: ranked.slice(0, MAX_SUGGESTIONS).map((r) => toSuggestion(r.found)),
  };
}
