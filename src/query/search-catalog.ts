import { normalizeName } from '../catalog/normalize-name';
import type { CatalogIndex } from './catalog-index';
import { entitiesOf, namesOf, type Entity } from './resolve-name';

/** One search hit: an entity, how well it matched, and in which of its fields. */
export interface SearchHit {
  readonly found: Entity;
  readonly score: number;
  readonly fields: readonly string[];
}

/** The result of `search`. */
export interface SearchResult {
  readonly words: readonly string[];
  readonly hits: readonly SearchHit[];
}

interface Field {
  readonly field: string;
  readonly weight: number;
  readonly words: readonly string[];
}

function wordsOf(text: string): string[] {
  return normalizeName(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function fieldsOf(found: Entity): Field[] {
  const fields: Field[] = [{ field: 'name', weight: 4, words: namesOf(found).flatMap(wordsOf) }];
  if (found.kind === 'service') {
    const s = found.entity;
    fields.push({ field: 'description', weight: 2, words: wordsOf(`${s.description.fr} ${s.description.en}`) });
    fields.push({ field: 'notes', weight: 1, words: s.notes.flatMap((n) => wordsOf(`${n.fr} ${n.en}`)) });
    fields.push({
      field: 'sub_applications',
      weight: 2,
      words: s.sub_applications.flatMap((a) => wordsOf(`${a.name} ${a.name_en} ${a.description.fr} ${a.description.en}`)),
    });
    fields.push({ field: 'conditions', weight: 1, words: s.grants.flatMap((g) => g.conditions.flatMap((c) => wordsOf(`${c.fr} ${c.en}`))) });
  }
  if (found.kind === 'clientele' && found.entity.description !== null) {
    fields.push({ field: 'description', weight: 2, words: wordsOf(`${found.entity.description.fr} ${found.entity.description.en}`) });
  }
  return fields;
}

/**
 * Accent-insensitive search over names, aliases, descriptions, notes and
 * sub-applications. Every word must match (as a word or the start of one);
 * whole words and matches in names rank higher.
 */
export function searchCatalog(index: CatalogIndex, query: string): SearchResult {
  const words = wordsOf(query);
  if (words.length === 0) return { words, hits: [] };
  const hits: SearchHit[] = [];
  for (const found of entitiesOf(index)) {
    const fields = fieldsOf(found);
    let score = 0;
    const matched = new Set<string>();
    let all = true;
    for (const word of words) {
      let wordScore = 0;
      for (const f of fields) {
        if (f.words.includes(word)) {
          wordScore = Math.max(wordScore, 2 * f.weight);
          matched.add(f.field);
        } else if (f.words.some((w) => w.startsWith(word))) {
          wordScore = Math.max(wordScore, f.weight);
          matched.add(f.field);
        }
      }
      if (wordScore === 0) {
        all = false;
        break;
      }
      score += wordScore;
    }
    if (all) hits.push({ found, score, fields: [...matched] });
  }
  hits.sort((a, b) => b.score - a.score || kindRank(a.found) - kindRank(b.found) || a.found.entity.id.localeCompare(b.found.entity.id));
  return { words, hits };
}

function kindRank(found: Entity): number {
  return found.kind === 'service' ? 0 : found.kind === 'clientele' ? 1 : 2;
}
