import { createHash } from 'node:crypto';
import type { Tier } from './model';
import { normalizeName } from './normalize-name';

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

// Characters a copy or a page may hold that are not text: soft hyphen, zero-width space and joiners, byte-order mark.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** A line's text as the check compares it: invisible characters dropped, every run of spaces (non-breaking ones too) one space. */
function clean(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Whether text is an HTML document rather than a text copy: a copy never starts with a tag. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*<[!?a-zA-Z]/.test(text.replace(/^\ufeff/, ''));
}

/** Reads a saved page, telling a text copy from an HTML file by its content. */
export function readSourcePage(text: string): SourcePage {
  const html = looksLikeHtml(text);
  const lines = html ? readHtmlLines(text) : readTextLines(text);
  const digest = createHash('sha256')
    .update(lines.map((l) => (l.item ? `- ${l.text}` : l.text)).join('\n'), 'utf8')
    .digest('hex');
  return { form: html ? 'html' : 'text', lines, sha256: digest };
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

// Elements whose content is no part of the page's text: code, styling, metadata, and the site's chrome around the page.
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'nav',
  'footer',
  'aside',
  'svg',
  'math',
  'iframe',
  'object',
  'select',
  'textarea',
  'button',
  'dialog',
]);
const SKIPPED_ROLES = new Set(['navigation', 'contentinfo', 'search', 'complementary']);
// Text a screen reader hears but a person does not see ("ouvre une nouvelle fenêtre").
const HIDDEN_CLASSES = ['sr-only', 'visually-hidden', 'visuallyhidden', 'element-invisible', 'screen-reader-text'];
// Elements that start and end a line (a browser lays them out as blocks); everything else is inline text.
const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

function skipped(name: string, attributes: Readonly<Record<string, string>>): boolean {
  if (SKIPPED.has(name)) return true;
  if ('hidden' in attributes || attributes['aria-hidden'] === 'true') return true;
  if (SKIPPED_ROLES.has((attributes['role'] ?? '').toLowerCase())) return true;
  const classes = (attributes['class'] ?? '').toLowerCase().split(/\s+/);
  return HIDDEN_CLASSES.some((c) => classes.includes(c));
}

/** The 1-based line of each offset, by binary search over the offsets where lines start. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * Reads an HTML page with htmlparser2 (entities decoded, unclosed tags
 * closed as browsers do) into the lines a browser's copy of it would hold: each
 * heading, paragraph and list item one line, inline tags and `<br>` within it,
 * scripts, styles, navigation, footer and hidden text left out.
 */
function readHtmlLines(text: string): PageLine[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Parser } = require('htmlparser2') as typeof import('htmlparser2');
  const lineOf = lineFinder(text);
  const out: PageLine[] = [];
  // Open elements: their name, whether they hide their content, and (for a list item) whether it has given its first line yet.
  const open: { skip: boolean; item: boolean; itemUsed: boolean }[] = [];
  let skipping = 0;
  let buffer = '';
  let bufferStart = -1;
  // Where the block element that the next line belongs to starts, until that line begins.
  let blockStart = -1;
  let bufferItem = false;

  const flush = (): void => {
    const line = clean(buffer);
    if (line !== '') out.push({ text: line, line: lineOf(bufferStart), item: bufferItem, hidden: false });
    buffer = '';
    bufferStart = -1;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const skip = skipping > 0 || skipped(name, attributes);
        open.push({ skip, item: name === 'li' || attributes['role'] === 'listitem', itemUsed: false });
        if (skip) {
          skipping++;
          return;
        }
        if (name === 'br') buffer += ' ';
        else if (BLOCKS.has(name) || attributes['role'] === 'listitem') {
          flush();
          blockStart = parser.startIndex;
        }
      },
      ontext(chunk) {
        if (skipping > 0) return;
        if (bufferStart === -1) {
          if (chunk.trim() === '') return;
          bufferStart = blockStart !== -1 ? blockStart : parser.startIndex;
          blockStart = -1;
          // The first line inside a list item is the item; a second paragraph in it is plain text, as a browser's copy has it.
          const item = [...open].reverse().find((e) => e.item);
          bufferItem = item !== undefined && !item.itemUsed;
          if (item) item.itemUsed = true;
        }
        buffer += chunk;
      },
      onclosetag(name) {
        // htmlparser2 closes what the page left open (a <p> before a <ul>, an <li> before the next) as a browser would, so the stack matches.
        const element = open.pop();
        if (element?.skip) {
          skipping--;
          return;
        }
        if (BLOCKS.has(name) || element?.item === true) {
          flush();
          blockStart = -1;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(text.replace(/^\ufeff/, ''));
  flush();
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
 * line that is neither a sub-heading nor an item; items after such a line are
 * stray (a list of a service's applications, or a list under a sub-heading
 * the page renamed).
 */
export function readPageLists(page: SourcePage): PageLists {
  const lists: { heading: string; line: number; items: ListedItem[] }[] = [];
  const stray: { lead: PageLine | null; items: PageLine[] }[] = [];
  let current: { heading: string; line: number; items: ListedItem[] } | null = null;
  let loose: { lead: PageLine | null; items: PageLine[] } | null = null;
  let lead: PageLine | null = null;
  let tier: Tier = 'unspecified';
  for (const line of page.lines) {
    const key = normalizeName(line.text);
    if (line.item && current === null) {
      if (loose === null) {
        loose = { lead, items: [] };
        stray.push(loose);
      }
      loose.items.push(line);
      continue;
    }
    loose = null;
    if (!line.item) lead = line;
    if (!line.item && key.startsWith(HEADING)) {
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
      current = null;
    }
  }
  return { lists, stray };
}

/** The "Qui a accès ...?" lists of a page (see readPageLists). */
export function readAccessLists(page: SourcePage): readonly AccessList[] {
  return readPageLists(page).lists;
}
