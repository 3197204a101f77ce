import { Composer, LineCounter, Parser, isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, visit, type Document } from 'yaml';
import type { Problem, ProblemCode } from './problem';

/** Aliases the loader expands before it calls a file an alias bomb. */
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting a catalogue may have; the real one needs 7. */
export const MAX_DEPTH = 64;

/** A parsed YAML document that can say where each value came from. */
export interface ParsedYaml {
  readonly data: unknown;
  /** 1-based line and column of the node at a JSON path, or of its nearest existing ancestor. */
  readonly positionOf: (path: readonly (string | number)[], at?: 'key' | 'value') => { line: number; col: number } | null;
}

/** The outcome of parsing YAML text: the data with positions, or the problems found. */
export type ParseResult = { ok: true; parsed: ParsedYaml } | { ok: false; problems: Problem[] };

type Position = { line: number; col: number };

const YAML_CODES: Record<string, ProblemCode> = {
  DUPLICATE_KEY: 'DUPLICATE_KEY',
  TAB_AS_INDENT: 'YAML_TAB',
  MULTIPLE_DOCS: 'MULTIPLE_DOCUMENTS',
};

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

/** Offset of the first collection nested deeper than MAX_DEPTH, or null. */
function tooDeep(tokens: readonly unknown[]): number | null {
  let found: number | null = null;
  walkTokens(tokens, (token, depth) => {
    if (depth > MAX_DEPTH && token.type !== undefined && COLLECTIONS.has(token.type)) {
      found = token.offset ?? 0;
      return false;
    }
    return true;
  });
  return found;
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
export function parseYaml(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => lineCounter.linePos(offset);
  const problem = (code: ProblemCode, offset: number, message: string): Problem => {
    const pos = at(offset);
    return { code, file, line: pos.line, col: pos.col, message };
  };
  // The parser is iterative; composing the tree is recursive, so depth is checked in between.
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const deep = tooDeep(tokens);
  if (deep !== null) return { ok: false, problems: [problem('NESTING_LIMIT', deep, `values nest deeper than ${MAX_DEPTH} levels`)] };

  const composer = new Composer({ uniqueKeys: true, strict: true, logLevel: 'error' });
  let doc: Document.Parsed | null = null;
  const problems: Problem[] = [];
  for (const next of composer.compose(tokens, true, text.length)) {
    if (doc === null) {
      doc = next;
    } else {
      problems.push(problem('MULTIPLE_DOCUMENTS', next.range[0], 'the file holds several YAML documents; a catalogue is one'));
      break;
    }
  }
  if (doc === null) return { ok: false, problems: [{ code: 'EMPTY_DOCUMENT', file, line: 1, col: 1, message: 'the file holds no YAML document' }] };
  for (const error of [...doc.errors, ...doc.warnings]) {
    const code = YAML_CODES[error.code] ?? 'YAML_SYNTAX';
    const message = firstLine(error.message);
    const offset = code === 'YAML_SYNTAX' ? (openingOf(tokens, error.pos[0], message) ?? firstNonSpace(text, error.pos[0])) : error.pos[0];
    problems.push(problem(code, offset, message));
  }
  if (problems.length > 0) return { ok: false, problems };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    return { ok: false, problems: [{ code: 'EMPTY_DOCUMENT', file, line: 1, col: 1, message: 'the file holds no YAML document' }] };
  }

  // Keys that are lists or mappings would be turned into strings by toJS; aliases must point at an anchor.
  const anchors = new Set<string>();
  visit(doc, {
    Node(_, node) {
      if (isNode(node) && node.anchor) anchors.add(node.anchor);
    },
    Pair(_, pair) {
      if (isCollection(pair.key) || isAlias(pair.key)) {
        problems.push(problem('SCHEMA', rangeOf(pair.key) ?? 0, 'keys must be plain text, not a list, a mapping or an alias'));
      }
    },
  });
  let firstAlias: number | null = null;
  visit(doc, {
    Alias(_, alias) {
      const offset = rangeOf(alias) ?? 0;
      if (firstAlias === null) firstAlias = offset;
      if (!anchors.has(alias.source)) problems.push(problem('YAML_SYNTAX', offset, `alias *${alias.source} refers to no anchor`));
    },
  });
  if (problems.length > 0) return { ok: false, problems };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError) {
      return {
        ok: false,
        problems: [problem('ALIAS_LIMIT', firstAlias ?? 0, `aliases expand too much (more than ${MAX_ALIAS_COUNT}); refusing a possible alias bomb`)],
      };
    }
    throw error;
  }
  const positionOf = (path: readonly (string | number)[], which: 'key' | 'value' = 'value'): Position | null => {
    let node: unknown = root;
    let best: Position | null = startOf(node);
    for (let i = 0; i < path.length; i++) {
      if (!isCollection(node)) break;
      const segment = path[i];
      const pair = isSeq(node) ? null : findPair(node, segment);
      const last = i === path.length - 1;
      if (pair && last && which === 'key') return startOf(pair.key) ?? best;
      const child: unknown = isSeq(node) ? node.items[Number(segment)] : pair?.value;
      if (child === undefined || child === null) {
        if (pair) best = startOf(pair.key) ?? best;
        break;
      }
      node = child;
      best = startOf(node) ?? best;
    }
    return best;
  };
  function startOf(node: unknown): Position | null {
    const offset = rangeOf(node);
    return offset === null ? null : at(offset);
  }
  return { ok: true, parsed: { data, positionOf } };
}

function rangeOf(node: unknown): number | null {
  if ((isNode(node) || isAlias(node)) && node.range) return node.range[0];
  return null;
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
