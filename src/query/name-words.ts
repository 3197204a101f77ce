import { normalizeName } from '../catalog/normalize-name';
import { FUNCTION_WORDS, pluralsOf } from './inflect';
import { stemWord } from './stem-word';

/**
 * The words of a name that say what it names, for the rule that a name whose
 * words occur in the names of one entry only is that entry. Two names have the
 * same word when, after `normalizeName` (case, accents, dashes), their words
 * fall in one family (`stemWord`: plural, feminine, verb forms) or are usual
 * variants of each other (centre and établissement); words that carry no
 * meaning of their own (articles, prepositions, "service") are set aside.
 */

/** Words set aside besides the articles and prepositions of names: they are in every service's heading, or are the tail of an inclusive spelling ("pharmacien-ne"). */
const SET_ASIDE: ReadonlySet<string> = new Set([
  'd',
  'l',
  'qu',
  'avec',
  'dans',
  'chez',
  'votre',
  'vos',
  'your',
  'my',
  'service',
  'services',
  'online',
  'e',
  'ne',
  'ere',
  'euse',
  'trice',
]);

/** Word families that are one thing in a name (after stemWord): people say centre where the page says établissement. */
const VARIANTS: ReadonlyMap<string, string> = new Map([
  ['centr', 'etabliss'],
  ['center', 'etabliss'],
  ['establishment', 'etabliss'],
  ['impairment', 'impair'],
]);

/**
 * Québec's inclusive spellings, a word and its feminine ending in parentheses or after a middle dot or a
 * full stop: "pharmacien(ne)", "infirmier·ère", "étudiant.e". The ending goes; the word is the masculine.
 */
const INCLUSIVE = /(\p{L})(?:\((?:e|ne|nne|le|lle|te|se|re|ère|ere|euse|rice|trice)\)|[·•‧.](?:e|ne|nne|le|lle|te|se|ère|ere|euse|trice)(?![\p{L}]))/giu;

/** A name's own spelling joined in one word, split where its case says ("FacturActe": Factur, Acte). */
const CAMEL = /(\p{Ll})(\p{Lu})/gu;

/** "en ligne" (online): every service is one, and the page says it of most ("service en ligne des DMA"); "première ligne" keeps its word. */
const EN_LIGNE = /(^| )en ligne(?= |$)/g;

/**
 * A normalised key (see normalizeName) without the words that belong to the language rather than to a name:
 * articles and prepositions, "service", "en ligne", "online". Nothing is left out of a key made of them alone.
 */
export function withoutLanguageWords(key: string): string {
  const kept = key
    .replace(EN_LIGNE, '$1')
    .split(' ')
    .filter((w) => w !== '' && !FUNCTION_WORDS.has(w) && !SET_ASIDE.has(w));
  return kept.length > 0 ? kept.join(' ') : key;
}

/** The meaningful words of a name as written (normalised), before they are reduced to their families. */
export function spelledWords(name: string): string[] {
  const key = normalizeName(name.replace(INCLUSIVE, '$1').replace(CAMEL, '$1 $2')).replace(EN_LIGNE, '$1 ');
  const out: string[] = [];
  for (const token of key.split(/[^\p{L}\p{N}']+/u)) {
    // An elided article ("d'aide", "l'audition") is set aside, and so is an apostrophe inside a word.
    const word = token.replace(/^(?:qu|[cdjlmnst])'/, '').replace(/'/g, '');
    if (word === '' || FUNCTION_WORDS.has(word) || SET_ASIDE.has(word)) continue;
    out.push(word);
  }
  return out;
}

/** The family key of one spelled word. */
export function familyOf(word: string): string {
  const stem = stemWord(word);
  return VARIANTS.get(stem) ?? stem;
}

/** The distinct meaningful words of a name, each as its family key. */
export function meaningWords(name: string): string[] {
  return [...new Set(spelledWords(name).map(familyOf))];
}

/**
 * Whether a typed word is a word and not a cut-off one: it is spelt as in some
 * name (`known`), or it is the singular of a word so spelt ("plan" of "plans",
 * "régional" of "régionaux"), or it carries an ending that its family sets
 * aside ("impaired", "centres"). "podiatr" is none of these: it is the start of
 * a name, a near miss to suggest, not a word to read.
 */
export function isWholeWord(word: string, known: ReadonlySet<string>): boolean {
  return known.has(word) || stemWord(word) !== word || pluralsOf(word).some((plural) => known.has(plural));
}
