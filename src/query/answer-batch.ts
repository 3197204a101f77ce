import type { Tier } from '../catalog/model';
import { checkAccess, findServices, findWho, type CanResult, type ServicesResult, type WhoResult } from './access';
import type { CatalogIndex } from './catalog-index';
import { resolveName, type EntityKind, type Suggestion } from './resolve-name';

/** Why one line of a batch got no answer. */
export interface BatchError {
  readonly code: 'UNKNOWN_NAME' | 'AMBIGUOUS_NAME' | 'BAD_LINE';
  readonly message: string;
  /** 1-based line number in the input. */
  readonly line: number;
  readonly input: string;
  readonly suggestions: readonly Suggestion[];
}

/** The answer to one line of a batch: a result, or an error in its place. */
export type BatchAnswer<R> = { readonly ok: true; readonly result: R } | { readonly ok: false; readonly error: BatchError };

/** Splits batch input into question lines; a final newline does not make an extra, empty question. */
export function splitLines(input: string): string[] {
  const lines = input.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function resolveKind<K extends 'clientele' | 'service'>(index: CatalogIndex, name: string, kind: K, line: number) {
  const r = resolveName(index, name, [kind as EntityKind]);
  if (r.ok) return { ok: true as const, found: r.found };
  const error: BatchError = {
    code: r.reason === 'ambiguous' ? 'AMBIGUOUS_NAME' : 'UNKNOWN_NAME',
    message: r.reason === 'ambiguous' ? `"${name}" is ambiguous` : `unknown ${kind} "${name}"`,
    line,
    input: name,
    suggestions: r.suggestions,
  };
  return { ok: false as const, error };
}

function badLine(line: number, input: string, message: string): { ok: false; error: BatchError } {
  return { ok: false, error: { code: 'BAD_LINE', message, line, input, suggestions: [] } };
}

/** Answers `can` for one line `clientele<TAB>service`. */
export function answerCanLine(index: CatalogIndex, text: string, line: number, tier?: Tier): BatchAnswer<CanResult> {
  const parts = text.split('\t');
  if (parts.length !== 2 || parts[0]!.trim() === '' || parts[1]!.trim() === '') return badLine(line, text, 'expected "clientele<TAB>service"');
  const c = resolveKind(index, parts[0]!, 'clientele', line);
  if (!c.ok) return c;
  const s = resolveKind(index, parts[1]!, 'service', line);
  if (!s.ok) return s;
  if (c.found.kind !== 'clientele' || s.found.kind !== 'service') return badLine(line, text, 'names resolved to the wrong kind');
  return { ok: true, result: checkAccess(index, c.found.entity, s.found.entity, tier) };
}

/** Answers `services` for one line holding a clientele name. */
export function answerServicesLine(index: CatalogIndex, text: string, line: number, tier?: Tier): BatchAnswer<ServicesResult> {
  if (text.trim() === '') return badLine(line, text, 'expected a clientele name');
  const c = resolveKind(index, text, 'clientele', line);
  if (!c.ok) return c;
  if (c.found.kind !== 'clientele') return badLine(line, text, 'name resolved to the wrong kind');
  return { ok: true, result: findServices(index, c.found.entity, { tier }) };
}

/** Answers `who` for one line holding a service name. */
export function answerWhoLine(index: CatalogIndex, text: string, line: number, tier?: Tier, expand = false): BatchAnswer<WhoResult> {
  if (text.trim() === '') return badLine(line, text, 'expected a service name');
  const s = resolveKind(index, text, 'service', line);
  if (!s.ok) return s;
  if (s.found.kind !== 'service') return badLine(line, text, 'name resolved to the wrong kind');
  return { ok: true, result: findWho(index, s.found.entity, { tier, expand }) };
}
