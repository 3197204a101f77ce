import type { CatalogEdit } from '../../catalog/edit-catalog';
import { MAX_CATALOG_BYTES } from '../../catalog/load-catalog';
import type { SourceInfo } from '../../catalog/model';
import type { FetchMessages } from '../../present/messages/messages';
import type { ProblemDetail } from '../../catalog/problem';
import type { PageLists, SourcePage } from '../../catalog/source-page';
import type { WriteSummary } from '../../present/present-check-source';
import type { CatalogLines, SourceCheck } from '../../query/check-source';
import { defineCommand } from '../command';
import { lazyPresenters } from '../lazy';
import type { FetchFailure } from '../fetch-page';
import { isNotFound, type Context } from '../context';
import { describeErrno, describeWriteRefusal, UserError, usageError } from '../errors';
import { testHoldMs } from '../test-hold';

/* eslint-disable @typescript-eslint/no-require-imports */
// YAML loads only when a line of the catalogue is asked for, or when --write edits it.
const parsing = (): typeof import('../../catalog/parse-yaml') => require('../../catalog/parse-yaml') as typeof import('../../catalog/parse-yaml');
const editing = (): typeof import('../../catalog/edit-catalog') => require('../../catalog/edit-catalog') as typeof import('../../catalog/edit-catalog');
const writing = (): typeof import('../../catalog/write-catalog') => require('../../catalog/write-catalog') as typeof import('../../catalog/write-catalog');
// The page's decoder and HTML reader load only when a page is checked; the network only for a page fetched by its address.
const decoding = (): typeof import('../../catalog/decode-page') => require('../../catalog/decode-page') as typeof import('../../catalog/decode-page');
const reading = (): typeof import('../../catalog/read-html') => require('../../catalog/read-html') as typeof import('../../catalog/read-html');
const fetching = (): typeof import('../fetch-page') => require('../fetch-page') as typeof import('../fetch-page');
// The page's reader, the comparison and its presenters load when check-source runs: a query never pays for them.
const pages = (): typeof import('../../catalog/source-page') => require('../../catalog/source-page') as typeof import('../../catalog/source-page');
const comparing = (): typeof import('../../query/check-source') => require('../../query/check-source') as typeof import('../../query/check-source');
const presenting = (): typeof import('../../present/present-check-source') =>
  require('../../present/present-check-source') as typeof import('../../present/present-check-source');
const problemText = (): typeof import('../../present/problem-message') =>
  require('../../present/problem-message') as typeof import('../../present/problem-message');
/* eslint-enable @typescript-eslint/no-require-imports */

const COPY = '__tests__/fixtures/source/liste-des-services-en-ligne.txt';
const HTML = '__tests__/fixtures/source/liste-des-services-en-ligne.html';

/** Why a page could not be read, in words about a page (the catalogue's own sentences speak of catalogues). */
function pageReason(detail: ProblemDetail, ctx: Context): string {
  const m = ctx.m;
  const p = m.checkSource.pageProblems;
  switch (detail.id) {
    case 'fileNotFound':
      return p.notFound;
    case 'isDirectory':
      return p.isDirectory;
    case 'tooLarge':
      return p.tooLarge(detail.size, detail.limit);
    case 'binary':
      return p.binary;
    case 'notUtf8':
      return p.notUtf8;
    case 'fileUnreadable':
    case 'stdinUnreadable':
      return describeErrno(detail.errno, m);
    default:
      return problemText().problemMessage({ detail }, ctx.lang);
  }
}

/** Reads the page: a wrong name is a usage error, a refused read an I/O error, bytes that are not text or a page without lists exit 3. */
function readPage(ctx: Context, file: string): ListingPage {
  const shown = ctx.shownPath(file);
  const read = ctx.readInput(file, ctx.m.stdinPurposes.page, (bytes, name) => decoding().decodePageBytes(bytes, name));
  if (!read.ok) {
    const errno = read.errno;
    const kind = errno === undefined ? 'page-error' : isNotFound(errno) ? 'usage-error' : 'io-error';
    throw new UserError(ctx.m.checkSource.cannotReadPage(shown, pageReason(read.problem.detail, ctx)), { kind }, { input: shown });
  }
  return listingPage(ctx, readPageText(ctx, read.text, shown), shown);
}

/** The page, when it lists access at all: a login page or an error page (saved or served) must not pass for a page that lists no access (exit 3). */
function listingPage(ctx: Context, page: SourcePage, shown: string): ListingPage {
  const lists = pages().readPageLists(page);
  if (lists.lists.length === 0) throw new UserError(ctx.m.checkSource.noLists(shown), { kind: 'page-error' }, { input: shown });
  return { page, lists };
}

/** A page with its lists, read once. */
interface ListingPage {
  readonly page: SourcePage;
  readonly lists: PageLists;
}

/** The page's lines; an HTML page the reader refuses (nested past a browser's limit, style rules past what it applies) exits 3. */
function readPageText(ctx: Context, text: string, shown: string): SourcePage {
  try {
    return pages().readSourcePage(text);
  } catch (error) {
    if (!(error instanceof reading().HtmlRefusedError)) throw error;
    const p = ctx.m.checkSource.pageProblems;
    const r = error.refusal;
    const reason =
      r.id === 'tooDeep'
        ? p.tooDeep(r.limit)
        : r.id === 'tooManyElements'
          ? p.tooManyElements(r.limit)
          : r.id === 'tooManyHidingRules'
            ? p.tooManyHidingRules(r.count, r.limit)
            : p.tooManyStyleTests;
    throw new UserError(ctx.m.checkSource.cannotReadPage(shown, reason), { kind: 'page-error' }, { input: shown });
  }
}

/** The server's validators of a fetched page, as --write records them (absent for a file, which removes recorded ones). */
interface Validators {
  readonly etag?: string;
  readonly lastModified?: string;
}

/** The page to check, by where it came from; or, fetched with the recorded validators, the server's word that it has not changed (304). */
type Obtained =
  | { readonly kind: 'page'; readonly page: SourcePage; readonly lists: PageLists; readonly shown: string; readonly validators: Validators }
  | { readonly kind: 'unchanged'; readonly shown: string };

/** Why a page could not be fetched, as a phrase in the run's language. */
function fetchReason(failure: FetchFailure, f: FetchMessages): string {
  switch (failure.id) {
    case 'refused':
      return f.refused;
    case 'dns':
      return f.dns(failure.host);
    case 'network':
      return f.network(failure.code);
    case 'timeout':
      return f.timeout(failure.seconds);
    case 'http':
      return f.http(failure.status, failure.statusText);
    case 'tooManyRedirects':
      return f.tooManyRedirects(failure.max);
    case 'badRedirect':
      return f.badRedirect(failure.location);
    case 'tooLarge':
      return f.tooLarge(failure.size, failure.limit);
    case 'notHtml':
      return f.notHtml(failure.contentType);
  }
}

/** Seconds a fetch may take unless --timeout says otherwise. */
const DEFAULT_TIMEOUT_SECONDS = 30;
/** Redirects followed before a fetch gives up. */
const MAX_REDIRECTS = 5;

/** --timeout as seconds: a number greater than 0, at most an hour. */
function timeoutSeconds(ctx: Context, value: unknown): number {
  if (value === undefined) return DEFAULT_TIMEOUT_SECONDS;
  const text = String(value);
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(seconds > 0 && seconds <= 3600)) throw usageError(ctx.m.checkSource.fetch.badTimeout(text));
  return seconds;
}

/**
 * The page argument, or the catalogue's source.url without one: an http(s)
 * address is fetched (see fetchPage), anything else read as a file or `-`.
 */
function obtainPage(ctx: Context, arg: string | undefined, timeout: unknown, source: SourceInfo, catalogue: string): Obtained {
  const f = ctx.m.checkSource.fetch;
  const target = arg ?? source.url;
  if (target === null) throw usageError(f.noPage(catalogue));
  if (!/^https?:\/\//i.test(target)) {
    if (timeout !== undefined) throw usageError(f.timeoutWithoutUrl);
    return { kind: 'page', ...readPage(ctx, target), shown: ctx.shownPath(target), validators: {} };
  }
  const seconds = timeoutSeconds(ctx, timeout);
  try {
    new URL(target);
  } catch {
    throw usageError(f.badUrl(target));
  }
  // The recorded validators stand for the page at source.url only.
  const same = target === source.url;
  const answer = fetching().fetchPage(
    {
      url: target,
      timeoutMs: Math.round(seconds * 1000),
      maxBytes: MAX_CATALOG_BYTES,
      maxRedirects: MAX_REDIRECTS,
      etag: same ? source.etag : null,
      lastModified: same ? source.last_modified : null,
      userAgent: `ramq-access/${ctx.version} (check-source)`,
    },
    ctx.io.env,
  );
  if (answer.kind === 'not-modified') return { kind: 'unchanged', shown: target };
  if (answer.kind === 'failed') {
    throw new UserError(f.cannotFetch(target, fetchReason(answer.failure, f)), { kind: 'unavailable' }, { input: target });
  }
  const decoded = decoding().decodePageBytes(answer.bytes, target, answer.charset);
  if (!decoded.ok)
    throw new UserError(ctx.m.checkSource.cannotReadPage(target, pageReason(decoded.problem.detail, ctx)), { kind: 'page-error' }, { input: target });
  const listing = listingPage(ctx, readPageText(ctx, decoded.text, target), target);
  const recordable = fetching().isRecordable;
  const validators: Validators = {
    ...(recordable(answer.etag, 500) ? { etag: answer.etag } : {}),
    ...(recordable(answer.lastModified, 100) ? { lastModified: answer.lastModified } : {}),
  };
  return { kind: 'page', ...listing, shown: target, validators };
}

// The last second of the year 9999 (UTC): source.checked has four digits for the year.
const LAST_EPOCH = 253402300799;

/**
 * Today as YYYY-MM-DD: the local date, or SOURCE_DATE_EPOCH's (UTC) when it is
 * set, for reproducible runs. A value that is not whole seconds up to the end
 * of the year 9999 is a usage error, before anything is written.
 */
function today(ctx: Context): string {
  const epoch = ctx.io.env['SOURCE_DATE_EPOCH'];
  const two = (n: number): string => String(n).padStart(2, '0');
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d{1,12}$/.test(epoch) || Number(epoch) > LAST_EPOCH) throw new UserError(ctx.m.checkSource.badEpoch(epoch), { kind: 'usage-error' });
    const d = new Date(Number(epoch) * 1000);
    return `${String(d.getUTCFullYear()).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  }
  const d = new Date();
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/**
 * `--write`: applies the grant-level findings and, when the catalogue then
 * agrees with the page, records the date and the page's checksum; one atomic
 * write of the whole file, or none. A finding that needs a new entry stops
 * every change (see writableFindings).
 */
function writeFindings(ctx: Context, check: SourceCheck, page: SourcePage, validators: Validators, date: string, force: boolean): WriteSummary {
  const m = ctx.m.checkSource;
  const source = ctx.catalogSource();
  // A reading that lost most of the page is refused before anything else, not acted on (see brokenReading).
  const { brokenReading, MAX_REMOVED_SHARE, needsEntry, writableFindings } = comparing();
  const broken = force ? null : brokenReading(check);
  if (broken !== null) {
    const line =
      broken.kind === 'empty-lists'
        ? m.emptyLists(source.shown, broken.lists.length, broken.lists[0]!.heading)
        : m.tooManyRemovals(source.shown, broken.removed, broken.grants, MAX_REMOVED_SHARE);
    throw new UserError(line, { kind: 'page-error' });
  }
  const edits = writableFindings(check).map((f) => f.edit!);
  const left = check.findings.length - edits.length;
  if (check.findings.some(needsEntry)) {
    ctx.warn(m.untouched(source.shown));
    return { written: false, applied: 0, recordedCheck: false };
  }
  const recorded = source.index.catalog.source;
  const record = left === 0 && (recorded.sha256 !== page.sha256 || recorded.checked !== date);
  if (edits.length === 0 && !record) {
    ctx.warn(left === 0 ? m.upToDate(source.shown) : m.leftOver(left));
    return { written: false, applied: 0, recordedCheck: false };
  }
  const all: CatalogEdit[] = record ? [...edits, { op: 'record-check', checked: date, sha256: page.sha256, ...validators }] : edits;
  const result = editing().editCatalogText(source.text, source.shown, all);
  // The check leaves to a person what the catalogue cannot hold; should an edit still make it invalid, the page is at fault, not the user.
  if (!result.ok) throw new UserError(m.editInvalid(source.shown, [...new Set(result.problems.map((p) => p.code))].join(', ')), { kind: 'page-error' });
  const written = writing().writeCatalogFile(source.file, result.text, { expected: source.text, holdMs: testHoldMs(ctx) });
  if (!written.ok) throw new UserError(ctx.m.errors.cannotWriteFile(source.shown, describeWriteRefusal(written.refusal, ctx.m)), { kind: 'io-error' });
  ctx.warn(m.written(source.shown, edits.length, record));
  for (const f of check.findings) {
    const conditions = f.edit?.op === 'add-grant' ? f.edit.grant.conditions : f.edit?.op === 'set-conditions' ? f.edit.conditions : [];
    if (conditions.some((c) => c.fr === c.en)) ctx.warn(m.translate(f.service?.name ?? '', f.clientele?.name ?? ''));
  }
  if (left > 0) ctx.warn(m.leftOver(left));
  return { written: true, applied: edits.length, recordedCheck: record };
}

/** `check-source [PAGE|URL] [--write] [--timeout SECONDS]`. */
export const checkSourceCommand = defineCommand({
  name: 'check-source',
  args: [{ name: 'page', description: (m) => m.args.page, kind: 'file', required: false, variadic: false }],
  options: [
    { long: 'write', description: (m) => m.options.write },
    { long: 'timeout', value: 'seconds', description: (m) => m.options.timeout },
    { long: 'force', description: (m) => m.options.force },
  ],
  readsCatalog: 'always',
  examples: [
    { line: 'check-source - < liste-des-services-en-ligne.txt', argv: ['check-source', '-'], stdinFile: COPY },
    { line: 'check-source - --format markdown < liste-des-services-en-ligne.html', argv: ['check-source', '-', '--format', 'markdown'], stdinFile: HTML },
    { line: 'check-source - --json < liste-des-services-en-ligne.html', argv: ['check-source', '-', '--json'], stdinFile: HTML },
  ],
  formats: { presenters: lazyPresenters({ table: true, json: true, markdown: true, github: true }, () => presenting().presentCheckSource), default: 'table' },
  outputSchema: 'check_source_output',
  run: (ctx, { args, opts, show }) => {
    const { write, force } = opts;
    if (force && !write) throw usageError(ctx.m.checkSource.forceWithoutWrite);
    if (write && ctx.catalogPath() === '-') throw usageError(ctx.m.checkSource.cannotWriteStdin);
    if (write && ctx.catalogIsInstalledPackage())
      throw new UserError(ctx.m.checkSource.installedCatalog(ctx.shownPath(ctx.catalogPath())), { kind: 'io-error' });
    const date = write ? today(ctx) : '';
    // The catalogue first: with `--catalog -` and the page `-`, the second reader of standard input is told so (exit 2).
    const source = ctx.catalogSource();
    const obtained = obtainPage(ctx, args[0], opts.timeout, source.index.catalog.source, source.shown);
    if (obtained.kind === 'unchanged') {
      ctx.warn(ctx.m.checkSource.fetch.notModified(obtained.shown, source.index.catalog.source.checked));
      return { kind: 'source-checked', agrees: true };
    }
    const { page, lists: pageLists } = obtained;
    let positions: ReturnType<ReturnType<typeof parsing>['parseYaml']> | undefined;
    // A page of many items under one service asks for the same line again and again.
    const known = new Map<string, number | null>();
    const lines: CatalogLines = (path, at) => {
      const key = `${path.join('/')} ${at ?? 'value'}`;
      const line = known.get(key);
      if (line !== undefined) return line;
      positions ??= parsing().parseYaml(source.text, source.shown);
      const found = positions.ok ? (positions.parsed.positionOf(path, at)?.line ?? null) : null;
      known.set(key, found);
      return found;
    };
    const check = comparing().checkSource(source.index, page, lines, pageLists);
    const stubs = check.stubs.map((s) => ({ entry: s.entry, name: s.name, yaml: editing().entryYaml(s.fields) }));
    const recorded = source.index.catalog.source;
    const summary = write ? writeFindings(ctx, check, page, obtained.validators, date, force) : null;
    show({
      page: obtained.shown,
      catalog: source.shown,
      form: page.form,
      sha256: page.sha256,
      recorded: { checked: recorded.checked, sha256: recorded.sha256 },
      check,
      stubs,
      write: summary,
    });
    const left = check.findings.length - (summary?.applied ?? 0);
    return { kind: 'source-checked', agrees: left === 0 };
  },
});
