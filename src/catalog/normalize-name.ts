/**
 * Reduces a name to the key used to compare names as people type them:
 * case, accents, apostrophe and dash styles, hyphens versus spaces and
 * repeated spaces are all ignored.
 */
export function normalizeName(name: string): string {
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
