import type { DefaultTreeAdapterMap } from 'parse5';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

/** A test of one element against the page's own rules that hide what they match. */
export type HidingRules = (element: Element) => boolean;

/** More hiding selectors than this in a page's `<style>` elements is not a page the check can read: refused, never guessed. */
export const MAX_HIDING_SELECTORS = 256;
/** The most element-and-selector tests one page may cost (about a second here); a page past it is refused. */
export const MAX_STYLE_TESTS = 20_000_000;

/** Why a page's style rules could not be applied within the bounds above. */
export type StyleRefusal =
  { readonly id: 'tooManyHidingRules'; readonly count: number; readonly limit: number } | { readonly id: 'tooManyStyleTests'; readonly tests: number };

// A declaration that takes the element out of what a browser shows.
const HIDES = /(?:^|[;{\s])(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important\s*)?(?:;|$)/i;

/** Whether an inline `style` attribute hides its element. */
export function styleHides(style: string): boolean {
  return HIDES.test(` ${style.replace(/\/\*[\s\S]*?\*\//g, '')}`);
}

/** Media queries whose rules a screen applies: none, `all`, `screen` (a rule for print, or for some widths only, is not applied). */
const SCREEN_MEDIA = /^\s*(?:only\s+)?(?:all|screen)?\s*$/i;

/**
 * The selectors of the rules that hide what they match, in a style sheet's
 * text: top-level rules, and rules inside `@media all|screen`, `@supports` and
 * `@layer` blocks. One pass over the text, braces counted, comments and
 * strings skipped; the cascade is not computed (a rule that hides is enough:
 * the text it hides is reported, never written, so erring this way is safe).
 */
export function hidingSelectors(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ');
  const out: string[] = [];
  // Each open block: whether rules inside it apply.
  const blocks: boolean[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      i = end === -1 ? text.length : end;
    } else if (c === '{') {
      const prelude = text.slice(start, i).trim();
      const applies = blocks.every((b) => b);
      if (prelude.startsWith('@')) {
        const media = /^@media\b([\s\S]*)$/i.exec(prelude);
        blocks.push(applies && (media ? SCREEN_MEDIA.test(media[1] ?? '') : /^@(?:supports|layer)\b/i.test(prelude)));
        start = i + 1;
      } else {
        const close = text.indexOf('}', i + 1);
        const declarations = text.slice(i + 1, close === -1 ? text.length : close);
        if (applies && prelude !== '' && HIDES.test(` ${declarations}`)) out.push(prelude);
        i = close === -1 ? text.length : close;
        start = i + 1;
      }
    } else if (c === '}') {
      blocks.pop();
      start = i + 1;
    } else if (c === ';' && text.slice(start, i).trim().startsWith('@')) {
      start = i + 1;
    }
  }
  return out;
}

const isElement = (node: Node): node is Element => 'tagName' in node;

/** css-select's view of parse5's default tree. */
const adapter = {
  isTag: isElement,
  existsOne: (test: (e: Element) => boolean, nodes: Node[]): boolean => nodes.some((n) => isElement(n) && (test(n) || adapter.existsOne(test, n.childNodes))),
  getAttributeValue: (e: Element, name: string): string | undefined => e.attrs.find((a) => a.name === name)?.value,
  getChildren: (n: Node): Node[] => ('childNodes' in n ? n.childNodes : []),
  getName: (e: Element): string => e.tagName,
  getParent: (n: Node): Node | null => ('parentNode' in n ? (n.parentNode as Node | null) : null),
  getSiblings: (n: Node): Node[] => {
    const parent = 'parentNode' in n ? (n.parentNode as Node | null) : null;
    return parent !== null && 'childNodes' in parent ? parent.childNodes : [n];
  },
  getText: (n: Node): string => ('value' in n ? n.value : 'childNodes' in n ? n.childNodes.map((c) => adapter.getText(c)).join('') : ''),
  hasAttrib: (e: Element, name: string): boolean => e.attrs.some((a) => a.name === name),
  removeSubsets: (nodes: Node[]): Node[] => nodes,
  findAll: (test: (e: Element) => boolean, nodes: Node[]): Element[] => {
    const out: Element[] = [];
    const stack = [...nodes].reverse();
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (!isElement(n)) continue;
      if (test(n)) out.push(n);
      for (let i = n.childNodes.length - 1; i >= 0; i--) stack.push(n.childNodes[i]!);
    }
    return out;
  },
  findOne: (test: (e: Element) => boolean, nodes: Node[]): Element | null => adapter.findAll(test, nodes)[0] ?? null,
};

/**
 * The page's own hiding rules as one test, or why they cannot be applied
 * within bounds. A selector css-select cannot compile (a pseudo-class that
 * depends on the pointer, a syntax error) or one with `:has()` (whose cost is
 * not bounded by the page's size) matches nothing, as in a browser that does
 * not know it.
 */
export function compileHidingRules(styleSheets: readonly string[], elements: number): HidingRules | StyleRefusal {
  const selectors = styleSheets.flatMap(hidingSelectors);
  if (selectors.length === 0) return () => false;
  if (selectors.length > MAX_HIDING_SELECTORS) return { id: 'tooManyHidingRules', count: selectors.length, limit: MAX_HIDING_SELECTORS };
  if (selectors.length * elements > MAX_STYLE_TESTS) return { id: 'tooManyStyleTests', tests: selectors.length * elements };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compile } = require('css-select') as typeof import('css-select');
  const tests: ((e: Element) => boolean)[] = [];
  for (const selector of selectors) {
    if (/:has\s*\(/i.test(selector)) continue;
    try {
      tests.push(compile<Node, Element>(selector, { adapter, xmlMode: false }));
    } catch {
      // an unknown selector matches nothing
    }
  }
  return (element) => tests.some((t) => t(element));
}
