import type { HtmlLine, HtmlRefusal } from './read-html';
import { clean } from './page-text';
import type { Tier } from '../catalog/model';
import { normalizeName } from '../catalog/normalize-name';

/** One line of the page as check-source reads it: a heading, a paragraph or a list item. */
export interface PageLine {
  /** Its text, spaces collapsed (a list item without its "- "). */
  readonly text: string;
  /** Where it starts in the file: 1-based line of the text copy, or of the HTML file where its element starts. */
  readonly line: number;
  /** A list item. */
  readonly item: boolean;
  /** The line holds text the page hides by styling (`display:none`, `visibility:hidden`, inline or by a rule of its own `<style>`): a browser does not show it, so it is reported ("hidden on the page") and never written. Always false in a text copy. */
  readonly hidden: boolean;
}

/** The page a person saved, read into lines: its text as copied from a browser, or the HTML file a browser saves. */
export interface SourcePage {
  readonly form: 'text' | 'html';
  readonly lines: readonly PageLine[];
  /** SHA-256 (hex) of the page text: its lines (an item as "- " and its text) joined by line feeds; the same for a copy and for the HTML of one page. */
  readonly sha256: string;
}

/** One item of a "Qui a accès" list: the clientele's label as the page gives it, and the tier of the list it stands in. */
export interface ListedItem {
  readonly text: string;
  readonly line: number;
  readonly tier: Tier;
  /** The item holds text hidden by styling (see PageLine.hidden). */
  readonly hidden: boolean;
}

/** A "Qui a accès ...?" heading with the items listed under it. */
export interface AccessList {
  readonly heading: string;
  readonly line: number;
  readonly items: readonly ListedItem[];
}

/** Whether text is an HTML document rather than a text copy: a copy never starts with a tag. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*<[!?a-zA-Z]/.test(text.replace(/^\ufeff/, ''));
}

/** Reads a saved page, telling a text copy from an HTML file by its content. */
export function readSourcePage(text: string): SourcePage {
  const html = looksLikeHtml(text);
  const read = html ? readHtml(text) : readTextLines(text).map((l) => ({ ...l, visible: l.text }));
  // What the page says: the text a browser shows, line by line (text hidden by styling is no part of it).
  const said = read.filter((l) => l.visible !== '').map((l) => (l.item ? `- ${l.visible}` : l.visible));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const digest = createHash('sha256').update(said.join('\n'), 'utf8').digest('hex');
  // (each line also carries its visible text; a PageLine's fields are the ones above)
  return { form: html ? 'html' : 'text', lines: read, sha256: digest };
}

function readHtml(text: string): readonly HtmlLine[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readHtmlLines } = require('./read-html') as typeof import('./read-html');
  return readHtmlLines(text.replace(/^\ufeff/, ''));
}

const ITEM_MARK = /^[-•]\s+/;

function readTextLines(text: string): PageLine[] {
  const out: PageLine[] = [];
  text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const line = clean(raw);
      if (line === '') return;
      const item = ITEM_MARK.test(line);
      const body = item ? line.replace(ITEM_MARK, '') : line;
      if (body !== '') out.push({ text: body, line: i + 1, item, hidden: false });
    });
  return out;
}

// How the page words an access list's heading and its two sub-headings (compared as normalised names).
const HEADING = normalizeName('Qui a accès');
const CREATION = normalizeName('Clientèles qui peuvent accéder au service à la création');
const REQUEST = normalizeName('Clientèles qui peuvent demander');

/** List items outside every "Qui a accès" list, with the line they stand under. */
export interface StrayItems {
  /** The line before them (a paragraph, a sub-heading the check does not know), or null at the top of the page. */
  readonly lead: PageLine | null;
  readonly items: readonly PageLine[];
}

/** A page's access lists, and the list items that stand in none. */
export interface PageLists {
  readonly lists: readonly AccessList[];
  readonly stray: readonly StrayItems[];
}

/**
 * The "Qui a accès ...?" lists of a page: each heading with the items under
 * it, and the tier each item's sub-heading gives ("Clientèles qui peuvent
 * accéder au service à la création de leur compte": creation; "... demander
 * l'accès": request; a list without one: unspecified). A list ends at the first
 * line that is neither a sub-heading nor an item; items right after such a
 * line are stray (a list under a sub-heading the page renamed, or a list of a
 * service's applications), and so are items right after one line that follows
 * stray items. Other lists (a site's audience list, "Vous êtes : ...") are no
 * part of any access list and no finding.
 */
export function readPageLists(page: SourcePage): PageLists {
  const lists: { heading: string; line: number; items: ListedItem[] }[] = [];
  const stray: { lead: PageLine | null; items: PageLine[] }[] = [];
  let current: { heading: string; line: number; items: ListedItem[] } | null = null;
  let loose: { lead: PageLine | null; items: PageLine[] } | null = null;
  let lead: PageLine | null = null;
  let tier: Tier = 'unspecified';
  // Lines that are no list item since the last list (or stray run) ended: items right after one such line are stray; later ones are the page's other lists.
  let sinceList = Number.POSITIVE_INFINITY;
  for (const line of page.lines) {
    if (line.item && current === null) {
      if (loose === null && sinceList <= 1) {
        loose = { lead, items: [] };
        stray.push(loose);
      }
      if (loose !== null) {
        loose.items.push(line);
        sinceList = 0;
      }
      continue;
    }
    loose = null;
    if (!line.item) lead = line;
    // A line hidden by styling is not what the page says: it never starts a list, and it ends one.
    const key = line.hidden && !line.item ? '' : normalizeName(line.text);
    if (!line.item && !line.hidden && key.startsWith(HEADING)) {
      current = { heading: line.text, line: line.line, items: [] };
      lists.push(current);
      tier = 'unspecified';
    } else if (current !== null && !line.item && key.startsWith(CREATION)) {
      tier = 'creation';
    } else if (current !== null && !line.item && key.startsWith(REQUEST)) {
      tier = 'request';
    } else if (current !== null && line.item) {
      current.items.push({ text: line.text, line: line.line, tier, hidden: line.hidden });
    } else {
      if (current !== null) sinceList = 0;
      current = null;
      sinceList++;
    }
  }
  return { lists, stray };
}

/** The "Qui a accès ...?" lists of a page (see readPageLists). */
export function readAccessLists(page: SourcePage): readonly AccessList[] {
  return readPageLists(page).lists;
}

/** Why a text is not a page to check: HTML the reader refuses (see HtmlRefusal), or a page without any "Qui a accès" list (a login or error page). */
export type PageRefusal = HtmlRefusal | { readonly id: 'noLists' };

/** A page read into its lines and lists once, or why it is not one to check. */
export type ListingReading =
  { readonly ok: true; readonly page: SourcePage; readonly lists: PageLists } | { readonly ok: false; readonly refusal: PageRefusal };

/** Reads a page to check: its lines and "Qui a accès" lists; a page that lists no access must not pass for one whose lists went empty. */
export function readListingPage(text: string): ListingReading {
  let page: SourcePage;
  try {
    page = readSourcePage(text);
  } catch (error) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    if (error instanceof (require('./read-html') as typeof import('./read-html')).HtmlRefusedError) return { ok: false, refusal: error.refusal };
    throw error;
  }
  const lists = readPageLists(page);
  return lists.lists.length === 0 ? { ok: false, refusal: { id: 'noLists' } } : { ok: true, page, lists };
}
