/** The build's prepared form of the embedded catalogue must mean exactly what the YAML means, and must be ignored once the YAML changes. */
import fs from 'node:fs';
import path from 'node:path';
import { validateCatalogText } from '../src/catalog/validate-catalog';
import { loadCatalog } from '../src/catalog/load-catalog';
import { indexCatalog } from '../src/query/catalog-index';
import { computeNameKeys } from '../src/query/resolve-name';
import { computeSearchIndex } from '../src/query/search-catalog';
import { noteKindLabels } from '../src/present/labels';
import { readCorpus } from './corpus';
import { CATALOG, ROOT } from './helpers';

const preparedPath = path.join(ROOT, 'dist', 'catalog.prepared.json');

test('dist/catalog.prepared.json holds the validated catalogue, its names, its search index and the text of catalog.yaml it was made from', () => {
  const prepared = JSON.parse(fs.readFileSync(preparedPath, 'utf8'));
  const text = fs.readFileSync(CATALOG, 'utf8');
  const full = validateCatalogText(text, CATALOG);
  if (!full.ok) throw new Error('invalid');
  expect(prepared.catalog).toEqual(JSON.parse(JSON.stringify(full.catalog)));
  expect(prepared.names).toEqual(computeNameKeys(indexCatalog(full.catalog)));
  expect(prepared.search).toEqual(JSON.parse(JSON.stringify(computeSearchIndex(indexCatalog(full.catalog), noteKindLabels()))));
  expect(prepared.source).toBe(text);
});

test('the standalone validator built from the schema agrees with ajv compiling it at run time, on every bad catalogue', () => {
  const generated = path.join(ROOT, 'dist', 'catalog', 'catalog-validator.js');
  expect(fs.existsSync(generated)).toBe(true);
  // The built loader (dist/, which requires the standalone validator beside it) and the sources' (which compiles the schema with ajv), in process.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const built = require(path.join(ROOT, 'dist', 'catalog', 'load-catalog.js')) as typeof import('../src/catalog/load-catalog');
  const problemsOf = (load: typeof loadCatalog, file: string) => ((r) => (r.ok ? [] : r.problems))(load(file));
  const files = readCorpus().map((e) => e.file);
  expect(files.length).toBeGreaterThan(100);
  for (const file of files) expect([file, problemsOf(built.loadCatalog, file)]).toEqual([file, problemsOf(loadCatalog, file)]);
});

// That an edited embedded catalogue is validated in full, not taken from the prepared form, is a case of the bundle: e2e.test.ts.
