import type { Service } from '../catalog/model';
import { normalizeName } from '../catalog/normalize-name';
import { nameIn } from './entity-labels';
import type { Lang } from './options';

// Names up to this many characters are kept whole: they read better than any shortening.
const WHOLE_MAX = 32;
/** Longest short name, in characters, not counting a closing ellipsis: two short lines of a matrix column's vertical header. */
export const SHORT_NAME_MAX = 36;

// Words that carry no meaning in a column header.
const FILLER = {
  fr: new Set(['de', 'du', 'des', 'la', 'le', 'les', 'à', 'au', 'aux', 'en', 'et', 'ou', 'un', 'une', 'pour', 'par', 'sur', 'dans']),
  en: new Set(['of', 'the', 'and', 'or', 'a', 'an', 'for', 'in', 'on', 'to', 'your', 'with', 'by', 'at']),
} as const satisfies Record<Lang, ReadonlySet<string>>;

// French elided articles and prepositions: "l’admissibilité" -> "admissibilité".
const ELISION = { fr: /^(?:l|d|qu|j|n|s|c|m|t)['’]/i, en: /^$/ } as const satisfies Record<Lang, RegExp>;

/** A name's meaningful words, in order: no articles or prepositions, no bare punctuation or brackets. */
function meaningfulWords(name: string, lang: Lang): string[] {
  return name
    .split(/\s+/)
    .map((w) => w.replace(/^[([«"“]+|[)\]»"”,;:.]+$/g, '').replace(ELISION[lang], ''))
    .filter((w) => /[\p{L}\p{N}]/u.test(w) && !FILLER[lang].has(w.toLowerCase()));
}

/** The first words that fit in SHORT_NAME_MAX characters (or `least` words if more), with an ellipsis when some are left out. */
function leadingWords(words: readonly string[], least: number): string {
  let out = '';
  for (const [i, w] of words.entries()) {
    const next = out === '' ? w : `${out} ${w}`;
    if (i >= least && next.length > SHORT_NAME_MAX) return `${out}…`;
    out = next;
  }
  return out;
}

/** The key two labels are compared by: their meaningful words, as people type names. */
function labelKey(label: string, lang: Lang): string {
  const words = meaningfulWords(label.replace(/…$/, ''), lang);
  return normalizeName(words.length > 0 ? words.join(' ') : label);
}

/** Ids of the services whose label reads as another's: the same words, or a cut label that is the start of another. */
function findClashes(labels: ReadonlyMap<string, string>, lang: Lang): Set<string> {
  const keys = [...labels].map(([id, label]) => ({ id, key: labelKey(label, lang), cut: label.endsWith('…') }));
  const out = new Set<string>();
  for (const a of keys) {
    for (const b of keys) {
      if (a.id !== b.id && (a.key === b.key || (a.cut && b.key.startsWith(`${a.key} `)))) out.add(a.id);
    }
  }
  return out;
}

/**
 * One short label per service, in a language, for the column headers of a matrix: the
 * abbreviation when the service has one, else its name when that is short, else the name's
 * meaningful words ("Vérification admissibilité"), cut with an ellipsis past SHORT_NAME_MAX.
 * Derived from the names, never invented; no label reads as another's.
 */
export function serviceShortNames(services: readonly Service[], lang: Lang): ReadonlyMap<string, string> {
  const nameOf = (s: Service): string => nameIn(s, lang);
  const words = new Map(services.map((s) => [s.id, meaningfulWords(nameOf(s), lang)]));
  // Words a cut label keeps at least; raised for labels that clash.
  const least = new Map(services.map((s) => [s.id, 1]));
  const labelOf = (s: Service): string => {
    const name = nameOf(s);
    const w = words.get(s.id) ?? [];
    if (s.abbreviation !== null) return s.abbreviation;
    if (name.length <= WHOLE_MAX || w.length === 0) return name;
    const compact = w.join(' ');
    return compact.length <= SHORT_NAME_MAX ? compact : leadingWords(w, least.get(s.id) ?? 1);
  };
  for (;;) {
    const labels = new Map(services.map((s) => [s.id, labelOf(s)]));
    const clashing = findClashes(labels, lang);
    if (clashing.size === 0) return labels;
    let grown = false;
    for (const id of clashing) {
      const n = least.get(id) ?? 1;
      if ((labels.get(id) ?? '').endsWith('…') && n < (words.get(id)?.length ?? 0)) {
        least.set(id, n + 1);
        grown = true;
      }
    }
    if (!grown) {
      // Only labels the validator would refuse get here (one abbreviation for two services): full names.
      for (const s of services) if (clashing.has(s.id)) labels.set(s.id, nameOf(s));
      return labels;
    }
  }
}
