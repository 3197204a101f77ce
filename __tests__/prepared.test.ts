/** The build's prepared form of the embedded catalogue must mean exactly what the YAML means, and must be ignored once the YAML changes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { validateCatalogText } from '../src/catalog/validate-catalog';
import { loadCatalog } from '../src/catalog/load-catalog';
import { messagesFor } from '../src/present/messages/messages';
import { validateToJson, type ValidateJson } from '../src/present/present-problems';
import { indexCatalog } from '../src/query/catalog-index';
import { computeNameKeys } from '../src/query/resolve-name';
import { computeSearchIndex } from '../src/query/search-catalog';
import { noteKindLabels } from '../src/present/labels';
import { readCorpus } from './corpus';
import { CATALOG, ROOT, runBin } from './helpers';

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
  const files = readCorpus().map((e) => e.file);
  // One run of the binary for the whole corpus; in-process, loadCatalog from the sources compiles the schema with ajv.
  const fromBuild = JSON.parse(runBin(['validate', ...files, '--json']).stdout) as ValidateJson;
  const fromSources = validateToJson(
    files.map((file) => ({ file, problems: ((r) => (r.ok ? [] : r.problems))(loadCatalog(file)) })),
    messagesFor('fr'),
  );
  expect(fromBuild.files.map((f) => f.file)).toEqual(files);
  fromBuild.files.forEach((f, i) => expect([f.file, f.problems]).toEqual([f.file, fromSources.files[i]?.problems]));
});

test('an edited embedded catalogue is validated in full, not taken from the prepared form', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-prepared-'));
  try {
    for (const entry of ['bin', 'dist', 'schema', 'package.json']) fs.cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    const run = (args: string[]) => spawnSync(process.execPath, [path.join(dir, 'bin', 'ramq-access'), ...args], { encoding: 'utf8' });
    fs.writeFileSync(path.join(dir, 'catalog.yaml'), fs.readFileSync(CATALOG, 'utf8').replace('name: Podiatre\n', 'name: Podiatre modifié\n'));
    expect(JSON.parse(run(['services', 'podiatre', '--json']).stdout).clientele.name).toBe('Podiatre modifié');
    fs.writeFileSync(path.join(dir, 'catalog.yaml'), fs.readFileSync(CATALOG, 'utf8').replace('tier: creation', 'tier: sometimes'));
    const broken = run(['services', 'podiatre']);
    expect(broken.status).toBe(3);
    expect(broken.stderr).toContain('SCHEMA');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
