import { pathToFileURL } from 'node:url';
import type { Problem, ProblemCode, Severity } from '../catalog/problem';
import type { Messages } from './messages/messages';
import type { FileReport } from './present-problems';
import { problemMessage } from './problem-message';

/** What SARIF needs besides the reports: the directory paths are relative to, and the tool's version. */
export interface SarifContext {
  readonly cwd: string;
  readonly toolVersion: string;
}
import { sanitizeText } from './sanitize';
import { shownPath } from './shown-path';

/** The base the artifact URIs of a SARIF log are relative to: the directory validate ran in. */
export const SARIF_SRCROOT = '%SRCROOT%';

/** Where a SARIF artifact is: relative to %SRCROOT%, or an absolute file: URI for a file outside it. */
export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** A SARIF region; columns count UTF-16 code units and the end column is exclusive, as SARIF defines it. */
export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}

/** One SARIF result: a problem. */
export interface SarifResult {
  ruleId: ProblemCode;
  ruleIndex: number;
  level: Severity;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: SarifArtifactLocation; region?: SarifRegion };
    /** The JSON pointer of the offending value in the catalogue data, when it has one. */
    logicalLocations?: { fullyQualifiedName: string }[];
  }[];
}

/** One SARIF rule: a problem code and what it means. */
export interface SarifRule {
  id: ProblemCode;
  shortDescription: { text: string };
  defaultConfiguration: { level: Severity };
}

/** `validate --format sarif`: a SARIF 2.1.0 log of one run. */
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: 'ramq-access'; version: string; rules: SarifRule[] } };
      originalUriBaseIds: Record<string, { uri: string }>;
      columnKind: 'utf16CodeUnits';
      results: SarifResult[];
    },
  ];
}

function artifactLocation(file: string, cwd: string): SarifArtifactLocation {
  const shown = shownPath(file, cwd);
  if (!shown.relative) return { uri: pathToFileURL(shown.path).href };
  return { uri: shown.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SARIF_SRCROOT };
}

function region(p: Problem): SarifRegion | null {
  if (p.line === null || p.col === null) return null;
  if (p.endLine === null || p.endCol === null) return { startLine: p.line, startColumn: p.col };
  return { startLine: p.line, startColumn: p.col, endLine: p.endLine, endColumn: p.endCol };
}

/**
 * Shapes `validate` results as a SARIF 2.1.0 log: one run, one rule per
 * problem code met (in order of first use), one result per problem. The
 * version is passed in and the directory too (presenters read no files and no
 * environment); the tool has no public page, so informationUri is left out.
 */
export function validateSarif(reports: readonly FileReport[], context: SarifContext, m: Messages): SarifLog {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<ProblemCode, number>();
  const results: SarifResult[] = [];
  for (const r of reports) {
    for (const p of r.problems) {
      let index = ruleIndex.get(p.code);
      if (index === undefined) {
        index = rules.length;
        ruleIndex.set(p.code, index);
        rules.push({ id: p.code, shortDescription: { text: m.problemLabels[p.code] }, defaultConfiguration: { level: p.severity } });
      }
      const where = region(p);
      const location: SarifResult['locations'][number] = {
        physicalLocation: { artifactLocation: artifactLocation(p.file, context.cwd), ...(where === null ? {} : { region: where }) },
      };
      if (p.path !== null) location.logicalLocations = [{ fullyQualifiedName: p.path }];
      // Viewers show the text to people, as GitHub shows annotations: the same neutralising applies.
      results.push({ ruleId: p.code, ruleIndex: index, level: p.severity, message: { text: sanitizeText(problemMessage(p, m)) }, locations: [location] });
    }
  }
  const base = pathToFileURL(context.cwd).href;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ramq-access', version: context.toolVersion, rules } },
        originalUriBaseIds: { [SARIF_SRCROOT]: { uri: base.endsWith('/') ? base : `${base}/` } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
