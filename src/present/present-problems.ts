import type { Problem } from '../catalog/problem';
import { toJson } from './json-output';
import type { Lang, Palette } from './options';
import { sanitizeText } from './sanitize';
import { wrapHanging } from './text-formats';

/** The formats of `validate`. */
export const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;
/** An output format of `validate`. */
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

/** The outcome of checking one file. */
export interface FileReport {
  readonly file: string;
  readonly problems: readonly Problem[];
}

/** `validate --json`: every file with its problems, and counts. */
export interface ValidateJson {
  valid: boolean;
  files: { file: string; valid: boolean; problems: { code: string; line: number | null; col: number | null; message: string }[] }[];
  counts: { files: number; invalid_files: number; problems: number };
}

function problemWhere(p: Problem): string {
  return sanitizeText(p.line === null ? p.file : `${p.file}:${p.line}:${p.col ?? 1}`);
}

/** One problem as one line: `file:line:col: CODE message`. */
export function problemLine(p: Problem, palette: Palette): string {
  return `${problemWhere(p)}: ${palette.bad(p.code)} ${sanitizeText(p.message)}`;
}

/**
 * One problem wrapped to a width: `file:line:col: CODE` whole on the first
 * line, as tools that read such lines expect, the message after it, and the
 * lines it wraps onto indented by two columns.
 */
export function problemLines(p: Problem, palette: Palette, width: number): string[] {
  return wrapHanging(`${problemWhere(p)}: ${palette.bad(p.code)} `, sanitizeText(p.message), width, 2);
}

function validateText(reports: readonly FileReport[], palette: Palette, lang: Lang, width: number): string {
  const lines: string[] = [];
  for (const r of reports) {
    if (r.problems.length === 0) {
      lines.push(...wrapHanging(`${sanitizeText(r.file)}: `, palette.good(lang === 'fr' ? 'catalogue valide' : 'valid catalogue'), width, 2));
    } else {
      for (const p of r.problems) lines.push(...problemLines(p, palette, width));
    }
  }
  const total = reports.reduce((n, r) => n + r.problems.length, 0);
  if (total > 0) {
    const invalid = reports.filter((r) => r.problems.length > 0).length;
    lines.push(lang === 'fr' ? `${total} problème(s) dans ${invalid} fichier(s)` : `${total} problem(s) in ${invalid} file(s)`);
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

function validateGithub(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const p of r.problems) {
      const props = [`file=${escapeGithubProperty(p.file)}`];
      if (p.line !== null) props.push(`line=${p.line}`, `col=${p.col ?? 1}`);
      props.push(`title=${escapeGithubProperty(p.code)}`);
      lines.push(`::error ${props.join(',')}::${escapeGithubData(sanitizeText(`${p.code} ${p.message}`))}`);
    }
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** Shapes `validate` results as the documented JSON. */
export function validateToJson(reports: readonly FileReport[]): ValidateJson {
  const files = reports.map((r) => ({
    file: r.file,
    valid: r.problems.length === 0,
    problems: r.problems.map((p) => ({ code: p.code, line: p.line, col: p.col, message: p.message })),
  }));
  const problems = files.reduce((n, f) => n + f.problems.length, 0);
  return { valid: problems === 0, files, counts: { files: files.length, invalid_files: files.filter((f) => !f.valid).length, problems } };
}

/** Presenters of `validate`, one per format. */
export const presentValidation = {
  text: (reports, palette, lang, width) => validateText(reports, palette, lang, width),
  json: (reports) => toJson(validateToJson(reports)),
  github: (reports) => validateGithub(reports),
} as const satisfies Record<ValidateFormat, (reports: readonly FileReport[], palette: Palette, lang: Lang, width: number) => string>;
