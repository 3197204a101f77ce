import { Document, LineCounter, isCollection, isNode, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import type { Problem, ProblemCode } from './problem';

/** Aliases the loader expands before it calls a file an alias bomb. */
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting a catalogue may have; the real one needs 6. */
export const MAX_DEPTH = 64;

/** A parsed YAML document that can say where each value came from. */
export interface ParsedYaml {
  readonly data: unknown;
  /** 1-based line and column of the node at a JSON path, or of its nearest existing ancestor. */
  readonly positionOf: (path: readonly (string | number)[], at?: 'key' | 'value') => { line: number; col: number } | null;
}

/** The outcome of parsing YAML text: the data with positions, or the problems found. */
export type ParseResult = { ok: true; parsed: ParsedYaml } | { ok: false; problems: Problem[] };

const YAML_CODES: Record<string, ProblemCode> = {
  DUPLICATE_KEY: 'DUPLICATE_KEY',
  TAB_AS_INDENT: 'YAML_TAB',
  MULTIPLE_DOCS: 'MULTIPLE_DOCUMENTS',
};

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?\s*$/, '');
}

/** Parses catalogue text with positions, turning every YAML error into a problem; never throws for bad input. */
export function parseYaml(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number): { line: number; col: number } => lineCounter.linePos(offset);
  const problems: Problem[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    const code = YAML_CODES[error.code] ?? 'YAML_SYNTAX';
    const pos = at(error.pos[0]);
    problems.push({ code, file, line: pos.line, col: pos.col, message: firstLine(error.message) });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return { ok: false, problems: [{ code: 'EMPTY_DOCUMENT', file, line: 1, col: 1, message: 'the file holds no YAML document' }] };
  }
  const depthProblem = checkDepth(doc, file, at);
  if (depthProblem) return { ok: false, problems: [depthProblem] };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError) {
      const pos = rangeStart(doc.contents, at) ?? { line: 1, col: 1 };
      return {
        ok: false,
        problems: [
          {
            code: 'ALIAS_LIMIT',
            file,
            line: pos.line,
            col: pos.col,
            message: `aliases expand too much (more than ${MAX_ALIAS_COUNT}); refusing a possible alias bomb`,
          },
        ],
      };
    }
    throw error;
  }
  const positionOf = (path: readonly (string | number)[], which: 'key' | 'value' = 'value'): { line: number; col: number } | null => {
    let node: unknown = doc.contents;
    let best: { line: number; col: number } | null = rangeStart(node, at);
    for (let i = 0; i < path.length; i++) {
      if (!isCollection(node)) break;
      const segment = path[i];
      const pair = isSeq(node) ? null : findPair(node, segment);
      const last = i === path.length - 1;
      if (pair && last && which === 'key') return rangeStart(pair.key, at) ?? best;
      const child: unknown = isSeq(node) ? node.items[Number(segment)] : pair?.value;
      if (child === undefined || child === null) {
        if (pair) best = rangeStart(pair.key, at) ?? best;
        break;
      }
      node = child;
      best = rangeStart(node, at) ?? best;
    }
    return best;
  };
  return { ok: true, parsed: { data, positionOf } };
}

function findPair(node: unknown, key: string | number | undefined): { key: unknown; value: unknown } | null {
  if (!isCollection(node)) return null;
  for (const item of node.items) {
    if (isPair(item)) {
      const k = isScalar(item.key) ? item.key.value : item.key;
      if (String(k) === String(key)) return item;
    }
  }
  return null;
}

function rangeStart(node: unknown, at: (offset: number) => { line: number; col: number }): { line: number; col: number } | null {
  if (isNode(node) && node.range) return at(node.range[0]);
  return null;
}

function checkDepth(doc: Document, file: string, at: (offset: number) => { line: number; col: number }): Problem | null {
  // Iterative walk: a recursive one would overflow the stack on a hostile file before it could complain.
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > MAX_DEPTH) {
      const pos = rangeStart(node, at) ?? { line: 1, col: 1 };
      return { code: 'NESTING_LIMIT', file, line: pos.line, col: pos.col, message: `values nest deeper than ${MAX_DEPTH} levels` };
    }
    for (const item of node.items) {
      if (isPair(item)) {
        stack.push({ node: item.key, depth: depth + 1 });
        stack.push({ node: item.value, depth: depth + 1 });
      } else {
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return null;
}
