/**
 * Deterministic plural inflection of the words of catalogue names, in French
 * and English. It is used one way only: from a word that is in a name to the
 * plural people type ("podiatre" -> "podiatres", "pharmacist" ->
 * "pharmacists"), so that a plural resolves only when its singular is an
 * exact name. Words are normalised keys (lower case, no accents).
 */

/** Short words that take no plural in a name: articles, prepositions, conjunctions. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a',
  'au',
  'aux',
  'de',
  'des',
  'du',
  'en',
  'et',
  'ou',
  'la',
  'le',
  'les',
  'un',
  'une',
  'sur',
  'par',
  'pour',
  'hors',
  'and',
  'or',
  'of',
  'the',
  'in',
  'for',
  'with',
  'to',
  'on',
  'an',
]);

/** The French plural of a word: -s, -x and -z stay; -al becomes -aux; -eau, -au and -eu take an x; the others an s. */
export function frenchPlural(word: string): string {
  if (/[sxz]$/.test(word)) return word;
  if (/al$/.test(word)) return `${word.slice(0, -2)}aux`;
  if (/(eau|au|eu)$/.test(word)) return `${word}x`;
  return `${word}s`;
}

/** The English plural of a word: -s, -x, -z, -ch and -sh take -es; a consonant and -y become -ies; the others an s. */
export function englishPlural(word: string): string {
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/**
 * The plurals of one word of a name, French and English (a word after an
 * elided article, "d'exception", keeps its article). Function words, numbers
 * and words of one or two letters (abbreviations aside) have none.
 */
export function pluralsOf(word: string): string[] {
  const cut = word.lastIndexOf("'") + 1;
  const head = word.slice(0, cut);
  const stem = word.slice(cut);
  if (stem.length < 2 || FUNCTION_WORDS.has(stem) || !/^\p{L}+$/u.test(stem)) return [];
  const out = new Set([frenchPlural(stem), englishPlural(stem)].map((p) => `${head}${p}`));
  out.delete(word);
  return [...out];
}
