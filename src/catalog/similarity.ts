/**
 * How close a typed name is to a name of the catalogue, for ranking
 * suggestions: a token overlap (each typed word against the name's words,
 * by equality, prefix or a small edit distance) and an edit distance over
 * the whole name that counts a transposition as one edit (optimal string
 * alignment). Both are in [0, 1]; the better one is the score. The query
 * side ranks a typed name with them (src/query/resolve-name.ts), validation an
 * unknown id in a reference (nearestIds): one ranking, below both.
 */

/** How many suggestions an unknown name gets at most (an ambiguous word lists every candidate). */
export const MAX_SUGGESTIONS = 5;

/** The lowest score a suggestion may have: below it, names share too little with what was typed. */
export const SUGGESTION_FLOOR = 0.3;

// Three rows of the distance table, reused from call to call (grown when a longer string comes).
let rows: Int32Array[] = [new Int32Array(256), new Int32Array(256), new Int32Array(256)];

/**
 * Optimal string alignment distance between two strings, or `limit + 1` as
 * soon as it is known to exceed `limit` (only a band of width 2·limit+1 is
 * computed, so a long pasted text costs little).
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  const big = limit + 1;
  if (rows[0]!.length < m + 1) rows = [new Int32Array(2 * (m + 1)), new Int32Array(2 * (m + 1)), new Int32Array(2 * (m + 1))];
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  before.fill(big, 0, m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j <= limit ? j : big;
  for (let i = 1; i <= n; i++) {
    current.fill(big, 0, m + 1);
    current[0] = i <= limit ? i : big;
    const from = Math.max(1, i - limit);
    const to = Math.min(m, i + limit);
    let rowBest = current[0]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, before[j - 2]! + 1);
      current[j] = value < big ? value : big;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > limit) return big;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[m]!, big);
}

/** Optimal string alignment distance (a transposition of two neighbours is one edit). */
export function editDistance(a: string, b: string): number {
  return boundedDistance(a, b, Math.max(a.length, b.length));
}

/** How many edits a word of this length may be away from another and still be the same word mistyped. */
function allowedEdits(length: number): number {
  return length <= 2 ? 0 : length <= 5 ? 1 : length <= 9 ? 2 : 3;
}

/**
 * How well one typed word matches one word of a name: 1 when equal; close to
 * 1 for a near spelling; from 0.75 up for the start of the word (three letters
 * at least); else 0.
 */
export function wordMatch(typed: string, word: string): number {
  if (typed === word) return 1;
  const limit = allowedEdits(Math.max(typed.length, word.length));
  if (limit > 0) {
    const d = boundedDistance(typed, word, limit);
    if (d <= limit) return 0.95 - (0.3 * d) / Math.max(typed.length, word.length);
  }
  if (typed.length >= 3 && word.startsWith(typed)) return 0.6 + (0.3 * typed.length) / word.length;
  return 0;
}

/**
 * Soft token overlap: the sum of each typed word's best match with a name's
 * words, over the size of the union (a Jaccard index where near matches
 * count in part), so that extra words on either side cost.
 */
export function tokenSimilarity(matched: number, typedWords: number, nameWords: number): number {
  if (typedWords === 0 || nameWords === 0) return 0;
  return matched / (typedWords + nameWords - matched);
}

/**
 * Similarity of two whole keys by edit distance, when they are within a
 * quarter of the longer one and at most 3 edits of each other (beyond that,
 * the token overlap ranks better and costs less).
 */
export function wholeSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 0;
  const limit = Math.min(3, Math.max(1, Math.floor(longer / 4)));
  const d = boundedDistance(a, b, limit);
  return d > limit ? 0 : 1 - d / longer;
}

/** How close two names are, both keys of normalizeName: the better of the soft token overlap and the whole-key similarity. */
export function keySimilarity(typed: string, name: string): number {
  const typedWords = [...new Set(typed.split(' ').filter(Boolean))];
  const nameWords = name.split(' ').filter(Boolean);
  let matched = 0;
  for (const w of typedWords) {
    let top = 0;
    for (const n of nameWords) top = Math.max(top, wordMatch(w, n));
    matched += top;
  }
  return Math.max(tokenSimilarity(matched, typedWords.length, nameWords.length), wholeSimilarity(typed, name));
}

/**
 * The ids of the entries nearest to an unknown reference (keys of normalizeName
 * both: the reference, and each entry's id and names), best first, at most
 * MAX_SUGGESTIONS and none below SUGGESTION_FLOOR; ties keep the entries' order.
 */
export function nearestIds(reference: string, entries: readonly { readonly id: string; readonly keys: readonly string[] }[]): string[] {
  const scored: { id: string; score: number; order: number }[] = [];
  entries.forEach((e, order) => {
    let score = 0;
    for (const key of e.keys) score = Math.max(score, keySimilarity(reference, key));
    if (score >= SUGGESTION_FLOOR) scored.push({ id: e.id, score, order });
  });
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, MAX_SUGGESTIONS)
    .map((s) => s.id);
}
