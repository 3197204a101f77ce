import type { DefaultTreeAdapterMap, TreeAdapter } from 'parse5';
import { clean } from './page-text';
import { compileHidingRules, styleHides, type HidingRules, type StyleRefusal } from './page-styles';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** A line of an HTML page as a browser shows it, before the page layer turns it into a PageLine. */
export interface HtmlLine {
  /** All the line's text, what styling hides included. */
  readonly text: string;
  /** Only the text a browser shows. */
  readonly visible: string;
  readonly line: number;
  readonly item: boolean;
  /** Some of its text is hidden by styling. */
  readonly hidden: boolean;
}

/** Deepest nesting of elements a page may have: a browser's own limit (Chromium flattens past 512); parse5's cost grows with the square of it. */
export const MAX_HTML_DEPTH = 512;

/**
 * Most elements a page may have: the real page has about 500 (a browser's save
 * with menus and icons a few thousand); past this a page is no saved page, and
 * refusing it keeps any 4 MiB input within a second or so.
 */
export const MAX_HTML_ELEMENTS = 100_000;

/** Why an HTML page was not read: nested past the limit, too many elements, or style rules past what the check can apply. */
export type HtmlRefusal = { readonly id: 'tooDeep'; readonly limit: number } | { readonly id: 'tooManyElements'; readonly limit: number } | StyleRefusal;

/** An HTML page refused by the reader (see HtmlRefusal). */
export class HtmlRefusedError extends Error {
  constructor(readonly refusal: HtmlRefusal) {
    super(`HTML page refused: ${refusal.id}`);
  }
}

// Elements a browser never renders (their content is code, metadata, fallback for what it does render, or a closed control's options).
const NEVER_RENDERED = new Set([
  'head',
  'script',
  'style',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'canvas',
  'video',
  'audio',
  'object',
  'embed',
  'iframe',
  'svg',
  'math',
  'select',
  'datalist',
  'textarea',
  'input',
  'img',
  'picture',
]);
// The site's chrome around the page: navigation, the banner, the footer and side content.
const CHROME = new Set(['nav', 'footer', 'aside']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary']);
// Text a screen reader hears but a person does not see ("ouvre une nouvelle fenêtre").
const SCREEN_READER_CLASSES = ['sr-only', 'visually-hidden', 'visuallyhidden', 'element-invisible', 'screen-reader-text'];
// Where a <header> is not the page's banner (HTML-AAM).
const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);
// Elements that start and end a line (a browser lays them out as blocks); everything else is inline text.
const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'button',
  'caption',
  'dd',
  'details',
  'dialog',
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

// Glyphs pages draw before a list item as its bullet.
const BULLET = /^[-\u2013\u2014\u2022\u2023\u2043\u00b7\u203a\u00bb\u25aa\u25ab\u25b8\u25ba\u25e6\u25cf\u25cb\u25a0\u25a1\u2192\u2714\u2713]+\s+/;

/** What the parse gathers on its way, so that reading the tree needs no second search. */
interface Gathered {
  elements: number;
  /** Ids named by some `aria-controls`: panels a button opens. */
  readonly controlled: Set<string>;
  readonly styles: Element[];
  readonly mains: Element[];
}

/** parse5's default tree, refusing nesting past MAX_HTML_DEPTH and noting what the reader needs as elements are made. */
function boundedAdapter(gathered: Gathered): TreeAdapter<DefaultTreeAdapterMap> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { defaultTreeAdapter } = require('parse5') as typeof import('parse5');
  // Each element's depth, kept on the element itself (a WeakMap of a million entries costs more than the parse).
  const depthOf = (node: ParentNode): number => (node as { depth?: number }).depth ?? 0;
  const placed = (parent: ParentNode, child: Node): void => {
    if (!('tagName' in child)) return;
    const d = depthOf(parent) + 1;
    if (d > MAX_HTML_DEPTH) throw new HtmlRefusedError({ id: 'tooDeep', limit: MAX_HTML_DEPTH });
    (child as { depth?: number }).depth = d;
  };
  return {
    ...defaultTreeAdapter,
    createElement(tagName, namespaceURI, attrs) {
      const element = defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
      (element as { depth?: number }).depth = 0;
      if (++gathered.elements > MAX_HTML_ELEMENTS) throw new HtmlRefusedError({ id: 'tooManyElements', limit: MAX_HTML_ELEMENTS });
      for (const a of attrs) {
        if (a.name === 'aria-controls') for (const id of a.value.split(/\s+/)) if (id !== '') gathered.controlled.add(id);
        if (a.name === 'role' && a.value.trim().toLowerCase() === 'main') gathered.mains.push(element);
      }
      if (tagName === 'style') gathered.styles.push(element);
      else if (tagName === 'main') gathered.mains.push(element);
      return element;
    },
    appendChild(parent, child) {
      placed(parent, child);
      defaultTreeAdapter.appendChild(parent, child);
    },
    insertBefore(parent, child, reference) {
      placed(parent, child);
      defaultTreeAdapter.insertBefore(parent, child, reference);
    },
    // Only where a node starts is read: the copy parse5 makes of a location at each end tag is a third of its cost.
    updateNodeSourceCodeLocation() {},
  };
}

/**
 * Reads an HTML page as a browser builds it (parse5 follows the WHATWG
 * parsing algorithm: implied and misnested tags, `--!>` closing a comment,
 * entities) into the lines a browser's copy of it holds: each heading,
 * paragraph, list item and button label one line, inline tags and `<br>`
 * within it. What it reads:
 *
 * - only the page's `<main>` (or `role="main"`) when it has one, else the
 *   body; never the site's chrome (`<nav>`, `<footer>`, `<aside>`, a
 *   `<header>` outside main and sectioning elements, the same roles);
 * - `aria-hidden` text is shown, so read; a bullet drawn as text before an
 *   item ("›") is dropped, as the "- " of a copy is;
 * - panels a person opens are content: a `hidden` element some
 *   `aria-controls` names, `hidden="until-found"`, a closed `<details>`, an
 *   `<dialog open>`;
 * - never what a browser does not render (scripts, styles, templates,
 *   fallback content, media, form controls, another `hidden` element, a
 *   closed `<dialog>`), nor screen-reader-only text;
 * - text hidden by styling (`display:none`, `visibility:hidden`, inline or
 *   by a rule of the page's own `<style>`) is kept but marks its line
 *   hidden, so that it is reported and never written.
 */
export function readHtmlLines(html: string): HtmlLine[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parse } = require('parse5') as typeof import('parse5');
  const gathered: Gathered = { elements: 0, controlled: new Set(), styles: [], mains: [] };
  const document = parse(html, { sourceCodeLocationInfo: true, treeAdapter: boundedAdapter(gathered) });
  const sheets = gathered.styles.map((s) => s.childNodes.map((c) => ('value' in c ? c.value : '')).join(''));
  const rules = compileHidingRules(sheets, gathered.elements);
  if (typeof rules !== 'function') throw new HtmlRefusedError(rules);
  const main = gathered.mains.find((m) => !neverShown(m, gathered.controlled));
  return new LineReader(gathered.controlled, rules).read(main ?? document, main !== undefined);
}

/** A main element inside something never shown is no main. */
function neverShown(element: Element, controlled: ReadonlySet<string>): boolean {
  for (let e: ParentNode | null = element; e !== null && 'tagName' in e; e = e.parentNode) {
    if (NEVER_RENDERED.has(e.tagName) || isClosed(e.tagName, attributesOf(e), controlled)) return true;
  }
  return false;
}

/** What the reader asks of an element's attributes, read in one pass (most elements have none). */
interface Attributes {
  readonly role: string;
  readonly id: string | undefined;
  readonly style: string;
  readonly classes: string;
  /** Has `hidden`, other than `hidden="until-found"`. */
  readonly hidden: boolean;
  readonly open: boolean;
}

function attributesOf(e: Element): Attributes {
  let role = '';
  let id: string | undefined;
  let style = '';
  let classes = '';
  let hidden = false;
  let open = false;
  for (const a of e.attrs) {
    if (a.name === 'role') role = a.value.trim().toLowerCase();
    else if (a.name === 'id') id = a.value;
    else if (a.name === 'style') style = a.value;
    else if (a.name === 'class') classes = a.value;
    else if (a.name === 'open') open = true;
    else if (a.name === 'hidden') hidden = a.value.trim().toLowerCase() !== 'until-found';
  }
  return { role, id, style, classes, hidden, open };
}

/** A closed dialog, or a `hidden` element that no button opens (a panel some `aria-controls` names is content). */
function isClosed(name: string, a: Attributes, controlled: ReadonlySet<string>): boolean {
  if (name === 'dialog' && !a.open) return true;
  return a.hidden && (a.id === undefined || !controlled.has(a.id));
}

class LineReader {
  private readonly out: HtmlLine[] = [];
  private text = '';
  private visible = '';
  private hidden = false;
  private start = -1;
  private item = false;
  /** Where the block element that the next line belongs to starts, until that line begins. */
  private blockStart = -1;
  /** The list items open around the walk: whether each has given its first line yet. */
  private readonly items: { used: boolean }[] = [];

  constructor(
    private readonly controlled: ReadonlySet<string>,
    private readonly hides: HidingRules,
  ) {}

  /** The lines of the tree under root; inside `<main>`, a `<header>` is no banner. */
  read(root: Node, inMain: boolean): HtmlLine[] {
    this.visit(root, false, inMain);
    this.flush();
    return this.out;
  }

  private flush(): void {
    // A list item's bullet drawn as text (an `aria-hidden` "›") is the list's mark, as "- " is in a copy.
    const unmark = (t: string): string => (this.item ? t.replace(BULLET, '') : t);
    const text = unmark(clean(this.text));
    if (text !== '') this.out.push({ text, visible: unmark(clean(this.visible)), line: this.start, item: this.item, hidden: this.hidden });
    this.text = '';
    this.visible = '';
    this.hidden = false;
    this.start = -1;
  }

  private visit(node: Node, styleHidden: boolean, sectioned: boolean): void {
    if (node.nodeName === '#text') {
      this.addText((node as DefaultTreeAdapterMap['textNode']).value, node.sourceCodeLocation?.startLine ?? 1, styleHidden);
      return;
    }
    if (!('childNodes' in node)) return;
    if (!('tagName' in node)) {
      for (const child of node.childNodes) this.visit(child, styleHidden, sectioned);
      return;
    }
    const e = node;
    const name = e.tagName;
    if (NEVER_RENDERED.has(name)) return;
    const attributes = attributesOf(e);
    if (isClosed(name, attributes, this.controlled)) return;
    const { role, id, style, classes } = attributes;
    // A panel a button opens is content, even while its styling keeps it collapsed.
    const panel = id !== undefined && this.controlled.has(id);
    if (CHROME.has(name) || CHROME_ROLES.has(role) || (name === 'header' && !sectioned)) return;
    if (classes !== '' && SCREEN_READER_CLASSES.some((c) => classes.toLowerCase().split(/\s+/).includes(c))) return;
    const hiddenHere = styleHidden || (!panel && ((style !== '' && styleHides(style)) || this.hides(e)));
    if (name === 'br') {
      this.addText(' ', e.sourceCodeLocation?.startLine ?? 1, hiddenHere);
      return;
    }
    const block = BLOCKS.has(name) || role === 'listitem';
    if (block) {
      this.flush();
      this.blockStart = e.sourceCodeLocation?.startLine ?? 1;
    }
    const listItem = name === 'li' || role === 'listitem';
    if (listItem) this.items.push({ used: false });
    const inner = sectioned || SECTIONING.has(name);
    for (const child of e.childNodes) this.visit(child, hiddenHere, inner);
    if (listItem) this.items.pop();
    if (block) {
      this.flush();
      this.blockStart = -1;
    }
  }

  private addText(chunk: string, line: number, styleHidden: boolean): void {
    if (this.start === -1) {
      if (chunk.trim() === '') return;
      this.start = this.blockStart !== -1 ? this.blockStart : line;
      this.blockStart = -1;
      // The first line inside a list item is the item; a second paragraph in it is plain text, as a browser's copy has it.
      const item = this.items[this.items.length - 1];
      this.item = item !== undefined && !item.used;
      if (item) item.used = true;
    }
    this.text += chunk;
    if (styleHidden) {
      if (chunk.trim() !== '') this.hidden = true;
    } else this.visible += chunk;
  }
}
