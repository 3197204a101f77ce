import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import type { Document } from 'yaml';
import path from 'node:path';
import { deepFreeze } from './freeze';
import type { Catalog, Clientele, Service } from './model';
import { findInvisible, withoutInvisible } from './invisible-characters';
import { nameSkeletons, normalizeName } from './normalize-name';
import { parseYaml, type ParsedYaml } from './parse-yaml';
import {
  compareProblems,
  toJsonPointer,
  type DataPlace,
  type EntryKind,
  type EntryRef,
  type JsonType,
  type Problem,
  type ProblemCode,
  type ProblemDetail,
} from './problem';
import { nearestIds } from './similarity';

/** The outcome of validating a catalogue: the catalogue, or every problem found in it. */
export type ValidationResult = { ok: true; catalog: Catalog } | { ok: false; problems: Problem[] };

/** Where the catalogue schema lives in the package. */
export const CATALOG_SCHEMA_PATH = path.join(__dirname, '..', '..', 'schema', 'catalog.schema.json');

let compiled: ValidateFunction | null = null;

function schemaValidator(): ValidateFunction {
  if (compiled === null) {
    try {
      // The build precompiles the schema (scripts/build-prepared.js); from the sources (tests) it is compiled here.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      compiled = require('./catalog-validator') as ValidateFunction;
    } catch {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const schema = require(CATALOG_SCHEMA_PATH) as object;
      const Ajv2020 = (require('ajv/dist/2020') as typeof import('ajv/dist/2020')).default;
      /* eslint-enable @typescript-eslint/no-require-imports */
      compiled = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    }
  }
  return compiled;
}

type Path = (string | number)[];

/** Validates catalogue text: YAML syntax, the JSON Schema, then the checks a schema cannot express. Never throws for bad input. */
export function validateCatalogText(text: string, file: string): ValidationResult {
  const result = validateCatalogDocument(text, file);
  return result.ok ? { ok: true, catalog: result.catalog } : result;
}

/** validateCatalogText, with the parsed document of a valid text (fmt lays it out without parsing the text again). */
export function validateCatalogDocument(
  text: string,
  file: string,
): { ok: true; catalog: Catalog; document: Document.Parsed } | { ok: false; problems: Problem[] } {
  const result = parseYaml(text, file);
  if (!result.ok) return { ok: false, problems: result.problems.sort(compareProblems) };
  const { parsed } = result;
  const problems: Problem[] = [];
  const naming = entryNaming(parsed.data);
  // The range is the offending node's (its key's for an unknown key); the path names the value, whether or not it is there.
  const report = (code: ProblemCode, where: Path, detail: ProblemDetail, at: 'key' | 'value' = 'value'): void => {
    const range = parsed.positionOf(where, at);
    const entry = naming.entryOf(where);
    problems.push({
      code,
      severity: 'error',
      file,
      line: range?.line ?? null,
      col: range?.col ?? null,
      endLine: range?.endLine ?? null,
      endCol: range?.endCol ?? null,
      path: toJsonPointer(where),
      detail,
      ...(entry === null ? {} : { entry }),
    });
  };
  const validate = schemaValidator();
  if (!validate(parsed.data)) reportSchemaErrors(validate.errors ?? [], report, naming.place);
  checkSemantics(parsed, report);
  const explained = checkInvisible(parsed.data, report, naming.place);
  if (problems.length > 0) return { ok: false, problems: dedupe(withoutExplained(problems, explained)).sort(compareProblems) };
  return { ok: true, catalog: deepFreeze(toCatalog(parsed.data as RawCatalog)), document: parsed.document };
}

type Report = (code: ProblemCode, where: Path, detail: ProblemDetail, at?: 'key' | 'value') => void;

function pointerToPath(pointer: string): Path {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The lists whose entries have an id, and the kind of entry each holds. */
const ENTRY_LISTS: Readonly<Record<string, EntryKind>> = { services: 'service', clienteles: 'clientele', categories: 'category' };

/** An id that can stand in a place as it is: the schema's kebab-case (one that is not is shown by its index). */
const PLAIN_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The ids of a list's entries by index, for the ids that name one entry only (a repeated id names none: DUPLICATE_ID says which). */
function uniqueIds(list: unknown, key: string): Map<number, string> {
  const byIndex = new Map<number, string>();
  if (!Array.isArray(list)) return byIndex;
  const seen = new Map<string, number>();
  list.forEach((entry, i) => {
    const id = isRec(entry) ? entry[key] : undefined;
    if (typeof id !== 'string' || !PLAIN_ID.test(id)) return;
    seen.set(id, (seen.get(id) ?? 0) + 1);
    byIndex.set(i, id);
  });
  for (const [i, id] of byIndex) if (seen.get(id)! > 1) byIndex.delete(i);
  return byIndex;
}

/**
 * How problems name a place in the data for people: an entry by its id rather
 * than its index (`services[prem].grants[podiatre].conditions.0` for
 * `/services/8/grants/3/conditions/0`), a grant by its clientele, and the
 * entry a place lies in. The JSON pointer stays the problem's `path`, for tools.
 */
function entryNaming(data: unknown): { place: (where: Path) => DataPlace; entryOf: (where: Path) => EntryRef | null } {
  const root = isRec(data) ? data : {};
  const ids = new Map(Object.keys(ENTRY_LISTS).map((key) => [key, uniqueIds(root[key], 'id')]));
  const grantIds = new Map<number, Map<number, string>>();
  const grantsOf = (service: number): Map<number, string> => {
    let found = grantIds.get(service);
    if (found === undefined) {
      const s = list(root['services'])[service];
      found = uniqueIds(isRec(s) ? s['grants'] : undefined, 'clientele');
      grantIds.set(service, found);
    }
    return found;
  };
  const entryOf = (where: Path): EntryRef | null => {
    const [key, index] = where;
    if (typeof key !== 'string' || typeof index !== 'number') return null;
    const kind = ENTRY_LISTS[key];
    const id = ids.get(key)?.get(index);
    return kind === undefined || id === undefined ? null : { kind, id };
  };
  const place = (where: Path): DataPlace => {
    const parts: string[] = [];
    where.forEach((k, i) => {
      const parent = where[i - 1];
      let id: string | undefined;
      if (typeof k === 'number' && i === 1 && typeof parent === 'string') id = ids.get(parent)?.get(k);
      else if (typeof k === 'number' && i === 3 && parent === 'grants' && where[0] === 'services' && typeof where[1] === 'number')
        id = grantsOf(where[1]).get(k);
      if (id !== undefined) parts[parts.length - 1] += `[${id}]`;
      else parts.push(String(k));
    });
    return parts.join('.');
  };
  return { place, entryOf };
}

function reportSchemaErrors(errors: ErrorObject[], report: Report, describePath: (where: Path) => DataPlace): void {
  // A failed oneOf also reports each branch's failure; keep only the oneOf's own, clearer message.
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  // The schema's no_line_feed guard is for Python's `$`; here the string's pattern has already failed, and says it better.
  const patternPaths = new Set(errors.filter((e) => e.keyword === 'pattern').map((e) => e.instancePath));
  for (const error of errors) {
    if (error.keyword !== 'oneOf' && oneOfPaths.has(error.instancePath)) continue;
    if (error.keyword === 'not' && patternPaths.has(error.instancePath)) continue;
    const where = pointerToPath(error.instancePath);
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'additionalProperties':
        report(
          'SCHEMA',
          [...where, String(params['additionalProperty'])],
          { id: 'unknownKey', at: describePath(where), key: String(params['additionalProperty']) },
          'key',
        );
        break;
      case 'required':
        report('SCHEMA', where, { id: 'missingKey', at: describePath(where), key: String(params['missingProperty']) });
        break;
      case 'enum':
        report('SCHEMA', where, { id: 'notOneOf', at: describePath(where), values: (params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)) });
        break;
      case 'oneOf':
        report('SCHEMA', where, { id: 'lineOrNull', at: describePath(where) });
        break;
      case 'const':
        report('SCHEMA', where, { id: 'mustBe', at: describePath(where), value: JSON.stringify(params['allowedValue']) });
        break;
      case 'type':
        report('SCHEMA', where, { id: 'wrongType', at: describePath(where), types: String(params['type']).split(',') as JsonType[] });
        break;
      case 'pattern': {
        const pattern = String(params['pattern']);
        const format = FORMAT_PATTERNS.find(([prefix]) => pattern.startsWith(prefix))?.[1];
        if (format !== undefined) report('SCHEMA', where, { id: 'badFormat', at: describePath(where), format });
        else report('SCHEMA', where, { id: pattern.startsWith('^[a-z0-9]') ? 'notKebabId' : 'notSingleLine', at: describePath(where) });
        break;
      }
      default:
        report('SCHEMA', where, { id: 'schemaOther', at: describePath(where), text: error.message ?? 'is invalid' });
    }
  }
}

// The schema's patterns for the source's record of its last check, by how each starts.
const FORMAT_PATTERNS: readonly (readonly [string, 'date' | 'sha256' | 'url'])[] = [
  ['^[0-9]{4}-', 'date'],
  ['^[0-9a-f]{64}', 'sha256'],
  ['^https?://', 'url'],
];

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}|${p.line}|${p.col}|${JSON.stringify(p.detail)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Reports every string of the data that holds an invisible or formatting character (the schema's
 * `text` pattern refuses them too, without saying which or where). Returns the paths of the strings
 * that the invisible characters alone made fail the schema: there INVISIBLE_CHARACTER says it better.
 */
function checkInvisible(root: unknown, report: Report, describePath: (where: Path) => DataPlace): Set<string> {
  const explained = new Set<string>();
  // One path, grown and shrunk as the walk goes: copied only for a string that is reported.
  const where: Path = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      const found = findInvisible(value);
      if (found === null) return;
      report('INVISIBLE_CHARACTER', [...where], { id: 'invisibleCharacter', at: describePath(where), value, ...found });
      // eslint-disable-next-line no-control-regex
      if (!/[\u0000-\u001f\u007f-\u009f]/.test(value) && withoutInvisible(value).trim() !== '') explained.add(toJsonPointer(where));
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        where.push(i);
        walk(value[i]);
        where.pop();
      }
    } else if (isRec(value)) {
      for (const key of Object.keys(value)) {
        where.push(key);
        walk(value[key]);
        where.pop();
      }
    }
  };
  walk(root);
  return explained;
}

/** Drops the schema's "single line of text without control characters" where an INVISIBLE_CHARACTER problem explains it. */
function withoutExplained(problems: Problem[], explained: ReadonlySet<string>): Problem[] {
  if (explained.size === 0) return problems;
  return problems.filter((p) => !(p.code === 'SCHEMA' && p.detail.id === 'notSingleLine' && p.path !== null && explained.has(p.path)));
}

// The semantic checks read the raw data defensively: they also run when the schema failed, so that all problems come out at once.
type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const str = (x: unknown): string | null => (typeof x === 'string' ? x : null);

function checkSemantics(parsed: ParsedYaml, report: Report): void {
  const root = isRec(parsed.data) ? parsed.data : {};
  const categoryIds = collectIds(root, 'categories', 'category', report);
  const clienteleIds = collectIds(root, 'clienteles', 'clientele', report);
  collectIds(root, 'services', 'service', report);

  const clienteles = list(root['clienteles']);
  const nearClientele = nearestOf(clienteles, ['name', 'name_en', 'forms', 'aliases', 'terms_en', 'abbreviations']);
  const nearCategory = nearestOf(list(root['categories']), ['name', 'name_en']);
  clienteles.forEach((c, i) => {
    if (!isRec(c)) return;
    const parent = str(c['parent']);
    if (parent !== null && !clienteleIds.has(parent))
      report('UNKNOWN_PARENT', ['clienteles', i, 'parent'], { id: 'unknownParent', clientele: String(c['id']), parent, suggestions: nearClientele(parent) });
  });
  checkParents(clienteles, report);

  list(root['services']).forEach((s, i) => {
    if (!isRec(s)) return;
    const category = str(s['category']);
    if (category !== null && !categoryIds.has(category))
      report('UNKNOWN_CATEGORY', ['services', i, 'category'], {
        id: 'unknownCategory',
        service: String(s['id']),
        category,
        suggestions: nearCategory(category),
      });
    const granted = new Set<string>();
    list(s['grants']).forEach((g, j) => {
      if (!isRec(g)) return;
      const clientele = str(g['clientele']);
      if (clientele === null) return;
      if (!clienteleIds.has(clientele))
        report('UNKNOWN_CLIENTELE', ['services', i, 'grants', j, 'clientele'], {
          id: 'unknownClientele',
          service: String(s['id']),
          clientele,
          suggestions: nearClientele(clientele),
        });
      if (granted.has(clientele)) report('DUPLICATE_GRANT', ['services', i, 'grants', j], { id: 'duplicateGrant', service: String(s['id']), clientele });
      granted.add(clientele);
    });
    list(s['notes']).forEach((n, j) => {
      if (!isRec(n)) return;
      const linked = new Set<string>();
      list(n['clienteles']).forEach((value, k) => {
        const clientele = str(value);
        if (clientele === null) return;
        const where = ['services', i, 'notes', j, 'clienteles', k];
        if (!clienteleIds.has(clientele))
          report('UNKNOWN_CLIENTELE', where, { id: 'unknownNoteClientele', service: String(s['id']), clientele, suggestions: nearClientele(clientele) });
        if (linked.has(clientele)) report('DUPLICATE_NOTE_CLIENTELE', where, { id: 'duplicateNoteClientele', service: String(s['id']), clientele });
        linked.add(clientele);
      });
    });
  });

  const clienteleNames = checkNames(root, 'clienteles', 'clientele', ['name', 'name_en'], ['forms', 'aliases', 'terms_en', 'abbreviations'], report);
  const serviceNames = checkNames(root, 'services', 'service', ['name', 'name_en', 'abbreviation'], ['aliases'], report);
  checkSharedTerms(root, 'clienteles', 'clientele', clienteleNames, report);
  checkSharedTerms(root, 'services', 'service', serviceNames, report);
  checkSharedTerms(root, 'clienteles', 'clientele', clienteleNames, report, 'nicknames');
  checkSharedTerms(root, 'services', 'service', serviceNames, report, 'nicknames');
  checkSharedTerms(root, 'clienteles', 'clientele', clienteleNames, report, 'job_titles');
  checkNames(root, 'categories', 'category', ['name', 'name_en'], [], report);
}

/**
 * The ids nearest to an unknown reference among a list's entries, by their ids and names (`fields`), ranked as
 * the query side ranks a mistyped name (src/catalog/similarity.ts). The candidates are gathered on the first
 * unknown reference only: a valid catalogue pays nothing.
 */
function nearestOf(entries: unknown[], fields: readonly string[]): (reference: string) => string[] {
  let candidates: { id: string; keys: string[] }[] | undefined;
  return (reference) => {
    candidates ??= entries.flatMap((e) => {
      const id = isRec(e) ? str(e['id']) : null;
      if (!isRec(e) || id === null) return [];
      const names = fields.flatMap((f) => (typeof e[f] === 'string' ? [e[f]] : list(e[f]).filter((n): n is string => typeof n === 'string')));
      return [{ id, keys: [id, ...names].map(normalizeName).filter((k) => k !== '') }];
    });
    return nearestIds(normalizeName(reference), candidates).filter((id) => id !== reference);
  };
}

function collectIds(root: Rec, key: string, what: EntryKind, report: Report): Set<string> {
  const ids = new Set<string>();
  list(root[key]).forEach((entry, i) => {
    if (!isRec(entry)) return;
    const id = str(entry['id']);
    if (id === null) return;
    if (ids.has(id)) report('DUPLICATE_ID', [key, i, 'id'], { id: 'duplicateId', entry: what, value: id });
    ids.add(id);
  });
  return ids;
}

/** How many ancestors a clientele may have: the page's deepest is 2; a longer chain is a mistake, and the limit keeps inheritance cheap. */
export const MAX_PARENT_DEPTH = 10;

/**
 * Parent cycles and chains deeper than MAX_PARENT_DEPTH, in one pass: each clientele is walked once, its
 * depth remembered, so a 20,000-deep chain costs as much as 20,000 clienteles side by side.
 */
function checkParents(clienteles: unknown[], report: Report): void {
  const parentOf = new Map<string, string>();
  const indexOf = new Map<string, number>();
  clienteles.forEach((c, i) => {
    if (!isRec(c)) return;
    const id = str(c['id']);
    const parent = str(c['parent']);
    if (id === null) return;
    if (!indexOf.has(id)) indexOf.set(id, i);
    if (parent !== null) parentOf.set(id, parent);
  });
  // Ancestors of each clientele already walked; a clientele on or under a cycle gets -1 (its depth means nothing).
  const depthOf = new Map<string, number>();
  for (const start of indexOf.keys()) {
    if (depthOf.has(start)) continue;
    // Walk up until a clientele whose depth is known, the top of the chain, or a clientele of this very walk.
    const walk: string[] = [];
    const onWalk = new Map<string, number>();
    let current: string | undefined = start;
    while (current !== undefined && !depthOf.has(current) && !onWalk.has(current)) {
      onWalk.set(current, walk.length);
      walk.push(current);
      const parent = parentOf.get(current);
      current = parent !== undefined && indexOf.has(parent) ? parent : undefined;
    }
    // The depth of the last walked clientele's parent: -1 above the top of a chain, null under a cycle.
    let base: number | null;
    let end = walk.length;
    if (current === undefined) base = -1;
    else if (onWalk.has(current)) {
      end = onWalk.get(current)!;
      reportCycle(walk.slice(end), indexOf, report);
      for (const id of walk.slice(end)) depthOf.set(id, -1);
      base = null;
    } else {
      const known = depthOf.get(current)!;
      base = known < 0 ? null : known;
    }
    // Down the walk: each clientele has one ancestor more than its parent.
    for (let i = end - 1; i >= 0; i--) {
      const id = walk[i]!;
      if (base === null) {
        depthOf.set(id, -1);
        continue;
      }
      base++;
      depthOf.set(id, base);
      if (base === MAX_PARENT_DEPTH + 1) {
        report('PARENT_TOO_DEEP', ['clienteles', indexOf.get(id) ?? 0, 'parent'], { id: 'parentTooDeep', clientele: id, limit: MAX_PARENT_DEPTH });
      }
    }
  }
}

function reportCycle(cycle: readonly string[], indexOf: ReadonlyMap<string, number>, report: Report): void {
  const first = [...cycle].sort((a, b) => (indexOf.get(a) ?? 0) - (indexOf.get(b) ?? 0))[0]!;
  const from = cycle.indexOf(first);
  const ordered = [...cycle.slice(from), ...cycle.slice(0, from), first];
  report('PARENT_CYCLE', ['clienteles', indexOf.get(first) ?? 0, 'parent'], { id: 'parentCycle', ids: ordered });
}

/**
 * A shared term names several entries and so never resolves: it may not also
 * be a name of an entry of the same kind, which would make that name stop
 * resolving.
 */
function checkSharedTerms(
  root: Rec,
  key: string,
  what: EntryKind,
  names: ReadonlyMap<string, NameOwner>,
  report: Report,
  field: 'shared_terms' | 'nicknames' | 'job_titles' = 'shared_terms',
): void {
  list(root[key]).forEach((entry, i) => {
    if (!isRec(entry)) return;
    const id = str(entry['id']);
    if (id === null) return;
    list(entry[field]).forEach((value, j) => {
      if (typeof value !== 'string' || value.trim() === '') return;
      const normal = normalizeName(value);
      const where: Path = [key, i, field, j];
      if (!/[\p{L}\p{N}]/u.test(normal)) report('EMPTY_NAME', where, { id: 'emptyName', entry: what, entryId: id, value });
      else {
        const other = ownerOf(names, lookKeys(value));
        if (other !== undefined) report('NAME_COLLISION', where, collision(what, id, value, other));
        else checkScript(what, id, value, where, report);
      }
    });
  });
}

/** An entry that answers to a name, and the name as written. */
interface NameOwner {
  readonly id: string;
  readonly value: string;
}

/** The keys of how a name looks (see nameSkeletons), one per letter case. */
function lookKeys(value: string): readonly string[] {
  const [lower, upper] = nameSkeletons(value);
  return [`a:${lower}`, `A:${upper}`];
}

/** The entry that already answers to a name that looks like one with these keys. */
function ownerOf(owners: ReadonlyMap<string, NameOwner>, keys: readonly string[]): NameOwner | undefined {
  for (const k of keys) {
    const owner = owners.get(k);
    if (owner !== undefined) return owner;
  }
  return undefined;
}

/** What a name that another entry already answers to says: the same name once normalised, or a lookalike of it. */
function collision(what: EntryKind, entryId: string, value: string, other: NameOwner): ProblemDetail {
  return normalizeName(value) === normalizeName(other.value)
    ? { id: 'nameCollision', entry: what, entryId, value, other: other.id }
    : { id: 'nameLookalike', entry: what, entryId, value, other: other.id, otherName: other.value };
}

const LATIN_LETTER = /\p{Script=Latin}/u;
const NON_LATIN_LETTER = /(?![\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}])\p{L}/u;

/**
 * Refuses a name that mixes Latin letters with letters of another script (UTS #39's single-script
 * restriction, for a catalogue whose names are French and English): "Cоmmis" with a Cyrillic о reads
 * as "Commis" but is another name.
 */
function checkScript(what: EntryKind, entryId: string, value: string, where: Path, report: Report): void {
  if (!LATIN_LETTER.test(value)) return;
  const letter = NON_LATIN_LETTER.exec(value)?.[0];
  if (letter !== undefined) report('MIXED_SCRIPT', where, { id: 'mixedScript', entry: what, entryId, value, letter });
}

/**
 * Checks that no two entries of a kind share a name, or names that look the same (one UTS #39
 * skeleton, see nameSkeletons), and that no name mixes scripts; returns the keys of how each name looks
 * (lookKeys) and the entry it names.
 */
function checkNames(root: Rec, key: string, what: EntryKind, single: string[], multiple: string[], report: Report): Map<string, NameOwner> {
  const owner = new Map<string, NameOwner>();
  list(root[key]).forEach((entry, i) => {
    if (!isRec(entry)) return;
    const id = str(entry['id']);
    if (id === null) return;
    const names: { value: string; where: Path }[] = [{ value: id, where: [key, i, 'id'] }];
    for (const field of single) {
      const value = str(entry[field]);
      if (value !== null) names.push({ value, where: [key, i, field] });
    }
    for (const field of multiple) {
      list(entry[field]).forEach((value, j) => {
        if (typeof value === 'string') names.push({ value, where: [key, i, field, j] });
      });
    }
    const mine = new Set<string>();
    for (const { value, where } of names) {
      // A blank name is the schema's to report; this check is for names with no letter or digit (punctuation, invisible characters).
      if (value.trim() === '') continue;
      if (!/[\p{L}\p{N}]/u.test(normalizeName(value))) {
        report('EMPTY_NAME', where, { id: 'emptyName', entry: what, entryId: id, value });
        continue;
      }
      const keys = lookKeys(value);
      // A look this entry already had was checked then: one collision is reported once.
      const other = ownerOf(
        owner,
        keys.filter((k) => !mine.has(k)),
      );
      for (const k of keys) mine.add(k);
      if (other !== undefined && other.id !== id) {
        report('NAME_COLLISION', where, collision(what, id, value, other));
        continue;
      }
      for (const k of keys) if (!owner.has(k)) owner.set(k, { id, value });
      checkScript(what, id, value, where, report);
    }
  });
  return owner;
}

interface RawClientele extends Omit<Clientele, 'parent' | 'description' | 'job_titles' | 'shared_terms' | 'nicknames' | 'notes'> {
  parent?: string;
  description?: Clientele['description'];
  job_titles?: string[];
  shared_terms?: string[];
  nicknames?: string[];
  notes?: Clientele['notes'];
}
interface RawService extends Omit<Service, 'name_is_descriptive' | 'shared_terms' | 'nicknames'> {
  name_is_descriptive?: boolean;
  shared_terms?: string[];
  nicknames?: string[];
}
interface RawSource {
  title: string;
  publisher: string;
  url?: string;
  checked?: string;
  sha256?: string;
  etag?: string;
  last_modified?: string;
}
interface RawCatalog extends Omit<Catalog, 'source' | 'clienteles' | 'services'> {
  source: RawSource;
  clienteles: RawClientele[];
  services: RawService[];
}

function toCatalog(raw: RawCatalog): Catalog {
  return {
    version: raw.version,
    source: {
      title: raw.source.title,
      publisher: raw.source.publisher,
      url: raw.source.url ?? null,
      checked: raw.source.checked ?? null,
      sha256: raw.source.sha256 ?? null,
      etag: raw.source.etag ?? null,
      last_modified: raw.source.last_modified ?? null,
    },
    categories: raw.categories,
    clienteles: raw.clienteles.map((c) => ({
      id: c.id,
      name: c.name,
      name_en: c.name_en,
      kind: c.kind,
      parent: c.parent ?? null,
      description: c.description ?? null,
      forms: c.forms,
      aliases: c.aliases,
      terms_en: c.terms_en,
      abbreviations: c.abbreviations,
      job_titles: c.job_titles ?? [],
      shared_terms: c.shared_terms ?? [],
      nicknames: c.nicknames ?? [],
      notes: c.notes ?? [],
    })),
    services: raw.services.map((s) => ({
      id: s.id,
      name: s.name,
      name_is_descriptive: s.name_is_descriptive ?? false,
      name_en: s.name_en,
      abbreviation: s.abbreviation,
      category: s.category,
      aliases: s.aliases,
      shared_terms: s.shared_terms ?? [],
      nicknames: s.nicknames ?? [],
      description: s.description,
      grants: s.grants,
      notes: s.notes,
      sub_applications: s.sub_applications,
    })),
  };
}
