import { Alias, isAlias, isMap, isScalar, isSeq, Pair, parseDocument, Scalar, visit, YAMLMap, YAMLSeq, type Document, type Node } from 'yaml';
import type { Problem } from './problem';
import { validateCatalogText } from './validate-catalog';

/** The outcome of formatting: the canonical text, or the problems that forbid touching the file. */
export type FormatResult = { ok: true; text: string; changed: boolean } | { ok: false; problems: Problem[] };

/** The canonical key order of each kind of object; the layout `fmt` writes and the README documents. */
export const KEY_ORDER = {
  root: ['version', 'source', 'categories', 'clienteles', 'services'],
  source: ['title', 'publisher', 'url', 'checked', 'sha256', 'etag', 'last_modified'],
  category: ['id', 'name', 'name_en'],
  clientele: ['id', 'name', 'name_en', 'kind', 'parent', 'description', 'forms', 'aliases', 'terms_en', 'abbreviations', 'shared_terms', 'nicknames', 'notes'],
  service: [
    'id',
    'name',
    'name_is_descriptive',
    'name_en',
    'abbreviation',
    'category',
    'aliases',
    'shared_terms',
    'nicknames',
    'description',
    'grants',
    'notes',
    'sub_applications',
  ],
  bilingual: ['fr', 'en'],
  grant: ['clientele', 'tier', 'conditions'],
  note: ['kind', 'clienteles', 'fr', 'en'],
  clientele_note: ['kind', 'fr', 'en'],
  sub_application: ['name', 'name_en', 'description'],
} as const;

type Shape = keyof typeof KEY_ORDER;

// Which shape each key of a shape holds, and whether it is a list of them.
const CHILDREN: Partial<Record<Shape, Record<string, { shape: Shape; list: boolean }>>> = {
  root: {
    source: { shape: 'source', list: false },
    categories: { shape: 'category', list: true },
    clienteles: { shape: 'clientele', list: true },
    services: { shape: 'service', list: true },
  },
  clientele: { description: { shape: 'bilingual', list: false }, notes: { shape: 'clientele_note', list: true } },
  service: {
    description: { shape: 'bilingual', list: false },
    grants: { shape: 'grant', list: true },
    notes: { shape: 'note', list: true },
    sub_applications: { shape: 'sub_application', list: true },
  },
  grant: { conditions: { shape: 'bilingual', list: true } },
  sub_application: { description: { shape: 'bilingual', list: false } },
};

/**
 * How the canonical form is read back: as YAML 1.2 (this tool's reading), and with a scalar quoted
 * wherever a YAML 1.1 reader (PyYAML, ajv-cli, many editors) would read its plain form as something
 * other than a string: a date (`checked: "2026-11-27"`), a yes or no, a sexagesimal or octal number.
 * The schema wants strings there, and so does every reader of the catalogue.
 */
export const PARSE_OPTIONS = { uniqueKeys: true, strict: true, compat: 'yaml-1.1' } as const;

/** Options of the YAML printer that define the canonical layout. */
export const PRINT_OPTIONS = {
  indent: 2,
  indentSeq: true,
  lineWidth: 0,
  minContentWidth: 0,
  defaultStringType: 'PLAIN',
  defaultKeyType: 'PLAIN',
  singleQuote: null,
  nullStr: 'null',
  flowCollectionPadding: false,
} as const;

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function orderMap(map: YAMLMap, shape: Shape): void {
  const order: readonly string[] = KEY_ORDER[shape];
  map.items.sort((a, b) => order.indexOf(keyOf(a)) - order.indexOf(keyOf(b)));
  const children = CHILDREN[shape] ?? {};
  for (const pair of map.items) {
    const child = children[keyOf(pair)];
    if (!child) continue;
    if (child.list && isSeq(pair.value)) {
      for (const item of pair.value.items) if (isMap(item)) orderMap(item, child.shape);
    } else if (!child.list && isMap(pair.value)) {
      orderMap(pair.value, child.shape);
    }
  }
}

/** The node each alias stands for: the last node before it with its anchor, as YAML says (an anchor may be set again further on). */
function aliasTargets(doc: Document): Map<Alias, Node> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  visit(doc, {
    Alias(_, alias) {
      const target = anchors.get(alias.source);
      if (target !== undefined) targets.set(alias, target);
    },
    Node(_, node) {
      if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return targets;
}

/** A fresh copy of the value a node stands for, its aliases replaced by copies of their targets; without anchors, styles or comments. */
function materialize(node: unknown, targets: Map<Alias, Node>, open: Set<unknown>): unknown {
  if (isAlias(node)) {
    const target = targets.get(node);
    // Validation refuses an alias without an anchor before it, and a cycle cannot be a valid catalogue.
    if (target === undefined || open.has(target)) throw new Error(`alias *${node.source} cannot be resolved`);
    open.add(target);
    const copy = materialize(target, targets, open);
    open.delete(target);
    return copy;
  }
  if (isScalar(node)) {
    const copy = new Scalar(node.value);
    if (node.format !== undefined) copy.format = node.format;
    return copy;
  }
  if (isMap(node)) {
    const copy = new YAMLMap();
    for (const pair of node.items) copy.items.push(new Pair(materialize(pair.key, targets, open), materialize(pair.value, targets, open)));
    return copy;
  }
  if (isSeq(node)) {
    const copy = new YAMLSeq();
    for (const item of node.items) copy.items.push(materialize(item, targets, open));
    return copy;
  }
  return node;
}

/**
 * Replaces every alias by a copy of the value it stands for and drops the anchors: the canonical form
 * has neither. Reordering keys could otherwise put an alias before its anchor (a description aliasing
 * a sub-application's, say), which is not YAML; and the same data must give the same text, however
 * it was written. The alias's own comments stay where it was.
 */
function resolveAliases(doc: Document): void {
  const targets = aliasTargets(doc);
  if (targets.size === 0) return;
  visit(doc, {
    Alias(_, alias) {
      const copy = materialize(alias, targets, new Set()) as Node;
      if (alias.commentBefore) copy.commentBefore = alias.commentBefore;
      if (alias.comment) copy.comment = alias.comment;
      return copy;
    },
  });
}

/** Resets every node's presentation (quoting, flow style, blank lines, anchors) so that the printer's defaults apply. */
function resetStyle(node: unknown): void {
  if (isScalar(node)) {
    // YAML 1.1's `=` (its "value" type) is one plain scalar that PyYAML's safe_load cannot read and that the
    // yaml-1.1 compatibility of PARSE_OPTIONS leaves plain: quoted, it is the string it is.
    node.type = (node.value === '=' ? Scalar.QUOTE_DOUBLE : undefined) as never;
    node.spaceBefore = false;
    node.anchor = undefined as never;
    return;
  }
  if (isMap(node) || isSeq(node)) {
    node.anchor = undefined as never;
    node.flow = node.items.length === 0;
    node.spaceBefore = false;
    for (const item of node.items) {
      if (isMap(node)) {
        const pair = item as Pair;
        resetStyle(pair.key);
        resetStyle(pair.value);
      } else {
        resetStyle(item);
      }
    }
  }
}

function setSpaceBefore(node: unknown): void {
  if (isScalar(node) || isMap(node) || isSeq(node)) (node as Node).spaceBefore = true;
}

/** One blank line between top-level keys and between the entries of the three top-level lists; none elsewhere. */
function spaceEntries(root: YAMLMap): void {
  root.items.forEach((pair, i) => {
    if (i > 0) setSpaceBefore(pair.key);
    if (isSeq(pair.value)) pair.value.items.forEach((item, j) => j > 0 && setSpaceBefore(item));
  });
}

/**
 * Rewrites valid catalogue text in its canonical form: keys in the fixed order,
 * entries left in their order (the source page's, which the tool prints),
 * plain scalars unless quoting is needed, two-space indentation, one blank line
 * between entries, LF line ends, no byte-order mark, no anchors or aliases
 * (each alias is written out as the value it stands for). Comments and the
 * schema modeline are kept. Refuses text that
 * does not parse or is not a valid catalogue.
 */
export function formatCatalogText(text: string, file: string): FormatResult {
  const validation = validateCatalogText(text, file);
  if (!validation.ok) return { ok: false, problems: validation.problems };
  // The canonical form is UTF-8 without a byte-order mark, with LF line ends.
  const doc: Document = parseDocument(text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'), PARSE_OPTIONS);
  const root = doc.contents;
  if (!isMap(root))
    return {
      ok: false,
      problems: [
        { code: 'SCHEMA', severity: 'error', file, line: 1, col: 1, endLine: 1, endCol: 1, path: '', detail: { id: 'wrongType', at: '', types: ['object'] } },
      ],
    };
  resolveAliases(doc);
  resetStyle(root);
  orderMap(root, 'root');
  spaceEntries(root);
  const out = doc.toString(PRINT_OPTIONS);
  return { ok: true, text: out, changed: out !== text };
}
