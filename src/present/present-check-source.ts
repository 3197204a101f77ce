import type { Condition } from '../catalog/model';
import { MAX_RANKED_NAMES, writableFindings, type FindingKind, type SourceCheck, type SourceFinding } from '../query/check-source';
import type { Presenter } from './output-format';
import { toJson } from './json-output';
import { mdCode, mdFence, mdText } from './markdown';
import type { FindingWords, Messages } from './messages/messages';
import type { Lang, Palette, Wording } from './options';
import { escapeGithubData, escapeGithubProperty } from './present-problems';
import { sanitizeLines, sanitizeText } from './sanitize';
import { shownPath } from './shown-path';
import { displayWidth, mdCell, wrapHanging } from './text-formats';

/** A stub of a new entry, as YAML to paste into the catalogue. */
export interface StubText {
  readonly entry: 'service' | 'clientele';
  readonly name: string;
  readonly yaml: string;
}

/** What `--write` did. */
export interface WriteSummary {
  /** Whether the catalogue file was rewritten. */
  readonly written: boolean;
  /** Grant changes applied. */
  readonly applied: number;
  /** Whether the date and checksum of this check were recorded (only when the catalogue then agrees with the page). */
  readonly recordedCheck: boolean;
}

/** Everything the presenters of `check-source` show. */
export interface SourceReport {
  /** The page and the catalogue as the user named them. */
  readonly page: string;
  readonly catalog: string;
  readonly form: 'text' | 'html';
  /** SHA-256 of the page text. */
  readonly sha256: string;
  /** What the catalogue recorded of its last check. */
  readonly recorded: { readonly checked: string | null; readonly sha256: string | null };
  readonly check: SourceCheck;
  readonly stubs: readonly StubText[];
  /** What --write did; null without --write. */
  readonly write: WriteSummary | null;
}

/** One finding in `check-source --json`. */
export interface FindingJson {
  kind: FindingKind;
  page_line: number | null;
  catalog_line: number | null;
  service: string | null;
  clientele: string | null;
  heading: string | null;
  item: string | null;
  page_tier: string | null;
  catalog_tier: string | null;
  page_condition: string | null;
  catalog_conditions: Condition[];
  suggestions: string[];
  applicable: boolean;
  message: string;
}

/** `check-source --json`. */
export interface CheckSourceJson {
  command: 'check-source';
  page: string;
  catalog: string;
  form: 'text' | 'html';
  agrees: boolean;
  sha256: string;
  recorded: { checked: string | null; sha256: string | null; same_text: boolean | null };
  counts: { lists: number; items: number; matched: number; findings: number; applicable: number; unranked: number };
  /** "Qui a accès" lists that read empty: --write refuses such a reading unless forced. */
  empty_lists: { heading: string; page_line: number }[];
  findings: FindingJson[];
  stubs: { entry: 'service' | 'clientele'; name: string; yaml: string }[];
  write: { written: boolean; applied: number; recorded_check: boolean } | null;
}

const quote = (s: string, lang: Lang): string => (lang === 'fr' ? `« ${s} »` : `"${s}"`);

function conditionsText(cs: readonly Condition[], lang: Lang): string {
  return cs.map((c) => quote(c[lang], lang)).join(', ');
}

/** A finding's sentence in the run's language, without its position. */
export function findingMessage(f: SourceFinding, { m, lang }: Wording): string {
  const words: FindingWords = {
    service: f.service?.name ?? '',
    clientele: f.clientele?.name ?? f.item ?? '',
    item: f.item ?? '',
    heading: f.heading ?? '',
    pageTier: f.pageTier === null ? '' : m.tiers[f.pageTier],
    catalogTier: f.catalogTier === null ? '' : m.tiers[f.catalogTier],
    pageCondition: f.pageCondition ?? '',
    catalogConditions: conditionsText(f.catalogConditions, lang),
    suggestions: f.suggestions.map((s) => s.name).join(', '),
  };
  return sanitizeText(m.checkSource.findings[f.kind](words));
}

/** A finding's mark in line reports: + a grant to add, - one to remove, ~ one to change, ! an entry a person writes. */
function markOf(f: SourceFinding): '+' | '-' | '~' | '!' {
  switch (f.kind) {
    case 'grant-not-in-catalogue':
      return '+';
    case 'grant-not-on-page':
      return '-';
    case 'tier-differs':
    case 'condition-differs':
      return '~';
    default:
      return '!';
  }
}

const applicableCount = (r: SourceReport): number => writableFindings(r.check).length;

/** The last line of a report with differences: what --write can apply, or, after --write, what it applied. */
function summaryLine(r: SourceReport, m: Messages['checkSource']): string {
  const findings = r.check.findings.length;
  if (r.write === null) return m.summary(findings, applicableCount(r));
  return m.summaryWritten(findings, r.write.written ? r.write.applied : null);
}

function agrees(r: SourceReport): boolean {
  return r.check.findings.length === 0;
}

/** The status sentence: the catalogue agrees, or how many items do. */
function statusLine(r: SourceReport, m: Messages['checkSource']): string {
  return agrees(r) ? m.agrees(r.check.items, r.check.lists) : m.matched(r.check.matched, r.check.items, r.check.lists);
}

/** What the report says besides its findings: lists that read empty, names left without near names. */
function remarks(r: SourceReport, m: Messages['checkSource']): string[] {
  const out: string[] = [];
  const empty = r.check.emptyLists;
  if (empty.length > 0) out.push(sanitizeText(m.emptyListsRead(empty.length, empty[0]!.heading)));
  if (r.check.unranked > 0) out.push(m.unranked(r.check.unranked, MAX_RANKED_NAMES));
  return out;
}

/** What the catalogue recorded of its last check, against this page's text. */
function textLine(r: SourceReport, m: Messages['checkSource']): string {
  if (r.recorded.sha256 === null && r.recorded.checked === null) return m.neverChecked;
  if (r.recorded.sha256 === r.sha256 && r.recorded.checked !== null) return m.sameText(r.recorded.checked);
  return r.recorded.checked === null ? m.otherTextNoDate : m.otherText(r.recorded.checked);
}

function checkText(r: SourceReport, palette: Palette, o: Wording, width: number): string {
  const m = o.m.checkSource;
  // The two paths are never broken (people copy them): "A -> B" on one line when it fits, else "A" and "-> B".
  const page = sanitizeText(r.page);
  const catalog = sanitizeText(r.catalog);
  const oneLine = `${page} -> ${catalog}`;
  const lines = (displayWidth(oneLine) <= width ? [oneLine] : [page, `-> ${catalog}`]).map(palette.bold);
  const status = statusLine(r, m);
  lines.push(...wrapHanging('', agrees(r) ? palette.good(status) : status, width, 0), ...wrapHanging('', textLine(r, m), width, 0));
  if (agrees(r)) return lines.join('\n') + '\n';
  lines.push('');
  for (const f of r.check.findings) {
    const mark = markOf(f);
    const color = mark === '+' ? palette.good : mark === '-' ? palette.bad : palette.warn;
    lines.push(...wrapHanging(`${mark} `, `${m.where(f.pageLine, f.catalogLine)} ${findingMessage(f, o)}`, width, 2).map(color));
  }
  lines.push('', ...wrapHanging('', summaryLine(r, m), width, 0));
  for (const remark of remarks(r, m)) lines.push(...wrapHanging('', remark, width, 0).map(palette.warn));
  if (r.stubs.length > 0) {
    // The stubs are YAML to paste: printed whole, only when --write was asked for (the other formats always carry them).
    if (r.write === null) lines.push(...wrapHanging('', m.stubsAvailable(r.stubs.length), width, 0));
    else {
      lines.push('', palette.bold(m.stubsTitle), ...wrapHanging('', m.stubHint, width, 0));
      for (const stub of r.stubs) lines.push('', `# ${sanitizeText(m.stubFor[stub.entry](stub.name))}`, sanitizeLines(stub.yaml.trimEnd()));
    }
  }
  return lines.join('\n') + '\n';
}

function checkMarkdown(r: SourceReport, o: Wording): string {
  const m = o.m.checkSource;
  const out = [`### ramq-access check-source: ${mdCode(r.page)} → ${mdCode(r.catalog)}`, '', statusLine(r, m), '', textLine(r, m)];
  if (agrees(r)) return out.join('\n') + '\n';
  out.push('', `**${summaryLine(r, m)}**`, '');
  for (const remark of remarks(r, m)) out.push(mdText(remark), '');
  out.push(`| ${m.columns.page} | ${m.columns.catalogue} | | ${m.columns.difference} |`, '| ---: | ---: | :-: | --- |');
  for (const f of r.check.findings) {
    out.push(`| ${f.pageLine ?? '–'} | ${f.catalogLine ?? '–'} | ${mdCode(markOf(f))} | ${mdCell(findingMessage(f, o))} |`);
  }
  if (r.stubs.length > 0) {
    out.push('', `#### ${m.stubsTitle}`, '', m.stubHint);
    for (const stub of r.stubs)
      out.push('', `**${mdText(m.stubFor[stub.entry](stub.name))}**`, '', mdFence('yaml', sanitizeLines(stub.yaml.trimEnd()).split('\n')));
  }
  return out.join('\n') + '\n';
}

/** One GitHub annotation per finding, on the catalogue's line, naming the page's line. */
function checkGithub(r: SourceReport, cwd: string, o: Wording): string {
  const m = o.m.checkSource;
  const file = escapeGithubProperty(shownPath(r.catalog, cwd).path);
  const page = shownPath(r.page, cwd).path;
  return r.check.findings
    .map((f) => {
      const props = [`file=${file}`];
      if (f.catalogLine !== null) props.push(`line=${f.catalogLine}`);
      props.push(`title=${escapeGithubProperty(`check-source ${f.kind}`)}`);
      return `::error ${props.join(',')}::${escapeGithubData(sanitizeText(`${findingMessage(f, o)} (${m.onPage(page, f.pageLine)})`))}\n`;
    })
    .join('');
}

/** Shapes a `check-source` report as the documented JSON. */
export function checkSourceToJson(r: SourceReport, o: Wording): CheckSourceJson {
  const writable = new Set(writableFindings(r.check));
  return {
    command: 'check-source',
    page: r.page,
    catalog: r.catalog,
    form: r.form,
    agrees: agrees(r),
    sha256: r.sha256,
    recorded: { checked: r.recorded.checked, sha256: r.recorded.sha256, same_text: r.recorded.sha256 === null ? null : r.recorded.sha256 === r.sha256 },
    counts: {
      lists: r.check.lists,
      items: r.check.items,
      matched: r.check.matched,
      findings: r.check.findings.length,
      applicable: applicableCount(r),
      unranked: r.check.unranked,
    },
    empty_lists: r.check.emptyLists.map((l) => ({ heading: l.heading, page_line: l.line })),
    findings: r.check.findings.map((f) => ({
      kind: f.kind,
      page_line: f.pageLine,
      catalog_line: f.catalogLine,
      service: f.service?.id ?? null,
      clientele: f.clientele?.id ?? null,
      heading: f.heading,
      item: f.item,
      page_tier: f.pageTier,
      catalog_tier: f.catalogTier,
      page_condition: f.pageCondition,
      catalog_conditions: f.catalogConditions.map((c) => ({ fr: c.fr, en: c.en })),
      suggestions: f.suggestions.map((s) => s.id),
      applicable: writable.has(f),
      message: findingMessage(f, o),
    })),
    stubs: r.stubs.map((s) => ({ entry: s.entry, name: s.name, yaml: s.yaml })),
    write: r.write === null ? null : { written: r.write.written, applied: r.write.applied, recorded_check: r.write.recordedCheck },
  };
}

/** `check-source` for a terminal. */
export const checkSourceTable: Presenter<SourceReport> = (r, o) => checkText(r, o.palette, o, o.lineWidth);

/** `check-source` as its JSON document. */
export const checkSourceJson: Presenter<SourceReport> = (r, o) => toJson(checkSourceToJson(r, o));

/** `check-source` in markdown. */
export const checkSourceMarkdown: Presenter<SourceReport> = (r, o) => checkMarkdown(r, o);

/** `check-source` as GitHub workflow commands (annotations on the catalogue). */
export const checkSourceGithub: Presenter<SourceReport> = (r, o) => checkGithub(r, o.cwd, o);
