/**
 * ramq-access as a library: load a catalogue, resolve names as people type
 * them, and ask the same questions the CLI answers. The CLI is built on these
 * very functions.
 *
 *   import { openCatalog, resolveName, servicesFor, canAccess } from 'ramq-access';
 */
import { fileURLToPath } from 'node:url';
import { EMBEDDED_CATALOG_PATH, loadCatalog, type LoadResult } from './catalog/load-catalog';
import type { Problem } from './catalog/problem';
import { indexCatalog, type CatalogIndex } from './query/catalog-index';
import { primeNameKeys, type NameKey } from './query/resolve-name';
import { messagesFor } from './present/messages/messages';
import { problemMessage } from './present/problem-message';

export type {
  Bilingual,
  Catalog,
  Category,
  Clientele,
  ClienteleKind,
  Condition,
  Grant,
  Note,
  NoteKind,
  Service,
  SourceInfo,
  SubApplication,
  Tier,
} from './catalog/model';
export { TIERS } from './catalog/model';
export type { Problem, ProblemCode, Severity } from './catalog/problem';
export { PROBLEM_CODES } from './catalog/problem';
export { EMBEDDED_CATALOG_PATH, loadCatalog } from './catalog/load-catalog';
export type { LoadResult } from './catalog/load-catalog';
export { validateCatalogText, type ValidationResult } from './catalog/validate-catalog';
export { formatCatalogText, type FormatResult } from './catalog/format-catalog';
export { normalizeName } from './catalog/normalize-name';
export { indexCatalog, type CatalogIndex } from './query/catalog-index';
export { resolveName, type Entity, type EntityKind, type Resolution, type Suggestion } from './query/resolve-name';
export {
  checkAccess as canAccess,
  findServices as servicesFor,
  findWho as whoCan,
  notesFor,
  ACCESS_NOTE_KINDS,
  type Access,
  type AccessRow,
  type AccessFilter,
  type CanResult,
  type ServicesResult,
  type WhoResult,
} from './query/access';
export { buildMatrix, type MatrixResult } from './query/build-matrix';
export { searchCatalog, type MatchKind, type SearchField, type SearchHit, type SearchResult, type WordMatch } from './query/search-catalog';
export { stemWord } from './query/stem-word';
export { diffCatalogs, type CatalogDiff, type Change, type Effect } from './query/diff-catalogs';
export { readAccessLists, readSourcePage, type AccessList, type ListedItem, type SourcePage } from './page/source-page';
export { checkSource, FINDING_KINDS, type CatalogLines, type FindingKind, type SourceCheck, type SourceFinding } from './query/check-source';
export { canToJson, servicesToJson, whoToJson } from './present/present-access';
export type { AccessJson, AccessRowJson, CanJson, ClienteleJson, HolderJson, NoteJson, ServiceJson, ServicesJson, WhoJson } from './present/json-output';

/** Thrown by openCatalog when the catalogue cannot be read or is invalid; `problems` says why, with positions. */
export class CatalogError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map((p) => `${p.file}${p.line === null ? '' : `:${p.line}:${p.col ?? 1}`}: ${p.code} ${problemMessage(p, messagesFor('en'))}`).join('\n'));
    this.name = 'CatalogError';
  }
}

/**
 * Loads a catalogue (the embedded one by default) and indexes it for queries; throws CatalogError if it cannot,
 * including when `file` is neither a path string nor a `file:` URL (a Buffer, another URL, a number...).
 * The catalogue and everything in it is frozen: results point into it and cannot change later answers.
 */
export function openCatalog(file: string | URL = EMBEDDED_CATALOG_PATH): CatalogIndex {
  const result: LoadResult = loadCatalog(pathOf(file));
  if (!result.ok) throw new CatalogError(result.problems);
  const index = indexCatalog(result.catalog);
  if (result.names) primeNameKeys(index, result.names as readonly NameKey[]);
  return index;
}

/** The path a caller of openCatalog means: a string as it is, a `file:` URL as its path; anything else is a CatalogError. */
function pathOf(file: unknown): string {
  if (typeof file === 'string') return file;
  if (file instanceof URL) {
    if (file.protocol !== 'file:') throw notAPath(`${file.protocol} URL`);
    try {
      return fileURLToPath(file);
    } catch {
      // A file: URL on another host (file://remotehost/x), or one whose path cannot be a file name here.
      throw notAPath(file.host === '' ? 'a file: URL that names no file here' : `a file: URL on another host (${file.host})`);
    }
  }
  const given = file === null ? 'null' : typeof file === 'object' ? (Object.getPrototypeOf(file)?.constructor?.name ?? 'object') : typeof file;
  throw notAPath(String(given));
}

function notAPath(given: string): CatalogError {
  return new CatalogError([
    {
      code: 'FILE_UNREADABLE',
      severity: 'error',
      file: '<openCatalog>',
      line: null,
      col: null,
      endLine: null,
      endCol: null,
      path: null,
      detail: { id: 'notAPath', given },
    },
  ]);
}

// Every module that requires the package shares this one exports object: no caller may replace a function or a constant for the others.
Object.freeze(module.exports);
