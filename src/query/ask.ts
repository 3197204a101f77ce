import type { Tier } from '../catalog/model';
import { checkAccess, findServices, findWho, type CanResult, type ServicesResult, type WhoResult } from './access';
import type { CatalogIndex } from './catalog-index';
import { resolveName, type Entity, type EntityKind, type Suggestion } from './resolve-name';

/**
 * One question path for single questions and batch lines alike: the CLI asks
 * with the words of the command line or of one input line and the same
 * filter, so that a script and a person get the same answer.
 */

/** Every option that narrows an access answer; built once per run, shared by single and batch questions. */
export interface QueryFilter {
  readonly tier?: Tier | undefined;
  /** A category id (already resolved). */
  readonly category?: string | undefined;
  /** Only the clientele's own grants. */
  readonly own?: boolean | undefined;
  /** Also the clienteles that inherit a grant. */
  readonly expand?: boolean | undefined;
}

/** Why a question got no answer. */
export interface QuestionError {
  readonly code: 'UNKNOWN_NAME' | 'AMBIGUOUS_NAME' | 'BAD_LINE';
  /** What kind of name was expected; null where a pair "clientele<TAB>service" was. */
  readonly expected: EntityKind | null;
  readonly input: string;
  readonly suggestions: readonly Suggestion[];
}

/** The answer to one question: a result, or why there is none. */
export type Answer<R> = { readonly ok: true; readonly result: R } | { readonly ok: false; readonly error: QuestionError };

/** Resolves a name of any of several kinds (`show`); an unresolved name is a QuestionError expecting a name. */
export function resolveAny(index: CatalogIndex, input: string, kinds: readonly EntityKind[]): Answer<Entity> {
  const r = resolveName(index, input, kinds);
  if (r.ok) return { ok: true, result: r.found };
  return { ok: false, error: { code: r.reason === 'ambiguous' ? 'AMBIGUOUS_NAME' : 'UNKNOWN_NAME', expected: null, input, suggestions: r.suggestions } };
}

/** Resolves a name that must be of one kind; the error names what was expected. */
export function resolveOne<K extends EntityKind>(index: CatalogIndex, input: string, kind: K): Answer<Extract<Entity, { kind: K }>> {
  const r = resolveAny(index, input, [kind]);
  if (!r.ok) return { ok: false, error: { ...r.error, expected: kind } };
  if (r.result.kind !== kind) throw new Error(`the resolver returned a ${r.result.kind} for a ${kind}`);
  return { ok: true, result: r.result as Extract<Entity, { kind: K }> };
}

/** A question whose words are missing or of the wrong shape. */
export function badQuestion(input: string, expected: EntityKind | null): { readonly ok: false; readonly error: QuestionError } {
  return { ok: false, error: { code: 'BAD_LINE', expected, input, suggestions: [] } };
}

/** `services NAME`: every service a clientele may use. */
export function askServices(index: CatalogIndex, name: string, filter: QueryFilter): Answer<ServicesResult> {
  if (name.trim() === '') return badQuestion(name, 'clientele');
  const c = resolveOne(index, name, 'clientele');
  if (!c.ok) return c;
  return { ok: true, result: findServices(index, c.result.entity, { tier: filter.tier, category: filter.category, own: filter.own }) };
}

/** `who NAME`: every clientele that may use a service. */
export function askWho(index: CatalogIndex, name: string, filter: QueryFilter): Answer<WhoResult> {
  if (name.trim() === '') return badQuestion(name, 'service');
  const s = resolveOne(index, name, 'service');
  if (!s.ok) return s;
  return { ok: true, result: findWho(index, s.result.entity, { tier: filter.tier, expand: filter.expand ?? false }) };
}

/** `can CLIENTELE SERVICE`: whether a clientele may use a service. */
export function askCan(index: CatalogIndex, clientele: string, service: string, filter: QueryFilter): Answer<CanResult> {
  if (clientele.trim() === '' || service.trim() === '') return badQuestion(`${clientele}\t${service}`, null);
  const c = resolveOne(index, clientele, 'clientele');
  if (!c.ok) return c;
  const s = resolveOne(index, service, 'service');
  if (!s.ok) return s;
  return { ok: true, result: checkAccess(index, c.result.entity, s.result.entity, filter.tier) };
}

/** Splits batch input into question lines; a final newline does not make an extra, empty question. */
export function splitLines(input: string): string[] {
  const lines = input.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
