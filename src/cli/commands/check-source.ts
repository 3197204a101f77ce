import type { CatalogEdit } from '../../catalog/edit-catalog';
import type { ProblemDetail } from '../../catalog/problem';
import { decodePageBytes } from '../../catalog/decode-page';
import { MAX_HIDING_SELECTORS } from '../../catalog/page-styles';
import { HtmlRefusedError } from '../../catalog/read-html';
import { readAccessLists, readSourcePage, type SourcePage } from '../../catalog/source-page';
import { presentCheckSource, type CheckSourceFormat, type SourceReport, type WriteSummary } from '../../present/present-check-source';
import { problemMessage } from '../../present/problem-message';
import { checkSource, needsEntry, writableFindings, type CatalogLines, type SourceCheck } from '../../query/check-source';
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
function readPage(ctx: Context, file: string): SourcePage {
  const shown = ctx.shownPath(file);
  const read = ctx.readInput(file, ctx.m.stdinPurposes.page, decodePageBytes);
  if (!read.ok) {
    const errno = read.errno;
    const kind = errno === undefined ? 'page-error' : isNotFound(errno) ? 'usage-error' : 'io-error';
    throw new UserError(ctx.m.checkSource.cannotReadPage(shown, pageReason(read.problem.detail, ctx)), { kind });
  }
  const page = readPageText(ctx, read.text, shown);
  // A login page or an error page saved by mistake must not pass for a page that lists no access.
  if (readAccessLists(page).length === 0) throw new UserError(ctx.m.checkSource.noLists(shown), { kind: 'page-error' });
  return page;
}

/** The page's lines; an HTML page the reader refuses (nested past a browser's limit, style rules past what it applies) exits 3. */
function readPageText(ctx: Context, text: string, shown: string): SourcePage {
  try {
    return readSourcePage(text);
  } catch (error) {
    if (!(error instanceof HtmlRefusedError)) throw error;
    const p = ctx.m.checkSource.pageProblems;
    const r = error.refusal;
    const reason =
      r.id === 'tooDeep'
        ? p.tooDeep(r.limit)
        : r.id === 'tooManyElements'
          ? p.tooManyElements(r.limit)
          : r.id === 'tooManyHidingRules'
            ? p.tooManyHidingRules(r.count, MAX_HIDING_SELECTORS)
            : p.tooManyStyleTests;
    throw new UserError(ctx.m.checkSource.cannotReadPage(shown, reason), { kind: 'page-error' });
  }
}

/** Today as YYYY-MM-DD: the local date, or SOURCE_DATE_EPOCH's (UTC) when it is set, for reproducible runs. */
function today(env: Context['io']['env']): string {
  const epoch = env['SOURCE_DATE_EPOCH'];
  const two = (n: number): string => String(n).padStart(2, '0');
  if (epoch !== undefined && /^\d+$/.test(epoch)) {
    const d = new Date(Number(epoch) * 1000);
    return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
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
function writeFindings(ctx: Context, check: SourceCheck, page: SourcePage): WriteSummary {
  const m = ctx.m.checkSource;
  const source = ctx.catalogSource();
  const edits = writableFindings(check).map((f) => f.edit!);
  const left = check.findings.length - edits.length;
  if (check.findings.some(needsEntry)) {
    ctx.warn(m.untouched(source.shown));
    return { written: false, applied: 0, recordedCheck: false };
  }
  const recorded = source.index.catalog.source;
  const date = today(ctx.io.env);
  const record = left === 0 && (recorded.sha256 !== page.sha256 || recorded.checked !== date);
  if (edits.length === 0 && !record) {
    ctx.warn(left === 0 ? m.upToDate(source.shown) : m.leftOver(left));
    return { written: false, applied: 0, recordedCheck: false };
  }
  const all: CatalogEdit[] = record ? [...edits, { op: 'record-check', checked: date, sha256: page.sha256 }] : edits;
  const result = editing().editCatalogText(source.text, source.shown, all);
  // The edits come from the catalogue itself and keep it valid; a refusal here is a bug, not the user's.
  if (!result.ok) throw new Error(`the edited catalogue is not valid: ${result.problems.map((p) => p.code).join(', ')}`);
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
  options: [{ flags: '--write', description: (m) => m.options.write }],
  examples: [
    { line: 'check-source - < liste-des-services-en-ligne.txt', argv: ['check-source', '-'], stdinFile: COPY },
    { line: 'check-source - --format markdown < liste-des-services-en-ligne.html', argv: ['check-source', '-', '--format', 'markdown'], stdinFile: HTML },
    { line: 'check-source - --json < liste-des-services-en-ligne.html', argv: ['check-source', '-', '--json'], stdinFile: HTML },
  ],
  formats: { presenters: presentCheckSource, default: 'table' },
  outputSchema: 'check_source_output',
  run: (ctx, { args, opts, show }) => {
    const write = opts['write'] === true;
    if (write && ctx.catalogPath() === '-') throw usageError(ctx.m.checkSource.cannotWriteStdin);
    const file = String(args[0]);
    // The catalogue first: with `--catalog -` and the page `-`, the second reader of standard input is told so (exit 2).
    const source = ctx.catalogSource();
    const page = readPage(ctx, file);
    let positions: ReturnType<ReturnType<typeof parsing>['parseYaml']> | undefined;
    const lines: CatalogLines = (path, at) => {
      positions ??= parsing().parseYaml(source.text, source.shown);
      return positions.ok ? (positions.parsed.positionOf(path, at)?.line ?? null) : null;
    };
    const check = checkSource(source.index, page, lines);
    const stubs = check.stubs.map((s) => ({ entry: s.entry, name: s.name, yaml: editing().entryYaml(s.fields) }));
    const recorded = source.index.catalog.source;
    const summary = write ? writeFindings(ctx, check, page) : null;
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
