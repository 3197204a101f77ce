import { Composer, LineCounter, Parser, isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, visit, type Document } from 'yaml';
import { toJsonPointer, type Problem, type ProblemCode, type ProblemDetail, type SourceRange } from './problem';

/** Aliases the loader expands before it calls a file an alias bomb. */
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting a catalogue may have; the real one needs 7. */
export const MAX_DEPTH = 64;

/** A parsed YAML document that can say where each value came from. */
export interface ParsedYaml {
  readonly data: unknown;
  /** The document the data was read from (fmt lays it out again rather than parse the text twice). */
  readonly document: Document.Parsed;
  /** The range of the node at a path of keys and indexes (of its key with `at: 'key'`), or of its nearest existing ancestor. */
  readonly positionOf: (path: readonly (string | number)[], at?: 'key' | 'value') => SourceRange | null;
}

/** The outcome of parsing YAML text: the data with positions, or the problems found. */
export type ParseResult = { ok: true; parsed: ParsedYaml } | { ok: false; problems: Problem[] };

const YAML_CODES: Record<string, ProblemCode> = {
  DUPLICATE_KEY: 'DUPLICATE_KEY',
  TAB_AS_INDENT: 'YAML_TAB',
  MULTIPLE_DOCS: 'MULTIPLE_DOCUMENTS',
};

/** What a YAML error of the parser says: our own sentence where the code has one, else the parser's explanation. */
function detailOf(code: ProblemCode, yamlCode: string, message: string): ProblemDetail {
  return code === 'YAML_TAB' ? { id: 'tabIndent' } : code === 'MULTIPLE_DOCUMENTS' ? { id: 'multipleDocuments' } : { id: 'yaml', yamlCode, text: message };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?\s*$/, '');
}

/** A token of yaml's concrete syntax tree, as far as this module reads it. */
interface CstToken {
  readonly type?: string;
  readonly offset?: number;
  readonly source?: string;
  readonly end?: readonly CstToken[];
  readonly [key: string]: unknown;
}

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/** Walks the syntax tree without recursion (a hostile file may nest ten thousand levels): calls `each` with every token and its depth. */
function walkTokens(tokens: readonly unknown[], each: (token: CstToken, depth: number) => boolean | void): void {
  const stack: [unknown, number][] = tokens.map((t): [unknown, number] => [t, 0]).reverse();
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], depth]);
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    const token = node as CstToken;
    const inner = token.type !== undefined && COLLECTIONS.has(token.type) ? depth + 1 : depth;
    if (each(token, inner) === false) return;
    const children = Object.keys(token).filter((k) => k !== 'source' && typeof token[k] === 'object');
    for (let i = children.length - 1; i >= 0; i--) stack.push([token[children[i]!], inner]);
  }
}

/** An item of a collection token: the key and the value, either of which may be a collection. */
interface CstItem {
  readonly key?: unknown;
  readonly value?: unknown;
}

/**
 * Offset of the first collection nested deeper than MAX_DEPTH, or null. Only documents and collections can
 * hold a collection (a document its value, a collection its items' keys and values), so only they are walked,
 * without recursion: a whole-tree walk over every token's members was a tenth of validating a 4 MB file.
 */
function tooDeep(tokens: readonly unknown[]): number | null {
  const stack: [CstToken, number][] = [];
  for (let i = tokens.length - 1; i >= 0; i--) stack.push([tokens[i] as CstToken, 0]);
  while (stack.length > 0) {
    const [token, outer] = stack.pop()!;
    const collection = token.type !== undefined && COLLECTIONS.has(token.type);
    const depth = collection ? outer + 1 : outer;
    if (collection && depth > MAX_DEPTH) return token.offset ?? 0;
    const children: unknown[] = [];
    if (token.type === 'document') children.push(token['value']);
    else if (collection) for (const item of (token['items'] ?? []) as readonly CstItem[]) children.push(item.key, item.value);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (typeof child === 'object' && child !== null) stack.push([child as CstToken, depth]);
    }
  }
  return null;
}

/**
 * yaml reports an unclosed quote or bracket where it noticed it (often the end
 * of the file or the next line); the fault is where the quote or bracket opens.
 */
function openingOf(tokens: readonly unknown[], errorOffset: number, message: string): number | null {
  const quote = /closing "?quote/i.test(message);
  const flow = /^Flow (sequence|map)|Expected .*(\]|\}) /i.test(message) || /flow (sequence|map|collection)/i.test(message);
  if (!quote && !flow) return null;
  let best: number | null = null;
  walkTokens(tokens, (token) => {
    const offset = token.offset;
    if (offset === undefined || offset > errorOffset) return true;
    if (quote && (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar')) {
      const source = token.source ?? '';
      const q = source[0] ?? '';
      const closed = source.length > 1 && source.trimEnd().endsWith(q) && !source.trimEnd().endsWith(`\\${q}`);
      if (!closed && offset + source.length >= errorOffset) best = best === null ? offset : Math.max(best, offset);
    }
    if (flow && token.type === 'flow-collection') {
      const closed = (token.end ?? []).some((e) => e.type === 'flow-seq-end' || e.type === 'flow-map-end');
      if (!closed) best = best === null ? offset : Math.max(best, offset);
    }
    return true;
  });
  return best;
}

/** A position at column 1 of an indented line says little: point at the line's first character instead. */
function firstNonSpace(text: string, offset: number): number {
  if (offset !== 0 && text[offset - 1] !== '\n') return offset;
  let i = offset;
  while (text[i] === ' ') i++;
  return text[i] === '\n' || text[i] === '\r' || i >= text.length ? offset : i;
}

/** Parses catalogue text with positions, turning every YAML error into a problem; never throws for bad input. */
export function parseYaml(source: string, file: string): ParseResult {
  // A lone CR ends a line (old Mac files; YAML 1.2 counts it as a break), but the parser would read the whole
  // file as one line. Made LF, which keeps every offset, so positions still point into the file as written.
  const text = source.replace(/\r(?!\n)/g, '\n');
  const lineCounter = new LineCounter();
  const range = (start: number, end: number): SourceRange => {
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(Math.max(start, end));
    return { line: from.line, col: from.col, endLine: to.line, endCol: to.col };
  };
  const problem = (code: ProblemCode, [start, end]: Offsets, path: Keys | null, detail: ProblemDetail): Problem => ({
    code,
    severity: 'error',
    file,
    ...range(start, end),
    path: path === null ? null : toJsonPointer(path),
    detail,
  });
  /** The offsets of a node's text, without the comments and blank lines that follow it. */
  const offsetsOf = (node: unknown): Offsets | null => {
    const start = startOf(node);
    const end = endOf(node, text);
    return start === null || end === null ? null : [start, Math.max(start, end)];
  };
  const oneCharacter = (offset: number): Offsets => [offset, Math.min(offset + 1, text.length)];

  // The parser is iterative; composing the tree is recursive, so depth is checked in between.
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const deep = tooDeep(tokens);
  // The collection is thousands of levels deep: its range would run to its far end, so the problem marks its opening character.
  if (deep !== null) return { ok: false, problems: [problem('NESTING_LIMIT', oneCharacter(deep), null, { id: 'nestingLimit', limit: MAX_DEPTH })] };

  const composer = new Composer({ uniqueKeys: true, strict: true, logLevel: 'error' });
  let doc: Document.Parsed | null = null;
  const problems: Problem[] = [];
  const empty = (): ParseResult => ({ ok: false, problems: [problem('EMPTY_DOCUMENT', [0, 0], [], { id: 'emptyDocument' })] });
  for (const next of composer.compose(tokens, true, text.length)) {
    if (doc === null) {
      doc = next;
    } else {
      // The whole second document is the fault; it is no part of the catalogue's data, so it has no path.
      const end = trimmedEnd(text, next.range[0], next.range[1]);
      problems.push(problem('MULTIPLE_DOCUMENTS', [next.range[0], end], null, { id: 'multipleDocuments' }));
      break;
    }
  }
  if (doc === null) return empty();
  for (const error of [...doc.errors, ...doc.warnings]) {
    const code = YAML_CODES[error.code] ?? 'YAML_SYNTAX';
    const message = firstLine(error.message);
    if (code === 'DUPLICATE_KEY') {
      // yaml marks the first character of the repeated key; the problem covers the key and names the member it repeats.
      const found = keyAt(doc, error.pos[0]);
      problems.push(problem(code, (found && offsetsOf(found.key)) ?? error.pos, found?.keys ?? null, { id: 'duplicateKey' }));
      continue;
    }
    // yaml's range (what `linePos` of a prettified error holds); where the fault is moved to an opening quote or bracket, or past
    // indentation, yaml's range is elsewhere and the problem marks the one character it points at.
    const start = code === 'YAML_SYNTAX' ? (openingOf(tokens, error.pos[0], message) ?? firstNonSpace(text, error.pos[0])) : error.pos[0];
    problems.push(problem(code, start === error.pos[0] ? [start, error.pos[1]] : oneCharacter(start), null, detailOf(code, error.code, message)));
  }
  if (problems.length > 0) return { ok: false, problems };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return empty();

  // One walk of the document: keys that are lists or mappings (toJS would turn them into strings), and aliases.
  // An alias stands for the last node before it with its anchor (in document order); an anchor set only further on is none.
  const anchors = new Set<string>();
  let firstAlias: { offsets: Offsets; keys: Keys } | null = null;
  visit(doc, {
    Pair(_, pair, ancestors) {
      if (isCollection(pair.key) || isAlias(pair.key)) {
        // Such a key has no name a JSON pointer could hold: the path is the mapping's.
        problems.push(problem('SCHEMA', offsetsOf(pair.key) ?? [0, 0], keysOf(ancestors, pair), { id: 'complexKey' }));
      }
    },
    Node(_, node) {
      if (isNode(node) && node.anchor) anchors.add(node.anchor);
    },
    Alias(_, alias, ancestors) {
      const offsets = offsetsOf(alias) ?? [0, 0];
      const keys = keysOf(ancestors, alias);
      if (firstAlias === null) firstAlias = { offsets, keys };
      if (!anchors.has(alias.source)) problems.push(problem('YAML_SYNTAX', offsets, keys, { id: 'aliasWithoutAnchor', alias: alias.source }));
    },
  });
  if (problems.length > 0) return { ok: false, problems };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError) {
      const bomb: { offsets: Offsets; keys: Keys } = firstAlias ?? { offsets: [0, 0], keys: [] };
      return {
        ok: false,
        problems: [problem('ALIAS_LIMIT', bomb.offsets, bomb.keys, { id: 'aliasLimit', limit: MAX_ALIAS_COUNT })],
      };
    }
    throw error;
  }
  const rangeOf = (node: unknown): SourceRange | null => {
    const offsets = offsetsOf(node);
    return offsets === null ? null : range(offsets[0], offsets[1]);
  };
  const positionOf = (path: readonly (string | number)[], which: 'key' | 'value' = 'value'): SourceRange | null => {
    let node: unknown = root;
    let best: SourceRange | null = rangeOf(node);
    for (let i = 0; i < path.length; i++) {
      if (!isCollection(node)) break;
      const segment = path[i];
      const pair = isSeq(node) ? null : findPair(node, segment);
      const last = i === path.length - 1;
      if (pair && last && which === 'key') return rangeOf(pair.key) ?? best;
      const child: unknown = isSeq(node) ? node.items[Number(segment)] : pair?.value;
      // A key with no value (`parent:`) has an empty null scalar: its key stands for it.
      if (child === undefined || child === null || isEmptyScalar(child)) {
        if (pair) best = rangeOf(pair.key) ?? best;
        break;
      }
      node = child;
      best = rangeOf(node) ?? best;
    }
    return best;
  };
  return { ok: true, parsed: { data, document: doc, positionOf } };
}

/** Start and end offsets in the text, the end exclusive. */
type Offsets = readonly [number, number];
/** Keys and indexes from the root to a value. */
type Keys = (string | number)[];

function startOf(node: unknown): number | null {
  if ((isNode(node) || isAlias(node)) && node.range) return node.range[0];
  return null;
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && (node.range === undefined || node.range === null || node.range[0] === node.range[1]);
}

/**
 * Where a node's text ends. yaml counts the comments and blank lines after a
 * block collection as part of it; the end of its last entry is where it
 * really ends (the loop is bounded: nesting is at most MAX_DEPTH).
 */
function endOf(node: unknown, text: string): number | null {
  let current: unknown = node;
  while (isCollection(current) && !current.flow && current.items.length > 0) {
    const last: unknown = current.items[current.items.length - 1];
    current = isPair(last) ? (last.value === null || isEmptyScalar(last.value) ? last.key : last.value) : last;
  }
  if ((isNode(current) || isAlias(current)) && current.range) return trimmedEnd(text, current.range[0], current.range[1]);
  return null;
}

/** The end of text[start, end) once trailing spaces and line breaks are dropped. */
function trimmedEnd(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && /[ \t\r\n]/.test(text[i - 1] ?? '')) i--;
  return i;
}

/** The keys and indexes that lead to a node, from the ancestors yaml's `visit` passes along (document, collections and pairs). */
function keysOf(ancestors: readonly unknown[], node: unknown): Keys {
  const chain = [...ancestors, node];
  const keys: Keys = [];
  for (let i = 0; i + 1 < chain.length; i++) {
    const parent = chain[i];
    const child = chain[i + 1];
    if (isSeq(parent)) keys.push(parent.items.indexOf(child));
    else if (isPair(parent)) keys.push(keyName(parent.key));
  }
  return keys;
}

/** The name a key gets in the data (toJS makes every key a string). */
function keyName(key: unknown): string {
  return String(isScalar(key) ? key.value : key);
}

/** The pair whose key starts at an offset, with the keys that lead to it. */
function keyAt(doc: Document.Parsed, offset: number): { key: unknown; keys: Keys } | null {
  let found: { key: unknown; keys: Keys } | null = null;
  visit(doc, {
    Pair(_, pair, ancestors) {
      if (startOf(pair.key) !== offset) return undefined;
      found = { key: pair.key, keys: [...keysOf(ancestors, pair), keyName(pair.key)] };
      return visit.BREAK;
    },
  });
  return found;
}

function findPair(node: unknown, key: string | number | undefined): { key: unknown; value: unknown } | null {
  if (!isMap(node)) return null;
  for (const item of node.items) {
    if (isPair(item)) {
      const k = isScalar(item.key) ? item.key.value : item.key;
      if (String(k) === String(key)) return item;
    }
  }
  return null;
}
