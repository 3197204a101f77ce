import type { Problem, Severity } from '../catalog/problem';
import type { Presenter } from './output-format';
import { toJson } from './json-output';
import type { Messages } from './messages/messages';
import { problemMessage } from './problem-message';
import type { Palette } from './options';
import { shownPath } from './shown-path';
import { sanitizeText } from './sanitize';
import { validateSarif } from './present-sarif';
import { wrapHanging } from './text-formats';

/** The outcome of checking one file. */
export interface FileReport {
  readonly file: string;
  readonly problems: readonly Problem[];
}

/** One problem in `validate --json`; positions are 1-based, the end exclusive (see Problem). */
export interface ProblemJson {
  code: string;
  severity: Severity;
  line: number | null;
  col: number | null;
  end_line: number | null;
  end_col: number | null;
  path: string | null;
  message: string;
}

/** `validate --json`: every file with its problems, and counts. */
export interface ValidateJson {
  command: 'validate';
  valid: boolean;
  files: { file: string; valid: boolean; problems: ProblemJson[] }[];
  counts: { files: number; invalid_files: number; problems: number };
}

function problemWhere(p: Pick<Problem, 'file' | 'line' | 'col'>): string {
  return sanitizeText(p.line === null ? p.file : `${p.file}:${p.line}:${p.col ?? 1}`);
}

/** What a problem line shows: a problem met while reading needs no range. */
export type ProblemAt = Pick<Problem, 'code' | 'file' | 'line' | 'col' | 'detail'>;

/** One problem as one line: `file:line:col: CODE message`. */
export function problemLine(p: ProblemAt, palette: Palette, m: Messages): string {
  return `${problemWhere(p)}: ${palette.bad(p.code)} ${sanitizeText(problemMessage(p, m))}`;
}

/**
 * One problem wrapped to a width: `file:line:col: CODE` whole on the first
 * line, as tools that read such lines expect, the message after it, and the
 * lines it wraps onto indented by two columns.
 */
export function problemLines(p: ProblemAt, palette: Palette, m: Messages, width: number): string[] {
  return wrapHanging(`${problemWhere(p)}: ${palette.bad(p.code)} `, sanitizeText(problemMessage(p, m)), width, 2);
}

function validateText(reports: readonly FileReport[], palette: Palette, m: Messages, width: number): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.problems.length === 0) {
      lines.push(...wrapHanging(`${sanitizeText(r.file)}: `, palette.good(m.validation.valid), width, 2));
    } else {
      for (const p of r.problems) lines.push(...problemLines(p, palette, m, width));
    }
  }
  const total = reports.reduce((n, r) => n + r.problems.length, 0);
  if (total > 0) {
    const invalid = reports.filter((r) => r.problems.length > 0).length;
    lines.push(m.validation.summary(total, invalid));
  }
  return lines.join('\n') + '\n';
}

/** Escapes the data part of a GitHub Actions workflow command. */
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a GitHub Actions workflow command. */
export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub wants paths from the repository root, which is where a workflow runs; endColumn is exclusive, as everywhere in the tool. */
function validateGithub(reports: readonly FileReport[], cwd: string, m: Messages): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const p of r.problems) {
      const props = [`file=${escapeGithubProperty(shownPath(p.file, cwd).path)}`];
      if (p.line !== null) props.push(`line=${p.line}`, `col=${p.col ?? 1}`);
      if (p.line !== null && p.endLine !== null) props.push(`endLine=${p.endLine}`, `endColumn=${p.endCol ?? 1}`);
      // The title carries the code and the entry at fault; the message, shown under it, does not repeat the code.
      props.push(`title=${escapeGithubProperty(sanitizeText(m.validation.title(p.code, p.entry ?? null)))}`);
      lines.push(`::${p.severity} ${props.join(',')}::${escapeGithubData(sanitizeText(problemMessage(p, m)))}`);
    }
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** Shapes one problem as `validate --json` shows it. */
export function problemJson(p: Problem, m: Messages): ProblemJson {
  return {
    code: p.code,
    severity: p.severity,
    line: p.line,
    col: p.col,
    end_line: p.endLine,
    end_col: p.endCol,
    path: p.path,
    // Prose for people, as in SARIF: what it quotes shows its control and invisible characters.
    message: sanitizeText(problemMessage(p, m)),
  };
}

/** Shapes `validate` results as the documented JSON. */
export function validateToJson(reports: readonly FileReport[], m: Messages): ValidateJson {
  const files = reports.map((r) => ({
    file: r.file,
    valid: r.problems.length === 0,
    problems: r.problems.map((p) => problemJson(p, m)),
  }));
  const problems = files.reduce((n, f) => n + f.problems.length, 0);
  return { command: 'validate', valid: problems === 0, files, counts: { files: files.length, invalid_files: files.filter((f) => !f.valid).length, problems } };
}

// github and sarif need the context (table and json show paths as given).

/** `validate` for a terminal: a line per problem. */
export const validationTable: Presenter<readonly FileReport[]> = (reports, o) => validateText(reports, o.palette, o.m, o.lineWidth);

/** `validate` as its JSON document. */
export const validationJson: Presenter<readonly FileReport[]> = (reports, o) => toJson(validateToJson(reports, o.m));

/** `validate` as GitHub workflow commands: an annotation per problem. */
export const validationGithub: Presenter<readonly FileReport[]> = (reports, o) => validateGithub(reports, o.cwd, o.m);

/** `validate` as a SARIF log. */
export const validationSarif: Presenter<readonly FileReport[]> = (reports, o) => toJson(validateSarif(reports, { cwd: o.cwd, toolVersion: o.version }, o.m));
