import { withoutInvisible } from './invisible-characters';

const ALREADY_KEY = /^[a-z0-9]+(?: [a-z0-9]+)*$/;

/**
 * Reduces a name to the key used to compare names as people type them:
 * case, accents, apostrophe and dash styles, hyphens versus spaces and
 * repeated spaces are all ignored.
 */
export function normalizeName(name: string): string {
  // Already a key (lowercase ASCII words, single spaces): every step below would leave it as it is.
  if (ALREADY_KEY.test(name)) return name;
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc\u2032`´]/g, "'")
      .replace(/[\u2010-\u2015\u2212_-]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      // "d'aide" and "d' aide" are the same name (an elided article, not an English possessive: "professionals' ")
      .replace(/(^|\s)(qu|[cdjlmnst])' /g, "$1$2'")
  );
}

/** The UTS #39 confusables table, and a RegExp that finds the characters it maps. */
interface Confusables {
  readonly prototypes: Readonly<Record<string, string>>;
  readonly find: RegExp;
}

/**
 * The entries of the table (below) for ASCII characters, all of them: most names are ASCII once
 * normalised (accents dropped), and need no more. A test checks them against the table.
 */
export const ASCII_CONFUSABLES: Confusables = {
  prototypes: { '0': 'O', '1': 'l', '`': "'", '"': "''", '|': 'l', I: 'l', '%': 'º/₀', m: 'rn' },
  find: /[01`"|I%m]/g,
};

let confusables: Confusables | null = null;

/**
 * The UTS #39 confusables table: each character that looks like another, and the prototype it
 * looks like (Cyrillic "о" -> "o", Greek "Ρ" -> "P", "0" -> "O", "m" -> "rn", ...). It comes from
 * Unicode's confusables.txt (13.0.0) as the npm package unhomoglyph ships it, loaded on first use
 * (some 30 ms): only validation needs it, and only for a name with a character beyond ASCII.
 */
export function confusableTable(): Confusables {
  if (confusables === null) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const prototypes = require('unhomoglyph/data.json') as Record<string, string>;
    // One character class of every mapped character: a replace over it is some twenty times faster than a look-up per character.
    let members = '';
    for (const ch of Object.keys(prototypes)) members += ch.replace(/[\\\][^-]/g, '\\$&');
    confusables = { prototypes, find: new RegExp(`[${members}]`, 'gu') };
  }
  return confusables;
}

function skeletonOf(text: string): string {
  // eslint-disable-next-line no-control-regex
  const { prototypes, find } = /^[\u0000-\u007f]*$/.test(text) ? ASCII_CONFUSABLES : confusableTable();
  return normalizeName(text.replace(find, (ch) => prototypes[ch] ?? ch));
}

/**
 * The keys of how a name looks, to tell names that a reader cannot tell apart: the name without
 * invisible characters, each character replaced by the prototype of its confusables (the "skeleton"
 * of UTS #39), then normalised (normalizeName). Case is ignored as normalizeName ignores it, but
 * lookalikes differ by case (Greek "Ν" looks like "N", its small "ν" like "v"), so there are two
 * keys: the skeleton of the name in small letters and in capitals. Two names look alike when they
 * share the first key or the second. "Pоdiatre" with a Cyrillic о and "Podiatre" share both. The
 * keys are not for reading: "m" becomes "rn".
 */
export function nameSkeletons(name: string): readonly [lower: string, upper: string] {
  const plain = withoutInvisible(name);
  return [
    skeletonOf(normalizeName(plain)),
    skeletonOf(
      plain
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toUpperCase(),
    ),
  ];
}
