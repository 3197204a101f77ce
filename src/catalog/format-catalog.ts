import { Alias, isAlias, isMap, isScalar, isSeq, Pair, parseDocument, Scalar, visit, YAMLMap, YAMLSeq, type Document, type Node } from 'yaml';
import type { Problem } from './problem';
import { validateCatalogDocument } from './validate-catalog';

/** The outcome of formatting: the canonical text, or the problems that forbid touching the file. */
export type FormatResult = { ok: true; text: string; changed: boolean } | { ok: false; problems: Problem[] };

/** The canonical key order of each kind of object; the layout `fmt` writes and the README documents. */
export const KEY_ORDER = {
  root: ['version', 'source', 'categories', 'clienteles', 'services'],
  source: ['title', 'publisher', 'url', 'checked', 'sha256', 'etag', 'last_modified'],
  category: ['id', 'name', 'name_en'],
  clientele: [
    'id',
    'name',
    'name_en',
    'kind',
    'parent',
    'description',
    'forms',
    'aliases',
    'terms_en',
    'abbreviations',
    'job_titles',
    'shared_terms',
    'nicknames',
    'notes',
  ],
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
function resolveAliases(doc: Document, text: string): void {
  // No alias without a '*': the walk that looks for them can be spared.
  if (!text.includes('*')) return;
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

/**
 * The blank lines the parser keeps at the ends of a comment (a comment that ends an entry holds the blank lines
 * after it): the layout's blank lines are the printer's, so a comment's own are dropped, or each run of fmt
 * would print them again beside the printer's and the file would grow a line per run.
 */
function trimComments(node: Node): void {
  if (node.comment) node.comment = node.comment.replace(/^\n+|\n+$/g, '');
  if (node.commentBefore) node.commentBefore = node.commentBefore.replace(/^\n+|\n+$/g, '');
}

/** Resets every node's presentation (quoting, flow style, blank lines, anchors) so that the printer's defaults apply. */
function resetStyle(node: unknown): void {
  if (isScalar(node)) {
    // YAML 1.1's `=` (its "value" type) is one plain scalar that PyYAML's safe_load cannot read and that the
    // yaml-1.1 compatibility of PARSE_OPTIONS leaves plain: quoted, it is the string it is.
    node.type = (node.value === '=' ? Scalar.QUOTE_DOUBLE : undefined) as never;
    node.spaceBefore = false;
    node.anchor = undefined as never;
    trimComments(node);
    return;
  }
  if (isMap(node) || isSeq(node)) {
    trimComments(node);
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

/** The list or map whose trailing comment is printed last in a value: the value's own, else its last item's, and so on. */
function lastTrailing(value: unknown): YAMLMap | YAMLSeq | null {
  if (!(isMap(value) || isSeq(value))) return null;
  if (value.comment) return value;
  const last: unknown = value.items.at(-1);
  return lastTrailing(isMap(value) ? (last as Pair | undefined)?.value : last);
}

/**
 * Comment lines printed after the last line of a nested list or map and before the sibling that follows it
 * form one block, which the parser gives to the nested value (at its indentation), blank lines and all. So the
 * block is laid out here as the parser will read it back, or a second run of fmt would move comments: where a
 * blank line separates the sibling (the entries and top-level keys), what follows the block's last blank line
 * is the sibling's own comment and the rest the nested value's; elsewhere the sibling's comments join the nested
 * value's, and so does the trailing comment of the list or map that holds them. A comment that ends an entry
 * stays with that entry; one above an entry stays above it.
 */
function settleCommentBlocks(node: unknown): void {
  const values: unknown[] = isMap(node) ? node.items.map((p) => (p as Pair).value) : isSeq(node) ? node.items : [];
  const heads: unknown[] = isMap(node) ? node.items.map((p) => (p as Pair).key) : isSeq(node) ? node.items : [];
  values.forEach((value, i) => {
    settleCommentBlocks(value);
    const next = heads[i + 1];
    const holder = lastTrailing(value);
    if (holder === null || !(isScalar(next) || isMap(next) || isSeq(next))) return;
    const block = next.commentBefore ? `${holder.comment}\n\n${next.commentBefore}` : holder.comment!;
    const cut = block.lastIndexOf('\n\n');
    if (next.spaceBefore && cut >= 0) {
      holder.comment = block.slice(0, cut).replace(/\n+$/, '');
      next.commentBefore = block.slice(cut + 2).replace(/^\n+/, '');
    } else if (next.commentBefore) {
      holder.comment = `${holder.comment}\n${next.commentBefore}`;
      next.commentBefore = undefined as never;
    }
  });
  // The list's or map's own trailing comment follows its last item's at once: the parser reads both as the last item's.
  const own = isMap(node) || isSeq(node) ? node : null;
  const inner = own?.comment ? lastTrailing(values.at(-1)) : null;
  if (own !== null && inner !== null) {
    inner.comment = `${inner.comment}\n${own.comment}`;
    own.comment = undefined as never;
  }
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
  const validation = validateCatalogDocument(text, file);
  if (!validation.ok) return { ok: false, problems: validation.problems };
  // The canonical form is UTF-8 without a byte-order mark, with LF line ends; a text that has neither is laid
  // out from the document validation read (a second parse was a third of fmt's time at 4 MB), with the same
  // YAML 1.1 compatibility as PARSE_OPTIONS gives a parsed one.
  const plain = !text.startsWith('\ufeff') && !text.includes('\r');
  const doc: Document = plain ? validation.document : parseDocument(text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n'), PARSE_OPTIONS);
  if (plain) doc.setSchema(doc.directives?.yaml.version ?? '1.2', { compat: PARSE_OPTIONS.compat });
  const root = doc.contents;
  if (!isMap(root))
    return {
      ok: false,
      problems: [
        { code: 'SCHEMA', severity: 'error', file, line: 1, col: 1, endLine: 1, endCol: 1, path: '', detail: { id: 'wrongType', at: '', types: ['object'] } },
      ],
    };
  resolveAliases(doc, text);
  if (doc.comment) doc.comment = doc.comment.replace(/^\n+|\n+$/g, '');
  if (doc.commentBefore) doc.commentBefore = doc.commentBefore.replace(/^\n+|\n+$/g, '');
  resetStyle(root);
  orderMap(root, 'root');
  spaceEntries(root);
  settleCommentBlocks(root);
  // The comment at the end of the document is printed after a blank line, following the last entry's: one block
  // again, read back as the last entry's; what follows its last blank line is the document's.
  const last = lastTrailing(root);
  if (last !== null) {
    const block = doc.comment ? `${last.comment}\n\n${doc.comment}` : last.comment!;
    const cut = block.lastIndexOf('\n\n');
    if (cut >= 0) {
      last.comment = block.slice(0, cut).replace(/\n+$/, '');
      doc.comment = block.slice(cut + 2).replace(/^\n+/, '');
    }
  }
  const out = doc.toString(PRINT_OPTIONS);
  return { ok: true, text: out, changed: out !== text };
}
