/**
 * The catalogue schema is standard JSON Schema 2020-12, read alike by other people's validators: a
 * second JavaScript validator, and Python's jsonschema (with PyYAML reading the YAML), must agree with ajv.
 */
import { Validator } from '@cfworker/json-schema';
import Ajv2020 from 'ajv/dist/2020';
import fs from 'node:fs';
import path from 'node:path';
import { isCollection, parse, parseDocument, visit } from 'yaml';
import { validateCatalogText } from '../src/catalog/validate-catalog';
import { readCorpus } from './corpus';
import { CATALOG, FIXTURES, ROOT } from './helpers';
import { describeWithPython, readWithPython } from './python';

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'catalog.schema.json'), 'utf8'));

function check(data: unknown): boolean {
  return new Validator(schema, '2020-12', false).validate(data).valid;
}

test('the schema declares draft 2020-12, an $id and a title, and describes every property', () => {
  expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(schema.$id).toMatch(/catalog\.schema\.json$/);
  expect(schema.title).toBeTruthy();
  const missing: string[] = [];
  const objects: string[] = [];
  const walk = (node: unknown, where: string): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (n['type'] === 'object') {
      objects.push(where);
      expect([where, n['additionalProperties']]).toEqual([where, false]);
    }
    if (n['properties']) {
      for (const [key, value] of Object.entries(n['properties'] as Record<string, Record<string, unknown>>)) {
        if (!value['description']) missing.push(`${where}.${key}`);
      }
    }
    for (const [key, value] of Object.entries(n)) walk(value, `${where}/${key}`);
  };
  walk(schema, '#');
  expect(missing).toEqual([]);
  expect(objects.length).toBeGreaterThan(5);
});

test('@cfworker/json-schema accepts the shipped catalogue and the valid fixture', () => {
  expect(check(parse(fs.readFileSync(CATALOG, 'utf8')))).toBe(true);
  expect(check(parse(fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8')))).toBe(true);
});

/**
 * A YAML file's data as a JSON Schema validator sees it, or null when a key is a list or a mapping: no JSON object
 * can hold such a key (toJS would make a string of it, with a process warning), and validation refuses the file
 * before any schema is asked (SCHEMA, complexKey).
 */
function jsonData(file: string): unknown {
  const doc = parseDocument(fs.readFileSync(file, 'utf8'));
  let complex = false;
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key)) {
        complex = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return complex ? null : doc.toJS();
}

/** The SCHEMA fixtures whose data a schema validator can read (all but those with a list or a mapping as a key). */
function schemaReadable(): ReturnType<typeof readCorpus> {
  return readCorpus().filter((e) => e.code === 'SCHEMA' && jsonData(e.file) !== null);
}

test('@cfworker/json-schema rejects every SCHEMA fixture', () => {
  const schemaFixtures = schemaReadable();
  expect(schemaFixtures.length).toBeGreaterThanOrEqual(8);
  for (const e of schemaFixtures) expect([e.name, check(jsonData(e.file))]).toEqual([e.name, false]);
});

const SCHEMA_FILES = ['catalog.schema.json', 'output.schema.json'].map((f) => path.join(ROOT, 'schema', f));

/** Every `pattern` of a schema. */
function patternsOf(node: unknown, into: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => patternsOf(n, into));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pattern' && typeof value === 'string') into.push(value);
      else patternsOf(value, into);
    }
  }
  return into;
}

test.each(SCHEMA_FILES)('every pattern of %s means the same to ECMAScript (with and without the u flag), Python re and Rust regex', (file) => {
  const patterns = patternsOf(JSON.parse(fs.readFileSync(file, 'utf8')));
  expect(patterns.length).toBeGreaterThan(2);
  for (const p of patterns) {
    expect(() => [new RegExp(p), new RegExp(p, 'u')]).not.toThrow();
    // Escapes: \uXXXX (BMP), \xXX, \n and escaped punctuation only. Not \u{...} (ECMAScript's u mode alone),
    // \p{..}, nor \s, \d, \w, \b, whose sets differ between engines (Python's \d takes every Unicode digit).
    const escapes = p.match(/\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g) ?? [];
    expect([p, escapes.filter((e) => !/^\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|n|[-.\\^$|?*+()[\]{}])$/.test(e))]).toEqual([p, []]);
    // No lookaround, named groups or inline flags (Rust's regex has no lookaround).
    expect([p, p.includes('(?')]).toEqual([p, false]);
  }
});

describeWithPython("Python's jsonschema, with PyYAML reading the YAML", () => {
  const ajvValidate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  const CATALOG_SCHEMA = SCHEMA_FILES[0]!;
  // Only the members the edits below change.
  type Editable = { clienteles: { id: string; name: string }[]; source: Record<string, string> };
  const minimal = parse(fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8')) as Editable;

  test('takes both schemas as valid schemas (check_schema: every pattern a valid regex for it)', () => {
    for (const file of SCHEMA_FILES) expect([file, readWithPython([], file).schema_error]).toEqual([file, null]);
  });

  test('accepts the shipped catalogue and the valid fixture, read by PyYAML', () => {
    const read = readWithPython([{ yaml_file: CATALOG }, { yaml_file: path.join(FIXTURES, 'valid', 'minimal.yaml') }], CATALOG_SCHEMA);
    expect(read.results.map((r) => [r.load_error, r.errors])).toEqual([
      [undefined, []],
      [undefined, []],
    ]);
  });

  test('rejects the SCHEMA fixtures as ajv does, and agrees with ajv on every corpus file PyYAML reads as we do', () => {
    const corpus = readCorpus().filter((e) => (e.code === 'SCHEMA' || e.code === null) && jsonData(e.file) !== null);
    const read = readWithPython(
      corpus.map((e) => ({ yaml_file: e.file })),
      CATALOG_SCHEMA,
    );
    let rejected = 0;
    corpus.forEach((e, i) => {
      const r = read.results[i]!;
      const ours = jsonData(e.file);
      // A file YAML 1.1 reads otherwise (a merge key, a date) is another document: the schema is not what differs there.
      if (r.load_error !== undefined || JSON.stringify(r.data) !== JSON.stringify(ours)) return;
      const ajvValid = ajvValidate(ours);
      expect([e.name, r.errors.length === 0]).toEqual([e.name, ajvValid]);
      if (e.code === 'SCHEMA') {
        expect([e.name, r.errors.length > 0]).toEqual([e.name, true]);
        rejected++;
      }
    });
    expect(rejected).toBeGreaterThanOrEqual(8);
  });

  // Texts where engines could differ: a final line feed (Python's `$` matches before one), spaces of
  // other scripts, characters beyond the BMP.
  const edits: [string, (c: Editable) => void, boolean][] = [
    ['an id with a final line feed', (c) => (c.clienteles[0]!.id = `${c.clienteles[0]!.id}\n`), false],
    ['a name with a final line feed', (c) => (c.clienteles[0]!.name = `${c.clienteles[0]!.name}\n`), false],
    ['a checked date with a final line feed', (c) => (c.source.checked = '2026-11-27\n'), false],
    ['a sha256 with a final line feed', (c) => (c.source.sha256 = `${'a'.repeat(64)}\n`), false],
    ['an etag with a final line feed', (c) => (c.source.etag = '"abc"\n'), false],
    ['a url with a final line feed', (c) => (c.source.url = 'https://example.org/\n'), false],
    ['a url with an ideographic space', (c) => (c.source.url = 'https://example.org/a\u3000b'), false],
    ['a url with a no-break space', (c) => (c.source.url = 'https://example.org/a\u00a0b'), false],
    ['a name of no-break spaces only', (c) => (c.clienteles[0]!.name = '\u00a0\u2003'), false],
    ['a name with a zero-width space', (c) => (c.clienteles[0]!.name = 'Infir\u200bmier'), false],
    ['a name with a line separator', (c) => (c.clienteles[0]!.name = 'Infirmier\u2028'), false],
    ['a name with a tag character (beyond the BMP: left to INVISIBLE_CHARACTER)', (c) => (c.clienteles[0]!.name = 'Infirmier\u{e0041}'), true],
    ['a name with an emoji', (c) => (c.clienteles[0]!.name = 'Infirmier 😀'), true],
    ['a checked date of Arabic-Indic digits', (c) => (c.source.checked = '٢٠٢٦-١١-٢٧'), false],
  ];

  test.each(edits.map(([name, , valid]) => [name, valid] as const))('%s: valid %s to ajv and to Python alike', (name, valid) => {
    const data = JSON.parse(JSON.stringify(minimal)) as Editable;
    edits.find(([n]) => n === name)![1](data);
    const python = readWithPython([{ json: data }], CATALOG_SCHEMA).results[0]!;
    expect([ajvValidate(data), python.errors.length === 0, check(data)]).toEqual([valid, valid, valid]);
  });

  test('a character beyond the BMP that the schema leaves alone is refused by validate: INVISIBLE_CHARACTER', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8').replace('name_en: Nurse', 'name_en: "Nurse\u{e0041}"');
    const result = validateCatalogText(text, 'tag.yaml');
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['INVISIBLE_CHARACTER']);
  });
});
