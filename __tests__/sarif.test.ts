/**
 * `validate --format sarif` against the SARIF 2.1.0 JSON Schema that @microsoft/jest-sarif ships
 * (fixtures/sarif/README.md says where it comes from). That schema is draft-04, not draft-07, so it is
 * checked twice:
 * - by @cfworker/json-schema in its draft-04 mode, which also checks the `uri` and `uri-reference`
 *   formats;
 * - by ajv (draft-07), once a test has shown that the schema uses no keyword whose meaning changed
 *   after draft-04 (its root `id` becomes `$id`). ajv does not check formats here: ajv-formats is not
 *   installed. `unicodeRegExp: false`: one of the schema's patterns is not a valid Unicode-mode RegExp.
 */
import { Validator } from '@cfworker/json-schema';
import Ajv from 'ajv';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateJson } from '../src/present/present-problems';
import type { SarifLog } from '../src/present/present-sarif';
import { readCorpus } from './corpus';
import { FIXTURES, ROOT, runCli, type RunOutput } from './helpers';

const SCHEMA_FILE = path.join(FIXTURES, 'sarif', 'sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;

/** Keywords that mean the same in draft-04 and draft-07 (unlike id, exclusiveMinimum, exclusiveMaximum). */
const SAME_IN_BOTH = new Set([
  ...['$ref', 'additionalProperties', 'anyOf', 'default', 'definitions', 'description', 'enum', 'format', 'items', 'maximum', 'minItems'],
  ...['minimum', 'oneOf', 'pattern', 'patternProperties', 'properties', 'required', 'title', 'type', 'uniqueItems'],
]);

function keywordsOf(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => keywordsOf(n, into));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      into.add(key);
      // The members of these are names, not keywords.
      if (key === 'properties' || key === 'definitions' || key === 'patternProperties') Object.values(value as object).forEach((v) => keywordsOf(v, into));
      else if (key !== 'enum' && key !== 'required' && key !== 'default') keywordsOf(value, into);
    }
  }
  return into;
}

// ajv knows no draft-04 meta-schema: the dialect goes, and the id takes its draft-07 name.
const asDraft07 = Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema' && key !== 'id'));
const ajvValidate = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false, validateFormats: false }).compile({
  ...asDraft07,
  $id: String(schema['id']),
});

/** What each validator finds wrong with a log: nothing, for a valid one. */
function errorsOf(log: unknown): { cfworker: unknown[]; ajv: unknown[] } {
  const cfworker = new Validator(schema as object, '4', false).validate(log).errors;
  return { cfworker, ajv: ajvValidate(log) ? [] : [...(ajvValidate.errors ?? [])] };
}

function checkWithBoth(log: unknown): void {
  expect(errorsOf(log)).toEqual({ cfworker: [], ajv: [] });
}

test('the schema is the one the README describes, and means the same read as draft-07', () => {
  expect(schema['$schema']).toBe('http://json-schema.org/draft-04/schema#');
  expect(schema['id']).toBe('https://raw.githubusercontent.com/schemastore/schemastore/master/src/schemas/json/sarif-2.1.0-rtm.5.json');
  const keywords = keywordsOf(schema, new Set());
  keywords.delete('$schema');
  keywords.delete('id');
  expect([...keywords].filter((k) => !SAME_IN_BOTH.has(k))).toEqual([]);
});

test('the checkers are not blind: a wrong level is refused by both, a relative $schema by the one that checks formats', async () => {
  const log = JSON.parse((await runCli(['validate', path.join(FIXTURES, 'bad', 'ref-unknown-clientele.yaml'), '--format', 'sarif'])).stdout) as SarifLog;
  checkWithBoth(log);
  const wrongLevel = JSON.parse(JSON.stringify(log));
  wrongLevel.runs[0].results[0].level = 'fatal';
  const wrong = errorsOf(wrongLevel);
  expect([wrong.cfworker.length > 0, wrong.ajv.length > 0]).toEqual([true, true]);
  expect(errorsOf({ ...log, $schema: 'not a uri' }).cfworker.length).toBeGreaterThan(0);
});

test('the shipped catalogue: a valid log with no result, exit 0', async () => {
  const out = await runCli(['validate', '--format', 'sarif']);
  expect(out.code).toBe(0);
  expect(out.stderr).toBe('');
  const log = JSON.parse(out.stdout) as SarifLog;
  checkWithBoth(log);
  expect(log.runs).toHaveLength(1);
  const run = log.runs[0];
  expect(run.tool.driver).toEqual({ name: 'ramq-access', version: JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version, rules: [] });
  expect(run.results).toEqual([]);
});

describe('invalid catalogues', () => {
  const files = readCorpus().map((e) => e.file);
  const outside = path.join(os.tmpdir(), 'ramq-sarif-missing.yaml');
  const args = [...files, outside];
  let sarif: RunOutput;
  let json: RunOutput;
  let log: SarifLog;
  let problems: (ValidateJson['files'][number]['problems'][number] & { file: string })[];
  beforeAll(async () => {
    sarif = await runCli(['validate', ...args, '--format', 'sarif']);
    json = await runCli(['validate', ...args, '--json']);
    log = JSON.parse(sarif.stdout) as SarifLog;
    problems = (JSON.parse(json.stdout) as ValidateJson).files.flatMap((f) => f.problems.map((p) => ({ ...p, file: f.file })));
  });

  test('every fixture at once: one valid log, the exit code of --json (74: the corpus holds a directory), nothing on stderr', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(log.runs[0].results.length).toBeGreaterThan(files.length);
    expect([sarif.code, sarif.stderr]).toEqual([json.code, '']);
    expect(sarif.code).toBe(74);
    checkWithBoth(log);
  });

  test('one result per problem, in order, with its rule, level, region and JSON path', () => {
    const run = log.runs[0];
    expect(run.results).toHaveLength(problems.length);
    run.results.forEach((r, i) => {
      const p = problems[i]!;
      expect(r.ruleId).toBe(p.code);
      expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(p.code);
      expect(r.level).toBe(p.severity);
      const location = r.locations[0]!;
      const expectedRegion = p.line === null ? undefined : { startLine: p.line, startColumn: p.col, endLine: p.end_line, endColumn: p.end_col };
      expect(location.physicalLocation.region).toEqual(expectedRegion);
      expect(location.logicalLocations).toEqual(p.path === null ? undefined : [{ fullyQualifiedName: p.path }]);
    });
  });

  test('rules: each problem code met, once, with a description', () => {
    const rules = log.runs[0].tool.driver.rules;
    expect(rules.map((r) => r.id).sort()).toEqual([...new Set(problems.map((p) => p.code))].sort());
    for (const rule of rules) expect(rule.shortDescription.text).not.toBe('');
  });

  test('artifact URIs: relative to %SRCROOT% (the working directory) inside it, absolute file: URIs outside it', () => {
    const run = log.runs[0];
    expect(run.originalUriBaseIds['%SRCROOT%']).toEqual({ uri: `${pathToFileURL(ROOT).href}/` });
    const uris = new Set(run.results.map((r) => JSON.stringify(r.locations[0]!.physicalLocation.artifactLocation)));
    expect(uris).toContain(JSON.stringify({ uri: '__tests__/fixtures/bad/ref-unknown-clientele.yaml', uriBaseId: '%SRCROOT%' }));
    expect(uris).toContain(JSON.stringify({ uri: pathToFileURL(outside).href }));
  });
});
