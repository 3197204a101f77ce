import type { Lang } from '../options';

type French = typeof import('./fr').french;

// An interface rather than the alias itself, so that the compiler's messages name it instead of spelling it out.
/**
 * Everything the tool says, in one language. The French catalogue (fr.ts)
 * defines the keys and the arguments of each sentence; the English one
 * (en.ts) `satisfies` the same type, so that a sentence missing or extra in
 * either fails to compile. Each language's module is loaded when first asked
 * for: a run speaks one language. Counts go through `count` (Intl.PluralRules).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Messages extends French {}

/** A text of the interface, picked from the messages of the run's language. */
export type Text = (m: Messages) => string;

/** The exit codes the tool documents (src/cli/exit-code.ts's EXIT): those the catalogues explain. */
export type ExitCodeNumber = keyof Messages['exitCodes'];

/** Every argument and option-value name the usage lines show (`<clientele...>`, `--tier <tier>`). */
export type Placeholder = keyof Messages['placeholders'];

/** The words of `check-source` about a page fetched by its address (`check-source URL`, or no page: the catalogue's source.url). */
export type FetchMessages = Messages['checkSource']['fetch'];

/** What a finding of check-source quotes, already worded in the output language. */
export interface FindingWords {
  /** The service's official name (the heading, for a new service). */
  readonly service: string;
  /** The clientele's official name (the item as written, for a new clientele). */
  readonly clientele: string;
  /** The list item as the page writes it. */
  readonly item: string;
  readonly heading: string;
  readonly pageTier: string;
  readonly catalogTier: string;
  readonly pageCondition: string;
  /** The grant's conditions, quoted and joined; '' when it has none. */
  readonly catalogConditions: string;
  /** Near names, joined; '' when there are none. */
  readonly suggestions: string;
}

const BY_LANG: Readonly<Record<Lang, () => Messages>> = {
  // Loaded when first asked for: a run speaks one language.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  fr: () => (require('./fr') as typeof import('./fr')).french,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  en: () => (require('./en') as typeof import('./en')).english,
};

/** The messages of a language. */
export function messagesFor(lang: Lang): Messages {
  return BY_LANG[lang]();
}

const rules = new Map<Lang, Intl.PluralRules>();

/** The form of a word that goes with a count, as its language wants: `plural('fr', 1, 'concorde', 'concordent')`. */
export function plural(lang: Lang, n: number, one: string, other: string): string {
  let r = rules.get(lang);
  if (r === undefined) {
    r = new Intl.PluralRules(lang);
    rules.set(lang, r);
  }
  return r.select(n) === 'one' ? one : other;
}

const NUMBER_LOCALES: Readonly<Record<Lang, string>> = { fr: 'fr-CA', en: 'en-CA' };
const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** What separates groups of three digits, as `Intl.NumberFormat` of each language's locale writes it. */
const GROUP_SEPARATORS: Readonly<Record<Lang, string>> = { fr: '\u00a0', en: ',' };

/**
 * A number as people read it in a language: `2 000` in French (grouped by the
 * no-break space U+00A0 that fr-CA uses, the one French typography puts before
 * punctuation too), `2,000` in English. For prose only: JSON and CSV keep numbers.
 *
 * A whole number (every count the tool prints) is grouped here, as
 * `Intl.NumberFormat` groups it (a test compares the two): making the first
 * `Intl.NumberFormat` loads the locale's data, which cost a fifth of a query's
 * start-up. Any other number goes to `Intl.NumberFormat`.
 */
export function formatNumber(lang: Lang, n: number): string {
  if (Number.isSafeInteger(n) && !Object.is(n, -0)) {
    const digits = String(Math.abs(n));
    let grouped = digits.length <= 3 ? digits : '';
    if (grouped === '') {
      const head = digits.length % 3 || 3;
      grouped = digits.slice(0, head);
      for (let i = head; i < digits.length; i += 3) grouped += GROUP_SEPARATORS[lang] + digits.slice(i, i + 3);
    }
    return n < 0 ? `-${grouped}` : grouped;
  }
  let f = numberFormats.get(lang);
  if (f === undefined) {
    f = new Intl.NumberFormat(NUMBER_LOCALES[lang]);
    numberFormats.set(lang, f);
  }
  return f.format(n);
}

/** A system error code as a short phrase in the run's language, the code itself in parentheses (the code alone when the catalogue has no words for it). */
export function describeErrno(code: string, m: Messages): string {
  const text = (m.errors.errno as Readonly<Record<string, string>>)[code];
  return text === undefined ? code : `${text} (${code})`;
}

/** A count with the plural form its language wants: `count('fr', 0, 'service', 'services')` is "0 service", `count('fr', 2000, ...)` "2 000 services". */
export function count(lang: Lang, n: number, one: string, other: string): string {
  return `${formatNumber(lang, n)} ${plural(lang, n, one, other)}`;
}

/** A code point as Unicode writes it: `U+00AD`, `U+E0041`. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A long text cut to the characters around a position (counted in characters from 1), "…" standing for what is cut. */
export function excerptAround(text: string, position: number, around = 20): string {
  const chars = [...text];
  if (chars.length <= 2 * around + 1) return text;
  const from = Math.max(0, position - 1 - around);
  const to = Math.min(chars.length, position + around);
  return `${from > 0 ? '…' : ''}${chars.slice(from, to).join('')}${to < chars.length ? '…' : ''}`;
}
