/**
 * Word families for `search`, in French and English at once.
 *
 * The catalogue writes every text in both languages side by side and people
 * type either, without accents as often as with them; so a word is reduced
 * after `normalizeName` (lower case, no accents) by one set of rules that
 * knows the endings of both languages. Published stemmers (Snowball's French
 * and English, and the ports of them on npm) need the accents — on "deleguee"
 * and "infirmiere" typed plainly they keep the feminine ending — and none folds
 * "délégation" into "déléguer"; these few rules do both, for a catalogue of a
 * few hundred words, and __tests__/stem-word.test.ts pins the families they
 * make and the look-alikes they keep apart.
 *
 * What is one family:
 * - inflections: plural (-s, -aux, -eaux), feminine (-e, -ée, -ienne, -ière,
 *   -euse, -trice, -ive, -elle), verb forms (-er, -ez, -é, -ée; -ed, -ing);
 * - a verb, its participles and the noun of its action: déléguer, délégué,
 *   délégation; delegate, delegated, delegation; vérifier, vérification,
 *   verify, verified; inscrire, inscrit, inscription; rembourser,
 *   remboursement;
 * - a few cognates fall together on the way, and may: pharmacie and
 *   pharmacy, clinique and clinic, candidat and candidate.
 *
 * What is kept apart: the person from the thing or the place. A profession
 * is a clientele, and a search for it must not bring the establishments or
 * the objects named after its trade: pharmacien and pharmacienne stay
 * together but apart from pharmacie (pharmacist from pharmacy), prescripteur
 * from prescription, dentiste from dentaire, infirmier from infirmerie,
 * gestionnaire from gestion, usager from usage, médecin from médecine.
 * Agent endings (-ien, -iste, -ist, -eur, -aire) are therefore never removed,
 * only their feminine and plural are folded in. English agent nouns in -er
 * are the exception: their ending is also the French infinitive's, so
 * officer joins office and viewer joins view (the word itself still ranks
 * first). Short words are kept whole (a stem keeps at least four letters), so
 * that "note" never joins "not", nor "mois" "moi".
 */

/** Shortest stem a rule may leave: below it, a word is too short to tell its family. */
const MIN_STEM = 4;

// English past and progressive forms, put back to the base the next step knows (delegated -> delegate).
const INFLECTIONS: readonly (readonly [ending: string, base: string])[] = [
  ['ifying', 'ify'],
  ['ified', 'ify'],
  ['ating', 'ate'],
  ['ated', 'ate'],
  ['izing', 'ize'],
  ['ized', 'ize'],
  ['ising', 'ise'],
  ['ised', 'ise'],
  ['ied', 'y'],
  ['ing', ''],
  ['ed', ''],
];

// Endings of both languages and what they become; the longest that leaves a long enough stem wins.
// A third element raises the shortest stem for that ending.
type Ending = readonly [ending: string, becomes: string, minStem?: number];
const ENDINGS: readonly Ending[] = (
  [
    // inscrire, inscrit, inscription, prescrire, prescribe, prescribed: one family each (but the prescriber is a person, below)
    ['scription', 'scri'],
    ['scrire', 'scri'],
    ['scrite', 'scri'],
    ['scrit', 'scri'],
    ['scribe', 'scri'],
    ['scrib', 'scri'],
    ['scriber', 'scriber'],
    // vérifier, vérifié, vérification, verify, verified, verification
    ['ification', 'if'],
    ['ifiante', 'if'],
    ['ifiant', 'if'],
    ['ifiee', 'if'],
    ['ifier', 'if'],
    ['ifie', 'if'],
    ['ify', 'if'],
    // the noun of an action is its verb: facturation, facturer; délégation, déléguer; delegation, delegate
    ['ation', ''],
    ['ate', '', 5],
    // candidat and candidate, certificat and certificate (but not contrat and contre, nor format and forme)
    ['at', '', 6],
    ['ement', ''],
    ['lment', 'l'],
    ['nment', 'n'],
    // usager, passager, messager: people, not the usage or the message (partager pays for it: it stays alone)
    ['ager', 'ager'],
    // feminine forms of agent nouns and adjectives: the masculine
    ['ienne', 'ien'],
    ['iere', 'i'],
    ['ier', 'i'],
    ['euse', 'eur'],
    ['trice', 'teur'],
    ['ive', 'if'],
    ['elle', 'el'],
    ['ique', 'ic'],
    // verb forms and the silent e
    ['er', ''],
    ['ez', ''],
    ['ee', ''],
    ['e', ''],
  ] satisfies Ending[]
).sort((a, b) => b[0].length - a[0].length);

// Each step keeps a stem of at least `minStem` letters, or leaves the word as it is.
function replaceEnding(word: string, ending: string, becomes: string, minStem: number): string | null {
  if (!word.endsWith(ending)) return null;
  const result = word.slice(0, word.length - ending.length) + becomes;
  return result.length >= minStem ? result : null;
}

function stripInflection(word: string): string {
  for (const [ending, base] of INFLECTIONS) {
    const result = replaceEnding(word, ending, base, MIN_STEM);
    if (result !== null) return result;
  }
  if (word.endsWith('ss')) return word;
  return replaceEnding(word, 'eaux', 'eau', MIN_STEM) ?? replaceEnding(word, 'aux', 'al', MIN_STEM + 1) ?? replaceEnding(word, 's', '', MIN_STEM) ?? word;
}

function stripEnding(word: string): string {
  for (const [ending, becomes, minStem = MIN_STEM] of ENDINGS) {
    const result = replaceEnding(word, ending, becomes, minStem);
    if (result !== null) return result;
  }
  return word;
}

function tidy(stem: string): string {
  let s = stem;
  // déléguer, délégation: the u only keeps the g hard before e
  if (s.endsWith('gu')) s = s.slice(0, -1);
  // pharmacy, pharmacie; authorize, authorise
  if (s.endsWith('y') && s.length > MIN_STEM) s = `${s.slice(0, -1)}i`;
  if (s.endsWith('iz')) s = `${s.slice(0, -1)}s`;
  // renouveler, renouvellement; enrol, enrolled
  if (s.length > MIN_STEM && /([lnrtmp])\1$/.test(s)) s = s.slice(0, -1);
  return s;
}

// Words the endings would put in the wrong family: médecine is the field, médecin the person.
const OWN_FAMILY: ReadonlySet<string> = new Set(['medecine']);

/**
 * The family key of a normalised word (see `normalizeName`): words of one
 * family in French or English share it. Words with digits, and words too
 * short to tell, are their own key.
 */
export function stemWord(word: string): string {
  if (word.length <= MIN_STEM || /\d/.test(word)) return word;
  const base = stripInflection(word);
  return OWN_FAMILY.has(base) ? base : tidy(stripEnding(base));
}
