import type { Condition, Tier } from '../catalog/model';
import { checkAccess, findServices, findWho, type CanResult, type ServicesResult, type WhoResult } from './access';
import type { CatalogIndex } from './catalog-index';
import type { NameReading } from './access';
import { resolveName, toSuggestion, type Entity, type EntityKind, type Suggestion, type WordReading } from './resolve-name';

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
  readonly code: 'UNKNOWN_NAME' | 'AMBIGUOUS_NAME' | 'WRONG_KIND' | 'WRONG_ORDER' | 'NAME_TOO_LONG' | 'BAD_LINE';
  /** What kind of name was expected; null where a pair "clientele<TAB>service" was. */
  readonly expected: EntityKind | null;
  readonly input: string;
  /** Candidates, best first; for WRONG_KIND, what the name does name. */
  readonly suggestions: readonly Suggestion[];
  /**
   * For WRONG_KIND and WRONG_ORDER: the question that answers, as a command and its arguments (ids), such as
   * ["services", "podiatre"]; for a category, ["show", "medicaments"] (its services).
   */
  readonly instead?: readonly string[] | undefined;
}

/** The answer to one question: a result, or why there is none. */
export type Answer<R> = { readonly ok: true; readonly result: R } | { readonly ok: false; readonly error: QuestionError };

/**
 * An entity, the grant condition its name carried ("Audioprothésiste (accès aux états de compte seulement)"),
 * and, when the name was none of the entity's names but words only it has, how it was read.
 */
export type Named<E extends Entity = Entity> = { readonly found: E; readonly condition: Condition | null; readonly by_words: WordReading | null };

/** Resolves a name of any of several kinds (`show`); an unresolved name is a QuestionError expecting a name. */
export function resolveAny(index: CatalogIndex, input: string, kinds: readonly EntityKind[]): Answer<Named> {
  const r = resolveName(index, input, kinds);
  if (r.ok) return { ok: true, result: { found: r.found, condition: r.condition, by_words: r.by_words } };
  const code = r.reason === 'ambiguous' ? 'AMBIGUOUS_NAME' : r.reason === 'too-long' ? 'NAME_TOO_LONG' : 'UNKNOWN_NAME';
  return { ok: false, error: { code, expected: null, input, suggestions: r.suggestions } };
}

/** The question that answers when a name of the other kind was given: `who podiatre` -> `services podiatre`. */
const QUESTION_FOR: Readonly<Record<'clientele' | 'service', string>> = { clientele: 'services', service: 'who' };

/**
 * Resolves a name that must be of one kind; the error names what was
 * expected. A name that is exactly one entity of another kind is a
 * WRONG_KIND error naming it and the question that answers, never an answer;
 * but a name that entries of the asked kind contain too is ambiguous, and
 * the error lists them first ("médecin de famille" for `who`: GAMF, the
 * family-doctor identification, then the clientele). A category's heading
 * ("Facturation et rémunération") is WRONG_KIND too, with the services under
 * it after the category, and `show` as the question that answers.
 */
export function resolveOne<K extends EntityKind>(index: CatalogIndex, input: string, kind: K): Answer<Named<Extract<Entity, { kind: K }>>> {
  const r = resolveAny(index, input, [kind]);
  if (!r.ok && (r.error.code === 'NAME_TOO_LONG' || r.error.code === 'AMBIGUOUS_NAME')) return { ok: false, error: { ...r.error, expected: kind } };
  if (!r.ok) {
    const other = kind === 'category' ? null : resolveName(index, input, [kind === 'clientele' ? 'service' : 'clientele']);
    if (other?.ok && (other.found.kind === 'clientele' || other.found.kind === 'service')) {
      return {
        ok: false,
        error: {
          code: 'WRONG_KIND',
          expected: kind,
          input,
          suggestions: [toSuggestion(other.found)],
          instead: [QUESTION_FOR[other.found.kind], other.found.entity.id],
        },
      };
    }
    const category = kind === 'category' ? null : resolveName(index, input, ['category']);
    if (category?.ok && category.found.kind === 'category') {
      const id = category.found.entity.id;
      const under = index.catalog.services.filter((s) => s.category === id).map((entity) => toSuggestion({ kind: 'service', entity }));
      return {
        ok: false,
        error: { code: 'WRONG_KIND', expected: kind, input, suggestions: [toSuggestion(category.found), ...under], instead: ['show', id] },
      };
    }
    return { ok: false, error: { ...r.error, expected: kind } };
  }
  if (r.result.found.kind !== kind) throw new Error(`the resolver returned a ${r.result.found.kind} for a ${kind}`);
  return { ok: true, result: r.result as Named<Extract<Entity, { kind: K }>> };
}

/** A question whose words are missing or of the wrong shape. */
export function badQuestion(input: string, expected: EntityKind | null): { readonly ok: false; readonly error: QuestionError } {
  return { ok: false, error: { code: 'BAD_LINE', expected, input, suggestions: [] } };
}

/**
 * A question whose names are resolved, in the two steps every question of `services`, `who` and `can`
 * takes: the names are resolved first (which depends on how they are spelt), then the question is
 * answered from what they name (which does not, but for `read_as`). A batch answers once per key.
 */
export interface Resolved<R> {
  /**
   * What the answer depends on besides the run's filter: the ids of the entries named, and the condition
   * a clientele's name carried; never how the names were spelt. Two questions of one kind with one key
   * have the same answer but for `read_as`.
   */
  readonly key: string;
  /** How the names were read by their words: the only part of the answer that depends on their spelling. */
  readonly read_as: readonly NameReading[];
  /** The answer, this question's `read_as` included. */
  readonly answer: () => R;
}

/** The answer to a question whose names resolved, or why they did not. */
export function answerOf<R>(question: Answer<Resolved<R>>): Answer<R> {
  return question.ok ? { ok: true, result: question.result.answer() } : question;
}

/** The part of a key that the condition a clientele's name carried makes, if any (its JSON: the answer shows it whole). */
function conditionKey(condition: Condition | null): string {
  return condition === null ? '' : `\u0000${JSON.stringify(condition)}`;
}

/** `services NAME`, its name resolved: every service a clientele may use (and the condition the name carried, if any). */
export function resolveServices(index: CatalogIndex, name: string, filter: QueryFilter): Answer<Resolved<ServicesResult>> {
  if (name.trim() === '') return badQuestion(name, 'clientele');
  const c = resolveOne(index, name, 'clientele');
  if (!c.ok) return c;
  const { found, condition } = c.result;
  const read_as = readingsOf([[name, c.result]]);
  const answer = (): ServicesResult => ({
    ...findServices(index, found.entity, { tier: filter.tier, category: filter.category, own: filter.own }),
    named_condition: condition,
    read_as,
  });
  return { ok: true, result: { key: `${found.entity.id}${conditionKey(condition)}`, read_as, answer } };
}

/** `services NAME`: every service a clientele may use (and the condition the name carried, if any). */
export function askServices(index: CatalogIndex, name: string, filter: QueryFilter): Answer<ServicesResult> {
  return answerOf(resolveServices(index, name, filter));
}

/** `who NAME`, its name resolved: every clientele that may use a service. */
export function resolveWho(index: CatalogIndex, name: string, filter: QueryFilter): Answer<Resolved<WhoResult>> {
  if (name.trim() === '') return badQuestion(name, 'service');
  const s = resolveOne(index, name, 'service');
  if (!s.ok) return s;
  const { found } = s.result;
  const read_as = readingsOf([[name, s.result]]);
  const answer = (): WhoResult => ({ ...findWho(index, found.entity, { tier: filter.tier, expand: filter.expand ?? false }), read_as });
  return { ok: true, result: { key: found.entity.id, read_as, answer } };
}

/** `who NAME`: every clientele that may use a service. */
export function askWho(index: CatalogIndex, name: string, filter: QueryFilter): Answer<WhoResult> {
  return answerOf(resolveWho(index, name, filter));
}

/**
 * `can CLIENTELE SERVICE`, its names resolved: whether a clientele may use a service. The two names given
 * the other way round (a service, then a clientele) are a WRONG_ORDER error with the corrected question,
 * not an answer: the person sees the command to run, and a script is never answered a question it did
 * not ask.
 */
export function resolveCan(index: CatalogIndex, clientele: string, service: string, filter: QueryFilter): Answer<Resolved<CanResult>> {
  if (clientele.trim() === '' || service.trim() === '') return badQuestion(`${clientele}\t${service}`, null);
  const c = resolveOne(index, clientele, 'clientele');
  if (!c.ok) {
    if (c.error.code === 'WRONG_KIND' && c.error.suggestions[0]?.kind === 'service') {
      const swapped = resolveName(index, service, ['clientele']);
      const asService = c.error.instead?.[1];
      if (swapped.ok && asService !== undefined) {
        return {
          ok: false,
          error: {
            code: 'WRONG_ORDER',
            expected: null,
            input: `${clientele}\t${service}`,
            suggestions: [toSuggestion(swapped.found), ...c.error.suggestions],
            instead: ['can', swapped.found.entity.id, asService],
          },
        };
      }
      // A service where the clientele goes, and no clientele after it: no other question to offer.
      return { ok: false, error: { ...c.error, instead: undefined } };
    }
    return c;
  }
  const s = resolveOne(index, service, 'service');
  if (!s.ok) return s.error.code === 'WRONG_KIND' ? { ok: false, error: { ...s.error, instead: undefined } } : s;
  const { found: who, condition } = c.result;
  const { found: what } = s.result;
  const read_as = readingsOf([
    [clientele, c.result],
    [service, s.result],
  ]);
  const answer = (): CanResult => ({ ...checkAccess(index, who.entity, what.entity, filter.tier), named_condition: condition, read_as });
  return { ok: true, result: { key: `${who.entity.id}\u0000${what.entity.id}${conditionKey(condition)}`, read_as, answer } };
}

/** `can CLIENTELE SERVICE`: whether a clientele may use a service (see resolveCan). */
export function askCan(index: CatalogIndex, clientele: string, service: string, filter: QueryFilter): Answer<CanResult> {
  return answerOf(resolveCan(index, clientele, service, filter));
}

/** How each name of a question that was read by its words was read, in the question's order. */
function readingsOf(names: readonly (readonly [input: string, named: Named])[]): NameReading[] {
  const out: NameReading[] = [];
  for (const [input, named] of names) {
    const { found, by_words: byWords } = named;
    if (byWords === null || found.kind === 'category') continue;
    const sub_application = byWords.sub_application;
    out.push(
      found.kind === 'service'
        ? { input, kind: 'service', entity: found.entity, sub_application }
        : { input, kind: 'clientele', entity: found.entity, sub_application },
    );
  }
  return out;
}
