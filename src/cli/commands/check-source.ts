import type { CatalogEdit } from '../../catalog/edit-catalog';
import type { ProblemDetail } from '../../catalog/problem';
import { readPageLists, readSourcePage, type PageLists, type SourcePage } from '../../catalog/source-page';
import { presentCheckSource, type CheckSourceFormat, type SourceReport, type WriteSummary } from '../../present/present-check-source';
import { problemMessage } from '../../present/problem-message';
import { brokenReading, checkSource, MAX_REMOVED_SHARE, needsEntry, writableFindings, type CatalogLines, type SourceCheck } from '../../query/check-source';
import { defineCommand, type CommandSpec } from '../command';
import { isNotFound, type Context } from '../context';
import { describeErrno, describeWriteRefusal, UserError, usageError } from '../errors';
import { testHoldMs } from '../test-hold';

/* eslint-disable @typescript-eslint/no-require-imports */
// YAML loads only when a line of the catalogue is asked for, or when --write edits it.
const parsing = (): typeof import('../../catalog/parse-yaml') => require('../../catalog/parse-yaml') as typeof import('../../catalog/parse-yaml');
const editing = (): typeof import('../../catalog/edit-catalog') => require('../../catalog/edit-catalog') as typeof import('../../catalog/edit-catalog');
const writing = (): typeof import('../../catalog/write-catalog') => require('../../catalog/write-catalog') as typeof import('../../catalog/write-catalog');
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
      return problemMessage({ detail }, ctx.lang);
  }
}

/** Reads the page: a wrong name is a usage error, a refused read an I/O error, bytes that are not text or a page without lists exit 3. */
function readPage(ctx: Context, file: string): { page: SourcePage; lists: PageLists } {
  const shown = ctx.shownPath(file);
  const read = ctx.readInput(file, ctx.m.stdinPurposes.page);
  if (!read.ok) {
    const errno = read.errno;
    const kind = errno === undefined ? 'page-error' : isNotFound(errno) ? 'usage-error' : 'io-error';
    throw new UserError(ctx.m.checkSource.cannotReadPage(shown, pageReason(read.problem.detail, ctx)), { kind });
  }
  const page = readSourcePage(read.text);
  const lists = readPageLists(page);
  // A login page or an error page saved by mistake must not pass for a page that lists no access.
  if (lists.lists.length === 0) throw new UserError(ctx.m.checkSource.noLists(shown), { kind: 'page-error' });
  return { page, lists };
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
    if (!/^\d{1,12}$/.test(epoch) || Number(epoch) > LAST_EPOCH) throw usageError(ctx.m.checkSource.badEpoch(epoch));
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
function writeFindings(ctx: Context, check: SourceCheck, page: SourcePage, date: string, force: boolean): WriteSummary {
  const m = ctx.m.checkSource;
  const source = ctx.catalogSource();
  // A reading that lost most of the page is refused before anything else, not acted on (see brokenReading).
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
  const all: CatalogEdit[] = record ? [...edits, { op: 'record-check', checked: date, sha256: page.sha256 }] : edits;
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

const spec: CommandSpec<SourceReport, CheckSourceFormat> = {
  name: 'check-source',
  args: [{ name: 'page', description: (m) => m.args.page, kind: 'file', required: true, variadic: false }],
  options: [
    { flags: '--write', description: (m) => m.options.write },
    { flags: '--force', description: (m) => m.options.force },
  ],
  examples: [
    { line: 'check-source - < liste-des-services-en-ligne.txt', argv: ['check-source', '-'], stdinFile: COPY },
    { line: 'check-source - --format markdown < liste-des-services-en-ligne.html', argv: ['check-source', '-', '--format', 'markdown'], stdinFile: HTML },
    { line: 'check-source - --json < liste-des-services-en-ligne.html', argv: ['check-source', '-', '--json'], stdinFile: HTML },
  ],
  formats: { presenters: presentCheckSource, default: 'table' },
  outputSchema: 'check_source_output',
  run: (ctx, { args, opts, show }) => {
    const write = opts['write'] === true;
    const force = opts['force'] === true;
    if (force && !write) throw usageError(ctx.m.checkSource.forceWithoutWrite);
    if (write && ctx.catalogPath() === '-') throw usageError(ctx.m.checkSource.cannotWriteStdin);
    if (write && ctx.catalogIsInstalledPackage())
      throw new UserError(ctx.m.checkSource.installedCatalog(ctx.shownPath(ctx.catalogPath())), { kind: 'io-error' });
    const date = write ? today(ctx) : '';
    const file = String(args[0]);
    // The catalogue first: with `--catalog -` and the page `-`, the second reader of standard input is told so (exit 2).
    const source = ctx.catalogSource();
    const { page, lists: pageLists } = readPage(ctx, file);
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
    const check = checkSource(source.index, page, lines, pageLists);
    const stubs = check.stubs.map((s) => ({ entry: s.entry, name: s.name, yaml: editing().entryYaml(s.fields) }));
    const recorded = source.index.catalog.source;
    const summary = write ? writeFindings(ctx, check, page, date, force) : null;
    show({
      page: ctx.shownPath(file),
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
};

/** `check-source PAGE [--write]`. */
export const checkSourceCommand = defineCommand(spec);
