import { deepFreeze } from '../catalog/freeze';
import type { NoteKind } from '../catalog/model';
import { normalizeName } from '../catalog/normalize-name';
import type { CatalogIndex } from './catalog-index';
import { entitiesOf, namesOf, type Entity } from './resolve-name';
import { stemWord } from './stem-word';

/** Where in an entity a searched word was found; `job_titles` are a clientele's (réceptionniste, psychiatrist). */
export type SearchField = 'name' | 'description' | 'notes' | 'sub_applications' | 'conditions' | 'job_titles';

/** How a searched word met a word of the catalogue: the same word, a word of its family (see `stemWord`), or a word it begins. */
export type MatchKind = 'exact' | 'family' | 'prefix';

/** The best match of one searched word in an entity. */
export interface WordMatch {
  /** The searched word, normalised. */
  readonly word: string;
  readonly how: MatchKind;
  readonly field: SearchField;
  /** The catalogue's word it met, as the catalogue writes it. */
  readonly text: string;
}

/** One search hit: an entity, how well it matched, in which of its fields, and how each word was found. */
export interface SearchHit {
  readonly found: Entity;
  readonly score: number;
  readonly fields: readonly SearchField[];
  /** One per searched word, in the order they were typed. */
  readonly matches: readonly WordMatch[];
}

/** The result of `search`. */
export interface SearchResult {
  readonly words: readonly string[];
  readonly hits: readonly SearchHit[];
}

/** What each kind of note is called in each language people search in; a note is also found by the name of its kind. */
export type NoteKindLabels = readonly Readonly<Record<NoteKind, string>>[];

interface IndexedField {
  readonly field: SearchField;
  readonly weight: number;
  /** The texts as written, to show the word a match met. */
  readonly texts: readonly string[];
  /** Their normalised words, each once, and the family key of each. */
  readonly words: readonly string[];
  readonly stems: readonly string[];
}

interface IndexedEntity {
  readonly found: Entity;
  readonly fields: readonly IndexedField[];
}

// Where a word is found counts (a name says more than a job title, which says more than a note), and so does how:
// the word itself, then its family, then a word it begins.
const WEIGHTS: Readonly<Record<SearchField, number>> = { name: 4, job_titles: 3, description: 2, sub_applications: 2, notes: 1, conditions: 1 };
const FACTORS: Readonly<Record<MatchKind, number>> = { exact: 3, family: 2, prefix: 1 };

// What separates words: anything but a letter or a digit. One expression for every split, because building
// its Unicode classes is the slowest part of a search's first run.
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** The normalised words of a text, the way a query is split. */
function wordsOf(text: string): string[] {
  return normalizeName(text).split(NOT_WORD).filter(Boolean);
}

// The texts of each field of an entity, in the order fields are tried.
function fieldTexts(found: Entity, labels: NoteKindLabels): [SearchField, string[]][] {
  // The id last, so that a word found in both is shown as the name writes it.
  const fields: [SearchField, string[]][] = [['name', [...namesOf(found).filter((n) => n !== found.entity.id), found.entity.id]]];
  if (found.kind === 'service') {
    const s = found.entity;
    fields.push(['description', [s.description.fr, s.description.en]]);
    fields.push(['notes', s.notes.flatMap((n) => [n.fr, n.en, ...labels.map((l) => l[n.kind]), n.kind])]);
    fields.push(['sub_applications', s.sub_applications.flatMap((a) => [a.name, a.name_en, a.description.fr, a.description.en])]);
    fields.push(['conditions', s.grants.flatMap((g) => g.conditions.flatMap((c) => [c.fr, c.en]))]);
  }
  if (found.kind === 'clientele') {
    const c = found.entity;
    // The fields a clientele has, each always (empty or not), so that the prepared index's fields keep their places.
    fields.push(['description', c.description === null ? [] : [c.description.fr, c.description.en]]);
    fields.push(['notes', c.notes.flatMap((n) => [n.fr, n.en, ...labels.map((l) => l[n.kind]), n.kind])]);
    fields.push(['job_titles', [...c.job_titles]]);
  }
  return fields;
}

const NO_LABELS: NoteKindLabels = [];

/**
 * The words search compares, as the build stores them with the prepared
 * catalogue: for each entity (in `entitiesOf` order) and each of its fields,
 * its normalised words and their family keys, each list joined by spaces.
 */
export type PreparedSearchIndex = readonly (readonly (readonly [words: string, stems: string])[])[];

const indexes = new WeakMap<CatalogIndex, { readonly labels: NoteKindLabels; readonly entities: readonly IndexedEntity[] }>();
const primedIndexes = new WeakMap<CatalogIndex, { readonly labels: () => NoteKindLabels; readonly prepared: PreparedSearchIndex }>();

function splitWords(joined: string): string[] {
  return joined === '' ? [] : joined.split(' ');
}

function buildIndex(index: CatalogIndex, labels: NoteKindLabels, prepared: PreparedSearchIndex | undefined): IndexedEntity[] {
  return entitiesOf(index).map((found, e) => ({
    found,
    fields: fieldTexts(found, labels).map(([field, texts], f): IndexedField => {
      const stored = prepared?.[e]?.[f];
      const words = stored ? splitWords(stored[0]) : [...new Set(texts.flatMap(wordsOf))];
      const stems = stored ? splitWords(stored[1]) : words.map(stemWord);
      return { field, weight: WEIGHTS[field], texts, words, stems };
    }),
  }));
}

function searchIndexOf(index: CatalogIndex, labels: NoteKindLabels): readonly IndexedEntity[] {
  const cached = indexes.get(index);
  if (cached && cached.labels === labels) return cached.entities;
  const primed = primedIndexes.get(index);
  // Every search answer points into this index: frozen, so that no caller can change what the next search finds.
  const entities = deepFreeze(buildIndex(index, labels, primed?.labels() === labels ? primed.prepared : undefined));
  indexes.set(index, { labels, entities });
  return entities;
}

function toPrepared(entities: readonly IndexedEntity[]): PreparedSearchIndex {
  return entities.map((entity) => entity.fields.map((f) => [f.words.join(' '), f.stems.join(' ')] as const));
}

/** The words search compares in a catalogue, with their family keys; the build stores them with the prepared catalogue, so that a search need not compute them. */
export function computeSearchIndex(index: CatalogIndex, noteKindLabels: NoteKindLabels = NO_LABELS): PreparedSearchIndex {
  return toPrepared(buildIndex(index, noteKindLabels, undefined));
}

/**
 * Supplies the search index the build computed for a catalogue, with the note kind labels it was computed with
 * (another set of labels is indexed afresh), given as a function: they are only needed, and loaded, when a search runs.
 */
export function primeSearchIndex(index: CatalogIndex, prepared: PreparedSearchIndex, noteKindLabels: () => NoteKindLabels): void {
  primedIndexes.set(index, { labels: noteKindLabels, prepared });
}

// The best way one word (and its family key) is found in one field, with the catalogue word it met, or null.
function matchIn(field: IndexedField, word: string, stem: string): { how: MatchKind; met: string } | null {
  let best: { how: MatchKind; met: string } | null = null;
  for (const [i, w] of field.words.entries()) {
    if (w === word) return { how: 'exact', met: w };
    if (field.stems[i] === stem) {
      if (best?.how !== 'family') best = { how: 'family', met: w };
    } else if (best === null && w.startsWith(word)) best = { how: 'prefix', met: w };
  }
  return best;
}

// The word of a field's texts, as written, whose normalised form is `met` (looked up only for the matches shown).
// Composed first, so that an accent is part of its letter and not a separator.
function writtenForm(field: IndexedField, met: string): string {
  for (const text of field.texts) for (const token of text.normalize('NFC').split(NOT_WORD)) if (wordsOf(token).includes(met)) return token;
  return met;
}

/** How many different words a search may have: a query of more is a pasted text, not a search (the CLI refuses it). */
export const MAX_SEARCH_WORDS = 50;

/** The distinct words a search looks for, in the order first typed. */
export function searchWords(query: string): string[] {
  return [...new Set(wordsOf(query))];
}

/**
 * Accent-insensitive search over names, aliases, descriptions, notes (and the
 * kind of each note), sub-applications, conditions and a clientele's job
 * titles, in French and English at once. Every word must be found: as itself, as a word of its family
 * (délégation finds délégué and delegated), or as the start of a word. The
 * word itself ranks above its family, which ranks above a prefix; a match in
 * a name above one in a description, above one in a note.
 */
export function searchCatalog(index: CatalogIndex, query: string, noteKindLabels: NoteKindLabels = NO_LABELS): SearchResult {
  // A word typed twice is one word: the answer (each hit names how every word was found) grows with the distinct words only.
  const words = searchWords(query);
  if (words.length === 0) return { words, hits: [] };
  const stems = words.map(stemWord);
  const hits: SearchHit[] = [];
  for (const entity of searchIndexOf(index, noteKindLabels)) {
    let score = 0;
    const fields = new Set<SearchField>();
    const found: { word: string; field: IndexedField; how: MatchKind; met: string }[] = [];
    for (const [i, word] of words.entries()) {
      let best: { score: number; field: IndexedField; how: MatchKind; met: string } | null = null;
      for (const f of entity.fields) {
        const m = matchIn(f, word, stems[i]!);
        if (m === null) continue;
        fields.add(f.field);
        const s = FACTORS[m.how] * f.weight;
        if (best === null || s > best.score) best = { score: s, field: f, ...m };
      }
      if (best === null) break;
      score += best.score;
      found.push({ word, ...best });
    }
    if (found.length < words.length) continue;
    const matches = found.map((m): WordMatch => ({ word: m.word, how: m.how, field: m.field.field, text: writtenForm(m.field, m.met) }));
    hits.push({ found: entity.found, score, fields: [...fields], matches });
  }
  hits.sort((a, b) => b.score - a.score || kindRank(a.found) - kindRank(b.found) || compareIds(a.found.entity.id, b.found.entity.id));
  return { words, hits };
}

// Ids are lower-case ASCII letters, digits and hyphens (the schema says so), which code units order as the locale would;
// localeCompare would load the collator, the longest part of a search's run.
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function kindRank(found: Entity): number {
  return found.kind === 'service' ? 0 : found.kind === 'clientele' ? 1 : 2;
}
