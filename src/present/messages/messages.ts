import type { ClienteleKind, NoteKind, Tier } from '../../catalog/model';
import type { EntryRef, ProblemCode, ProblemDetail } from '../../catalog/problem';
import type { FindingKind } from '../../query/check-source';
import type { Lang } from '../options';
import { asData } from './typography';

/**
 * Everything the tool says, in one language. Each language is one module
 * (fr.ts, en.ts) typed against this interface, so that a sentence missing in
 * one of them fails to compile. Counts go through `count` (Intl.PluralRules).
 */
export interface Messages {
  readonly program: {
    readonly description: string;
    readonly version: string;
    readonly help: string;
    readonly helpCommand: string;
  };
  /**
   * The punctuation presenters put between a label and its text, and between the items of a list, as the
   * language's typography spaces it (" : " and " ; " in French, with a no-break space; ": " and "; " in English).
   */
  readonly punctuation: { readonly colon: string; readonly semicolon: string };
  /** Commander's help headings, by its English title. */
  readonly titles: Readonly<Record<'Usage:' | 'Arguments:' | 'Options:' | 'Global Options:' | 'Commands:' | 'Examples:' | 'Exit codes:', string>>;
  /** What each exit code means, one line each (the program's help, the man page's EXIT STATUS; src/cli/exit-code.ts checks that every code has one). */
  readonly exitCodes: Readonly<Record<ExitCodeNumber, string>>;
  readonly choices: (list: string) => string;
  /** Names of arguments and option values in usage lines (`<clientele...>`, `--tier <tier>`), by their name in the code. */
  readonly placeholders: Readonly<Record<Placeholder, string>>;
  readonly commands: Readonly<
    Record<
      | 'validate'
      | 'services'
      | 'who'
      | 'can'
      | 'show'
      | 'list'
      | 'search'
      | 'matrix'
      | 'diff'
      | 'fmt'
      | 'check-source'
      | 'export'
      | 'completion'
      | '__complete',
      string
    >
  >;
  readonly args: {
    readonly clientele: string;
    readonly clienteleOfCan: string;
    readonly service: string;
    readonly serviceOfWho: string;
    readonly name: string;
    readonly listWhat: string;
    readonly words: string;
    readonly files: string;
    readonly old: string;
    readonly new: string;
    readonly shell: string;
    readonly typedWords: string;
    readonly page: string;
  };
  readonly options: {
    readonly catalog: string;
    readonly lang: string;
    readonly stdinFilepath: string;
    readonly color: string;
    readonly noColor: string;
    readonly debug: string;
    readonly tier: string;
    readonly category: string;
    readonly own: string;
    readonly expand: string;
    readonly check: string;
    readonly write: string;
    readonly force: string;
    readonly timeout: string;
    readonly shell: string;
    readonly format: (defaultFormat: string, aliases: readonly (readonly [string, string])[]) => string;
    readonly json: string;
    readonly batch: (line: string) => string;
  };
  readonly batchLines: { readonly clientele: string; readonly service: string; readonly pair: string };
  /** What standard input was taken for, in "already read for ...". */
  readonly stdinPurposes: {
    readonly catalogue: string;
    readonly validate: string;
    readonly format: string;
    readonly diffOld: string;
    readonly diffNew: string;
    readonly batch: string;
    readonly page: string;
  };
  readonly errors: {
    readonly missingArgument: (name: string) => string;
    /** `matrix` in a format that shows every cell, for more cells than it writes. */
    readonly matrixTooLarge: (cells: number, max: number) => string;
    /** `search` with more different words than it takes. */
    readonly tooManyWords: (words: number, max: number) => string;
    readonly optionMissingArgument: (flags: string) => string;
    readonly unknownOption: (option: string) => string;
    readonly unknownCommand: (command: string) => string;
    readonly didYouMean: (suggestion: string) => string;
    readonly excessArguments: (command: string, expected: number, got: number) => string;
    readonly invalidChoice: (value: string, what: string, choices: string) => string;
    readonly optionNamed: (flags: string) => string;
    readonly argumentNamed: (name: string) => string;
    readonly usageOther: (message: string) => string;
    /** The line after a usage error: the command line that shows the help of the command at fault. */
    readonly seeHelp: (helpCommand: string) => string;
    readonly batchArguments: (line: string) => string;
    readonly batchFormat: (format: string) => string;
    readonly jsonAndFormat: (format: string) => string;
    readonly stdinTwice: (first: string, second: string) => string;
    /** --stdin-filepath in a run that reads no file from standard input. */
    readonly stdinFilepathUnused: string;
    /** --catalog given to a call that reads no catalogue in use: it reads the files it is given (`files`), or none. */
    readonly catalogUnused: (command: string, reads: 'files' | 'no') => string;
    readonly stdinFilepathEmpty: string;
    /** Two readers of standard input asked for at once, refused before either reads it. */
    readonly stdinBoth: (first: string, second: string) => string;
    readonly stdinUnreadable: (reason: string) => string;
    readonly cannotUseCatalogue: (file: string) => string;
    readonly cannotCompare: string;
    readonly leftUntouched: (file: string) => string;
    readonly notCanonical: (file: string) => string;
    /** What `fmt --check` prints instead of a patch past `limit` changed lines; `removed` and `added` are lower bounds. */
    readonly tooManyChanges: (file: string, limit: number, removed: number, added: number) => string;
    readonly formatted: (file: string) => string;
    readonly cannotWrite: (stream: string, reason: string) => string;
    readonly cannotWriteFile: (file: string, reason: string) => string;
    /** Why fmt or check-source --write leaves a file as it is, after cannotWriteFile's "cannot write FILE: ". */
    readonly writeRefused: {
      /** `mode` in octal, such as 0444. */
      readonly readOnly: (mode: string) => string;
      readonly hardLinks: (links: number) => string;
      readonly owner: (uid: number, gid: number) => string;
      readonly changed: string;
      readonly notRegular: string;
    };
    readonly streams: { readonly stdout: string; readonly stderr: string };
    readonly internal: (message: string) => string;
    readonly internalHint: string;
    readonly errno: Readonly<Record<'ENOSPC' | 'EDQUOT' | 'EIO' | 'EACCES' | 'EPERM' | 'EISDIR' | 'EROFS' | 'EFBIG' | 'EBADF' | 'ENOENT', string>>;
  };
  /** The sentences of `can`; `answer` is the styled Yes or No. */
  readonly can: {
    readonly yesWord: string;
    readonly noWord: string;
    readonly yes: (answer: string, clientele: string, service: string, how: string) => string;
    readonly also: (how: string, inheritedFrom: string | null) => string;
    readonly inherited: (from: string) => string;
    readonly condition: (text: string) => string;
    readonly notAtTier: (answer: string, clientele: string, service: string, tier: string, others: string) => string;
    readonly no: (answer: string, clientele: string, service: string) => string;
    /** A "no" for a service the source gives no access list for. */
    readonly noList: (answer: string, clientele: string, service: string) => string;
    /** Heading of the holders of a service, at any tier (`tier` null) or at the tier asked. */
    readonly holders: (tier: string | null) => string;
    /** When no one holds the service at the tier asked. */
    readonly noHolder: (tier: string) => string;
    /** One holder: its name, then the conditions of its grant. */
    readonly holder: (name: string, conditions: readonly string[]) => string;
    /** The holders of one tier, one after the other. */
    readonly holderList: (holders: readonly string[]) => string;
    /** The label before a note's text, naming its kind. */
    readonly note: (kind: string) => string;
    /** The same for a note about some clienteles only (in `who`): its kind, then whom it concerns. */
    readonly noteAbout: (kind: string, clienteles: readonly string[]) => string;
  };
  /** How a row of `services` or `who` names the other grants that reach the same clientele and service. */
  readonly rows: {
    /** `holder` is the name of the clientele whose grant it is, null for the clientele's own; `conditions` already worded. */
    readonly also: (tier: string, holder: string | null, conditions: readonly string[]) => string;
    /** A clientele the page does not list for a service but that inherits one of its grants (`show`): from whom, at what tier, with what conditions (already worded). */
    readonly inherits: (holder: string, tier: string, conditions: readonly string[]) => string;
  };
  /** How each tier reads in a sentence or a table cell. */
  readonly tiers: Readonly<Record<Tier, string>>;
  readonly clienteleKinds: Readonly<Record<ClienteleKind, string>>;
  readonly noteKinds: Readonly<Record<NoteKind, string>>;
  /** Fixed words of tables and pages (headings, labels, legends); `{n}`-style slots are filled by wordWith. */
  readonly words: Readonly<Record<WordKey, string>>;
  /** What a kind of problem is, in one sentence (SARIF's rule descriptions). */
  readonly problemLabels: Readonly<Record<ProblemCode, string>>;
  /** The HTML page's interface strings (`{name}` slots are filled by its script). */
  readonly html: Readonly<Record<HtmlKey, string>>;
  /** What validation problems say, one sentence per kind of detail. */
  readonly problems: { readonly [K in ProblemDetail['id']]: (d: Extract<ProblemDetail, { id: K }>) => string };
  /** Counts under tables, with the plural their language wants. */
  readonly counts: {
    readonly services: (n: number) => string;
    readonly clienteles: (n: number) => string;
    readonly categories: (n: number) => string;
  };
  /** `validate`'s summary lines. */
  readonly validation: {
    readonly valid: string;
    readonly summary: (problems: number, files: number) => string;
    /** A GitHub annotation's title: the problem's code, and the entry at fault when it has one. */
    readonly title: (code: ProblemCode, entry: EntryRef | null) => string;
  };
  /** The words of `diff`. */
  readonly diff: {
    readonly none: string;
    readonly changes: string;
    readonly effects: string;
    readonly added: string;
    readonly removed: string;
    readonly renamed: (field: string) => string;
    /** What a change of grants does to one clientele's access to one service; `who` and `what` name them, the access is worded. */
    readonly effect: {
      readonly gained: (who: string, what: string, access: string) => string;
      readonly lost: (who: string, what: string, access: string) => string;
      readonly changed: (who: string, what: string, before: string, after: string) => string;
    };
    readonly grant: string;
    readonly tier: string;
    readonly conditions: (list: string) => string;
    readonly description: string;
    readonly notes: string;
    /** A note's kind and the ids of the clienteles it concerns, in a diff line. */
    readonly noteTag: (kind: string, clienteles: readonly string[]) => string;
    readonly subApps: string;
    readonly inherited: (id: string) => string;
    readonly noAccess: string;
    readonly summary: (changes: number, effects: number) => string;
    readonly entries: Readonly<Record<'service' | 'clientele' | 'category', string>>;
    readonly fields: Readonly<Record<DiffField, string>>;
    /** The heading of a change to the catalogue's source. */
    readonly source: string;
  };
  /** The words of `check-source`. */
  readonly checkSource: CheckSourceMessages;
  readonly questions: {
    readonly unknown: Readonly<Record<NameKind, (input: string) => string>>;
    readonly ambiguous: (input: string) => string;
    /** A name longer than any name can be: its length and the limit. */
    readonly tooLong: (length: number, limit: number) => string;
    /** A batch line longer than a line may be (skipped unread): its bytes and the limit. */
    readonly lineTooLong: (bytes: number, limit: number) => string;
    /** A batch line holding a NUL byte. */
    readonly binaryLine: string;
    /** A batch line whose bytes are not UTF-8. */
    readonly notUtf8Line: string;
    readonly couldMean: (input: string, list: string) => string;
    readonly withSuggestions: (message: string, list: string) => string;
    /** A candidate of another kind than the argument takes, in a list of candidates: its id, its name and its kind. */
    readonly candidateOfKind: (id: string, name: string, kind: string) => string;
    /** An unknown name with nothing near it: where to look next, the list of its kind (null for any kind) and a search for its words. */
    readonly nextStep: (message: string, list: string | null, search: string) => string;
    /** A name of the other kind: what it is, by the kind it is. */
    readonly isOtherKind: Readonly<Record<'clientele' | 'service', (input: string) => string>>;
    /** Two names given the other way round in `can`. */
    readonly swapped: (service: string, clientele: string) => string;
    /** The grant condition a clientele's name carried ("Audioprothésiste (accès aux états de compte seulement)"). */
    readonly namedCondition: (condition: string) => string;
    /** A name read by its words: what was typed, the entry it was read as, and the application of that service whose name it is from, if any. */
    readonly readAs: (input: string, entry: string, subApplication: string | null) => string;
    /** The line saying where answers come from and when the catalogue was last checked against that page. */
    readonly sourceLine: (publisher: string, title: string, checked: string | null) => string;
    /** The same, in `can`, when that condition is not one of the answering grant's. */
    readonly namedConditionElsewhere: (condition: string) => string;
    /** The command that answers, after a sentence. */
    readonly askInstead: (message: string, command: string) => string;
    readonly badPair: string;
    readonly badName: Readonly<Record<NameKind, string>>;
  };
}

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

/** The words of `check-source`. */
export interface CheckSourceMessages {
  /** The catalogue agrees: every item of every list is one grant. */
  readonly agrees: (items: number, lists: number) => string;
  /** How many items agree when some do not. */
  readonly matched: (matched: number, items: number, lists: number) => string;
  /** The summary line under the findings. */
  readonly summary: (findings: number, applicable: number) => string;
  /** What the catalogue records of its last check, against this page's text. */
  readonly sameText: (date: string) => string;
  readonly otherText: (date: string) => string;
  readonly otherTextNoDate: string;
  readonly neverChecked: string;
  /** One finding's sentence, by kind. */
  readonly findings: Readonly<Record<FindingKind, (w: FindingWords) => string>>;
  /** Where a finding stands, before its sentence: "page line 12, catalogue line 40:". */
  readonly where: (pageLine: number | null, catalogLine: number | null) => string;
  /** A GitHub annotation's pointer back to the page: "page.txt, line 12". */
  readonly onPage: (page: string, line: number | null) => string;
  /** Markdown table headings. */
  readonly columns: { readonly page: string; readonly catalogue: string; readonly difference: string };
  readonly stubsTitle: string;
  readonly stubHint: string;
  readonly stubFor: Readonly<Record<'service' | 'clientele', (name: string) => string>>;
  /** In the table without --write: new entries get a stub with --write (or in the JSON and Markdown). */
  readonly stubsAvailable: (n: number) => string;
  /** Unknown names past the first `ranked` got no near names (a page of thousands of unknown names). */
  readonly unranked: (n: number, ranked: number) => string;
  /** In a report: lists that read empty, which --write refuses as a broken reading. */
  readonly emptyListsRead: (n: number, first: string) => string;
  /** Errors and notes on standard error. */
  readonly noLists: (page: string) => string;
  readonly cannotReadPage: (page: string, reason: string) => string;
  readonly pageProblems: {
    readonly notFound: string;
    readonly isDirectory: string;
    /** `size` is null when reading stopped one byte past the limit (a pipe, a device: its size is not known). */
    readonly tooLarge: (size: number | null, limit: number) => string;
    readonly binary: string;
    readonly notUtf8: string;
    /** Elements nested deeper than `limit` (a browser flattens them; no real page nests so deep). */
    readonly tooDeep: (limit: number) => string;
    /** More elements than `limit`: no saved page has so many. */
    readonly tooManyElements: (limit: number) => string;
    /** More rules that hide content in the page's own `<style>` than the check applies. */
    readonly tooManyHidingRules: (count: number, limit: number) => string;
    /** The page's hiding rules times its elements is past what the check applies in bounded time. */
    readonly tooManyStyleTests: string;
  };
  readonly cannotWriteStdin: string;
  /** --force without --write: it overrides a refusal of --write only. */
  readonly forceWithoutWrite: string;
  readonly written: (file: string, applied: number, recorded: boolean) => string;
  readonly upToDate: (file: string) => string;
  readonly untouched: (file: string) => string;
  readonly leftOver: (n: number) => string;
  readonly translate: (service: string, clientele: string) => string;
  /** --write refuses a reading of the page that looks broken (see the README's refusal rule). */
  readonly emptyLists: (file: string, n: number, first: string) => string;
  readonly tooManyRemovals: (file: string, removed: number, grants: number, share: number) => string;
  /** The edited catalogue would not be valid (a condition the page states holds characters or a length the schema refuses). */
  readonly editInvalid: (file: string, codes: string) => string;
  readonly badEpoch: (value: string) => string;
  /** Writing the catalogue of an installed package, which an upgrade would undo. */
  readonly installedCatalog: (file: string) => string;
  /** A page fetched by its address. */
  readonly fetch: FetchMessages;
}

/** The words of `check-source` about a page fetched by its address (`check-source URL`, or no page: the catalogue's source.url). */
export interface FetchMessages {
  /** The page could not be had (exit 69): its address and why, one of the reasons below. */
  readonly cannotFetch: (url: string, reason: string) => string;
  readonly refused: string;
  readonly dns: (host: string) => string;
  /** Another network failure, by the system's or fetch's code. */
  readonly network: (code: string) => string;
  readonly timeout: (seconds: number) => string;
  readonly http: (status: number, statusText: string) => string;
  readonly tooManyRedirects: (max: number) => string;
  readonly badRedirect: (location: string) => string;
  /** `size` is the announced Content-Length, null when the body ran past the limit while read. */
  readonly tooLarge: (size: number | null, limit: number) => string;
  readonly notHtml: (contentType: string) => string;
  /** A 304 Not Modified to the recorded validators: the page is what it was at the last check (exit 0). */
  readonly notModified: (url: string, checked: string | null) => string;
  /** Usage errors. */
  readonly noPage: (catalogue: string) => string;
  readonly badUrl: (url: string) => string;
  readonly badTimeout: (value: string) => string;
  readonly timeoutWithoutUrl: string;
}

/** The fixed words of tables and pages. */
export type WordKey =
  | 'service'
  | 'services'
  | 'clientele'
  | 'clienteles'
  | 'category'
  | 'categories'
  | 'access'
  | 'conditions'
  | 'inheritedFrom'
  | 'none'
  | 'noService'
  | 'noClientele'
  | 'noGrant'
  | 'yes'
  | 'no'
  | 'id'
  | 'name'
  | 'nameEn'
  | 'abbreviation'
  | 'kind'
  | 'parent'
  | 'children'
  | 'aliases'
  | 'description'
  | 'notes'
  | 'subApplications'
  | 'heirs'
  | 'descriptiveName'
  | 'legend'
  | 'matches'
  | 'noMatch'
  | 'kindService'
  | 'kindClientele'
  | 'kindCategory'
  | 'fieldName'
  | 'fieldDescription'
  | 'fieldNotes'
  | 'fieldSubApplications'
  | 'fieldConditions'
  | 'fieldLabel'
  | 'conditionRef'
  | 'conditionNote'
  | 'legendInherited'
  | 'legendConditions'
  | 'legendNoAccess'
  | 'legendColumns';

/** The HTML page's interface strings. */
export type HtmlKey =
  | 'title'
  | 'intro'
  | 'filters'
  | 'clientele'
  | 'allClienteles'
  | 'category'
  | 'allCategories'
  | 'tier'
  | 'allTiers'
  | 'search'
  | 'searchPlaceholder'
  | 'shown'
  | 'services'
  | 'noResult'
  | 'who'
  | 'noList'
  | 'inheritedFrom'
  | 'alsoInherited'
  | 'alsoOwn'
  | 'conditionLine'
  | 'notes'
  | 'noteLine'
  | 'subApps'
  | 'descriptive'
  | 'officialName'
  | 'matrix'
  | 'matrixHelp'
  | 'matrixRegion'
  | 'symbols'
  | 'inheritedMeaning'
  | 'conditionsMeaning'
  | 'conditionNotes'
  | 'conditionNote'
  | 'keys'
  | 'byClientele'
  | 'byClienteleHelp'
  | 'byClienteleNone'
  | 'footer';

/** The exit codes the tool documents (src/cli/exit-code.ts's EXIT). */
export type ExitCodeNumber = 0 | 1 | 2 | 3 | 69 | 70 | 74;

/** Every argument and option-value name the usage lines show. */
export type Placeholder =
  | 'options'
  | 'command'
  | 'clientele'
  | 'service'
  | 'name'
  | 'what'
  | 'words'
  | 'files'
  | 'old'
  | 'new'
  | 'shell'
  | 'path'
  | 'lang'
  | 'tier'
  | 'category'
  | 'format'
  | 'page'
  | 'seconds';

/** The fields of a catalogue entry a diff can name. */
export type DiffField =
  | 'name'
  | 'name_en'
  | 'abbreviation'
  | 'category'
  | 'kind'
  | 'parent'
  | 'forms'
  | 'aliases'
  | 'terms_en'
  | 'abbreviations'
  | 'shared_terms'
  | 'nicknames'
  | SourceField;

/** The fields of the catalogue's `source` a diff can name. */
export type SourceField = 'title' | 'publisher' | 'url' | 'checked' | 'sha256';

/** What a name was expected to name. */
export type NameKind = 'clientele' | 'service' | 'category' | 'name';

/** A text of the interface, picked from the messages of the run's language. */
export type Text = (m: Messages) => string;

const BY_LANG: Readonly<Record<Lang, () => Messages>> = {
  // Loaded when first asked for: a run speaks one language.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  fr: () => (require('./fr') as typeof import('./fr')).fr,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  en: () => (require('./en') as typeof import('./en')).en,
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
  // The excerpt is the value's own text: the typography rule leaves it as it is.
  return `${from > 0 ? '…' : ''}${asData(chars.slice(from, to).join(''))}${to < chars.length ? '…' : ''}`;
}
