/** The catalogue schema is standard JSON Schema 2020-12: a second, independent validator must agree with ajv. */
import { Validator } from '@cfworker/json-schema';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { readCorpus } from './corpus';
import { CATALOG, FIXTURES, ROOT } from './helpers';

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

test('@cfworker/json-schema rejects every SCHEMA fixture', () => {
  const schemaFixtures = readCorpus().filter((e) => e.code === 'SCHEMA');
  expect(schemaFixtures.length).toBeGreaterThanOrEqual(8);
  for (const e of schemaFixtures) expect([e.name, check(parse(fs.readFileSync(e.file, 'utf8')))]).toEqual([e.name, false]);
});
