import { MAX_CATALOG_BYTES } from '../../catalog/load-catalog';
import type { SourceInfo } from '../../catalog/model';
import type { PageLists, SourcePage } from '../../page/source-page';
import type { WriteSummary } from '../../present/present-check-source';
import type { CatalogLines, SourceCheck } from '../../query/check-source';
import { defineCommand } from '../command';
import { isNotFound, type Context } from '../context';
import { describeWriteRefusal, UserError, usageError } from '../errors';
import { testHoldMs } from '../test-hold';

/*
 * check-source's wiring: the page is read by src/page (a file, or fetched through ctx.io.fetch), compared and the
 * write planned by src/query/check-source.ts, its failures worded by src/present/check-source-reasons.ts; this file
 * reads the inputs, writes the catalogue, and turns failures into exit codes.
 */

/* eslint-disable @typescript-eslint/no-require-imports */
// YAML loads only when a line of the catalogue is asked for, or when --write edits it.
const parsing = (): typeof import('../../catalog/parse-yaml') => require('../../catalog/parse-yaml') as typeof import('../../catalog/parse-yaml');
const editing = (): typeof import('../../catalog/edit-catalog') => require('../../catalog/edit-catalog') as typeof import('../../catalog/edit-catalog');
const writing = (): typeof import('../../catalog/write-catalog') => require('../../catalog/write-catalog') as typeof import('../../catalog/write-catalog');
// The page's decoder loads only when a page is checked; the fetch only for a page given by its address.
const decoding = (): typeof import('../../page/decode-page') => require('../../page/decode-page') as typeof import('../../page/decode-page');
const fetching = (): typeof import('../../page/fetch-page') => require('../../page/fetch-page') as typeof import('../../page/fetch-page');
// The page's reader and the comparison load when check-source runs: a query never pays for them.
const pages = (): typeof import('../../page/source-page') => require('../../page/source-page') as typeof import('../../page/source-page');
const comparing = (): typeof import('../../query/check-source') => require('../../query/check-source') as typeof import('../../query/check-source');
// The words of a failure load with the failure.
const reasons = (): typeof import('../../present/check-source-reasons') =>
  require('../../present/check-source-reasons') as typeof import('../../present/check-source-reasons');
/* eslint-enable @typescript-eslint/no-require-imports */

const COPY = '__tests__/fixtures/source/liste-des-services-en-ligne.txt';
const HTML = '__tests__/fixtures/source/liste-des-services-en-ligne.html';

/** A page with its lists, read once. */
interface ListingPage {
  readonly page: SourcePage;
  readonly lists: PageLists;
}

/** The page to check, by where it came from, with a fetched page's validators (null for a file); or, fetched with the recorded validators, the server's word that it has not changed (304). */
type Obtained =
  | (ListingPage & { readonly kind: 'page'; readonly shown: string; readonly etag: string | null; readonly lastModified: string | null })
  | { readonly kind: 'unchanged'; readonly shown: string };

/** Reads the page: a wrong name is a usage error, a refused read an I/O error, bytes that are not text or a page without lists exit 3. */
function readPage(ctx: Context, file: string): ListingPage {
  const shown = ctx.shownPath(file);
  const read = ctx.readInput(file, ctx.m.stdinPurposes.page, (bytes, name) => decoding().decodePageBytes(bytes, name));
  if (!read.ok) {
    const errno = read.errno;
    const kind = errno === undefined ? 'page-error' : isNotFound(errno) ? 'usage-error' : 'io-error';
    throw new UserError(ctx.m.checkSource.cannotReadPage(shown, reasons().pageReason(read.problem.detail, ctx.m)), { kind }, { input: shown });
  }
  return listingPage(ctx, read.text, shown);
}

/** The page's lines and lists; an HTML page the reader refuses, or a page without lists (a login or error page, saved or served), exits 3. */
function listingPage(ctx: Context, text: string, shown: string): ListingPage {
  const read = pages().readListingPage(text);
  if (read.ok) return { page: read.page, lists: read.lists };
  const line =
    read.refusal.id === 'noLists'
      ? ctx.m.checkSource.noLists(shown)
      : ctx.m.checkSource.cannotReadPage(shown, reasons().htmlRefusalReason(read.refusal, ctx.m));
  throw new UserError(line, { kind: 'page-error' }, { input: shown });
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
async function obtainPage(ctx: Context, arg: string | undefined, timeout: unknown, source: SourceInfo, catalogue: string): Promise<Obtained> {
  const f = ctx.m.checkSource.fetch;
  const target = arg ?? source.url;
  if (target === null) throw usageError(f.noPage(catalogue));
  if (!/^https?:\/\//i.test(target)) {
    if (timeout !== undefined) throw usageError(f.timeoutWithoutUrl);
    return { kind: 'page', ...readPage(ctx, target), shown: ctx.shownPath(target), etag: null, lastModified: null };
  }
  const seconds = timeoutSeconds(ctx, timeout);
  try {
    new URL(target);
  } catch {
    throw usageError(f.badUrl(target));
  }
  // The recorded validators stand for the page at source.url only.
  const same = target === source.url;
  const request = {
    url: target,
    timeoutMs: Math.round(seconds * 1000),
    maxBytes: MAX_CATALOG_BYTES,
    maxRedirects: MAX_REDIRECTS,
    etag: same ? source.etag : null,
    lastModified: same ? source.last_modified : null,
    userAgent: `ramq-access/${ctx.version} (check-source)`,
  };
  const answer = await fetching().fetchPage(request, ctx.io.fetch);
  if (answer.kind === 'not-modified') return { kind: 'unchanged', shown: target };
  if (answer.kind === 'failed')
    throw new UserError(f.cannotFetch(target, reasons().fetchReason(answer.failure, ctx.m)), { kind: 'unavailable' }, { input: target });
  const decoded = decoding().decodePageBytes(answer.bytes, target, answer.charset);
  if (!decoded.ok) {
    const reason = reasons().pageReason(decoded.problem.detail, ctx.m);
    throw new UserError(ctx.m.checkSource.cannotReadPage(target, reason), { kind: 'page-error' }, { input: target });
  }
  const listing = listingPage(ctx, decoded.text, target);
  for (const v of answer.ignored) ctx.warn(f.validatorIgnored(target, v.header, v.length, fetching().MAX_VALIDATOR_CHARS));
  return { kind: 'page', ...listing, shown: target, etag: answer.etag, lastModified: answer.lastModified };
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

const NOT_WRITTEN: WriteSummary = { written: false, applied: 0, recordedCheck: false };

/**
 * `--write`: carries out the plan of planWrite (src/query/check-source.ts) in
 * one atomic write of the whole file, or none, and says what it did.
 */
function writeFindings(ctx: Context, check: SourceCheck, page: Extract<Obtained, { kind: 'page' }>, date: string, force: boolean): WriteSummary {
  const m = ctx.m.checkSource;
  const source = ctx.catalogSource();
  const record = { checked: date, sha256: page.page.sha256, etag: page.etag, lastModified: page.lastModified };
  const plan = comparing().planWrite(check, source.index.catalog.source, record, force);
  switch (plan.kind) {
    case 'refused':
      throw new UserError(reasons().brokenReadingLine(plan.broken, source.shown, ctx.m), { kind: 'page-error' });
    case 'needs-entry':
      ctx.warn(m.untouched(source.shown));
      return NOT_WRITTEN;
    case 'up-to-date':
      ctx.warn(m.upToDate(source.shown));
      return NOT_WRITTEN;
    case 'left-over':
      ctx.warn(m.leftOver(plan.left));
      return NOT_WRITTEN;
  }
  const result = editing().editCatalogText(source.text, source.shown, plan.edits);
  // The check leaves to a person what the catalogue cannot hold; should an edit still make it invalid, the page is at fault, not the user.
  if (!result.ok) throw new UserError(m.editInvalid(source.shown, [...new Set(result.problems.map((p) => p.code))].join(', ')), { kind: 'page-error' });
  const written = writing().writeCatalogFile(source.file, result.text, { expected: source.text, holdMs: testHoldMs(ctx) });
  if (!written.ok) throw new UserError(ctx.m.errors.cannotWriteFile(source.shown, describeWriteRefusal(written.refusal, ctx.m)), { kind: 'io-error' });
  ctx.warn(m.written(source.shown, plan.applied, plan.recordsCheck));
  for (const u of plan.untranslated) ctx.warn(m.translate(u.service, u.clientele));
  if (plan.left > 0) ctx.warn(m.leftOver(plan.left));
  return { written: true, applied: plan.applied, recordedCheck: plan.recordsCheck };
}

/** The catalogue's line of a path, asked by the comparison only when a finding needs one: YAML parses then, once, and each answer is kept. */
function catalogLines(text: string, shown: string): CatalogLines {
  let positions: ReturnType<ReturnType<typeof parsing>['parseYaml']> | undefined;
  // A page of many items under one service asks for the same line again and again.
  const known = new Map<string, number | null>();
  return (path, at) => {
    const key = `${path.join('/')} ${at ?? 'value'}`;
    const line = known.get(key);
    if (line !== undefined) return line;
    positions ??= parsing().parseYaml(text, shown);
    const found = positions.ok ? (positions.parsed.positionOf(path, at)?.line ?? null) : null;
    known.set(key, found);
    return found;
  };
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
  formats: { default: 'table' },
  outputSchema: 'check_source_output',
  run: async (ctx, { args, opts, show }) => {
    const { write, force } = opts;
    if (force && !write) throw usageError(ctx.m.checkSource.forceWithoutWrite);
    if (write && ctx.catalogPath() === '-') throw usageError(ctx.m.checkSource.cannotWriteStdin);
    if (write && ctx.catalogIsInstalledPackage())
      throw new UserError(ctx.m.checkSource.installedCatalog(ctx.shownPath(ctx.catalogPath())), { kind: 'io-error' });
    const date = write ? today(ctx) : '';
    // The catalogue first: with `--catalog -` and the page `-`, the second reader of standard input is told so (exit 2).
    const source = ctx.catalogSource();
    const obtained = await obtainPage(ctx, args[0], opts.timeout, source.index.catalog.source, source.shown);
    if (obtained.kind === 'unchanged') {
      ctx.warn(ctx.m.checkSource.fetch.notModified(obtained.shown, source.index.catalog.source.checked));
      return { kind: 'source-checked', agrees: true };
    }
    const check = comparing().checkSource(source.index, obtained.page, catalogLines(source.text, source.shown), obtained.lists);
    const stubs = check.stubs.map((s) => ({ entry: s.entry, name: s.name, yaml: editing().entryYaml(s.fields) }));
    const recorded = source.index.catalog.source;
    const summary = write ? writeFindings(ctx, check, obtained, date, force) : null;
    const page = obtained.page;
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
