/** The package as a library, resolved by its name the way a user's project resolves it. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './helpers';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-lib-'));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(ROOT, path.join(dir, 'node_modules', 'ramq-access'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function node(file: string, code: string): { status: number | null; stdout: string; stderr: string } {
  fs.writeFileSync(path.join(dir, file), code);
  const r = spawnSync(process.execPath, [path.join(dir, file)], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('require from JavaScript: the README example works', () => {
  const r = node(
    'example.cjs',
    `const { openCatalog, resolveName, servicesFor, canAccess, whoCan } = require('ramq-access');
const catalog = openCatalog();
const podiatrist = resolveName(catalog, 'podiatrist', ['clientele']);
const selat = resolveName(catalog, 'SELAT', ['service']);
if (!podiatrist.ok || !selat.ok) throw new Error('unresolved');
console.log(JSON.stringify({
  services: servicesFor(catalog, podiatrist.found.entity).access.map((a) => a.service.id),
  can: canAccess(catalog, podiatrist.found.entity, selat.found.entity).eligible,
  who: whoCan(catalog, selat.found.entity, { tier: 'request' }).access.length,
}));`,
  );
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual({
    services: ['messagerie-securisee', 'mon-dossier', 'liste-medicaments', 'patient-medicaments-exception'],
    can: false,
    who: 9,
  });
});

test('import from an ES module', () => {
  const r = node(
    'example.mjs',
    `import { openCatalog, PROBLEM_CODES } from 'ramq-access';\nconsole.log(openCatalog().catalog.services.length, PROBLEM_CODES.includes('SCHEMA'));`,
  );
  expect(r.stderr).toBe('');
  expect(r.stdout.trim()).toBe('23 true');
});

test('an invalid catalogue throws CatalogError with its problems', () => {
  const bad = path.join(ROOT, '__tests__', 'fixtures', 'bad', 'unknown-clientele.yaml');
  const r = node(
    'bad.cjs',
    `const { openCatalog, CatalogError } = require('ramq-access');\ntry { openCatalog(${JSON.stringify(bad)}) } catch (e) { console.log(e instanceof CatalogError, e.problems[0].code, e.problems[0].line) }`,
  );
  expect(r.stdout.trim()).toBe('true UNKNOWN_CLIENTELE 56');
});

test('results cannot change the catalogue: it is frozen, deeply, and answers stay the same', () => {
  const r = node(
    'mutate.cjs',
    `'use strict';
const { openCatalog, resolveName, servicesFor, whoCan, canAccess, loadCatalog, validateCatalogText } = require('ramq-access');
const catalog = openCatalog();
const podiatre = resolveName(catalog, 'podiatre', ['clientele']).found.entity;
const selat = resolveName(catalog, 'SELAT', ['service']).found.entity;
const answer = () => JSON.stringify([servicesFor(catalog, podiatre), whoCan(catalog, selat), canAccess(catalog, podiatre, selat)]);
const before = answer();
const attempts = {
  condition: () => servicesFor(catalog, podiatre).access.find((a) => a.conditions.length > 0).conditions.push({ fr: 'x', en: 'x' }),
  grant: () => selat.grants.push({ clientele: 'podiatre', tier: 'creation', conditions: [] }),
  name: () => { podiatre.name = 'Autre'; },
  parent: () => { catalog.catalog.clienteles[0].parent = 'podiatre'; },
  services: () => catalog.catalog.services.pop(),
  index: () => { catalog.catalog = null; },
};
const refused = Object.entries(attempts).filter(([, f]) => { try { f(); return false; } catch (e) { return e instanceof TypeError; } }).map(([k]) => k);
const file = loadCatalog(require.resolve('ramq-access/package.json').replace('package.json', 'catalog.yaml'));
const text = validateCatalogText('version: 1', 'x.yaml');
console.log(JSON.stringify({ refused, same: answer() === before, loaded: Object.isFrozen(file.catalog.services[0].grants), invalidIsPlain: text.ok }));`,
  );
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual({
    refused: ['condition', 'grant', 'name', 'parent', 'services', 'index'],
    same: true,
    loaded: true,
    invalidIsPlain: false,
  });
});

test('openCatalog takes a path or a file: URL; anything else is a CatalogError that says so', () => {
  const r = node(
    'open.cjs',
    `const { pathToFileURL } = require('node:url');
const { openCatalog, CatalogError } = require('ramq-access');
const catalogFile = require.resolve('ramq-access/package.json').replace('package.json', 'catalog.yaml');
const out = [openCatalog(pathToFileURL(catalogFile)).catalog.services.length];
for (const given of [Buffer.from(catalogFile), new URL('https://example.invalid/catalog.yaml'), 42, null, {}]) {
  try { openCatalog(given); out.push('opened'); } catch (e) { out.push(e instanceof CatalogError ? e.problems[0].code + ' ' + e.message : 'other ' + e); }
}
console.log(JSON.stringify(out));`,
  );
  expect(r.stderr).toBe('');
  const [count, ...refusals] = JSON.parse(r.stdout) as [number, ...string[]];
  expect(count).toBe(23);
  expect(refusals).toEqual(
    ['Buffer', 'https: URL', 'number', 'null', 'Object'].map(
      (given) => `FILE_UNREADABLE <openCatalog>: FILE_UNREADABLE openCatalog takes a file path (a string) or a file: URL, not ${given}`,
    ),
  );
});

test('exports exposes only the public API', () => {
  const r = node('private.cjs', `try { require('ramq-access/dist/cli/main.js'); console.log('reachable') } catch (e) { console.log(e.code) }`);
  expect(r.stdout.trim()).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  expect(node('pkg.cjs', `console.log(require('ramq-access/package.json').name)`).stdout.trim()).toBe('ramq-access');
});

test('TypeScript sees the declarations through exports, and resolveName types what it finds by the kinds asked for', () => {
  fs.writeFileSync(
    path.join(dir, 'consumer.ts'),
    `import { openCatalog, resolveName, servicesFor, type ServicesResult, type Tier } from 'ramq-access';
const catalog = openCatalog();
const r = resolveName(catalog, 'podiatre', ['clientele']);
const tier: Tier = 'creation';
if (r.ok && r.found.kind === 'clientele') {
  const result: ServicesResult = servicesFor(catalog, r.found.entity, { tier });
  const n: number = result.access.length;
  console.log(n);
}
// @ts-expect-error a wrong tier does not type-check
const wrong: Tier = 'sometimes';
void wrong;
`,
  );
  // What resolveName is asked for is what it finds: a clientele asked for is typed a clientele.
  fs.writeFileSync(
    path.join(dir, 'kinds.ts'),
    `import { openCatalog, resolveName, servicesFor, whoCan, type Clientele, type EntityKind, type Resolution } from 'ramq-access';
const catalog = openCatalog();
const clientele = resolveName(catalog, 'podiatre', ['clientele']);
const service = resolveName(catalog, 'SELAT', ['service']);
if (clientele.ok && service.ok) {
  const c: Clientele = clientele.found.entity;
  servicesFor(catalog, c);
  whoCan(catalog, service.found.entity);
  // @ts-expect-error a service is not a clientele
  servicesFor(catalog, service.found.entity);
}
const either = resolveName(catalog, 'x', ['service', 'category']);
// @ts-expect-error neither a service nor a category is a clientele
if (either.ok && either.found.kind === 'clientele') void either;
// The old call, with kinds only known at run time, still answers any entity, narrowed by its kind.
const kinds: readonly EntityKind[] = ['service', 'clientele'];
const any: Resolution = resolveName(catalog, 'x', kinds);
if (any.ok && any.found.kind === 'clientele') servicesFor(catalog, any.found.entity);
`,
  );
  const r = typeCheck(['consumer.ts', 'kinds.ts']);
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
});

/** The README's code blocks in TypeScript or JavaScript, each as a file of its own language: `require` makes CommonJS, `import` an ES module. */
function readmeCodeBlocks(markdown: string): { file: string; line: number }[] {
  const blocks: { file: string; line: number }[] = [];
  const fence = /^```(js|javascript|ts|typescript)\n([\s\S]*?)^```$/gm;
  for (const m of markdown.matchAll(fence)) {
    const ts = m[1]!.startsWith('t');
    const esm = /^import\s/m.test(m[2]!);
    const line = markdown.slice(0, m.index).split('\n').length;
    const file = `readme-${line}.${esm ? 'm' : 'c'}${ts ? 'ts' : 'js'}`;
    fs.writeFileSync(path.join(dir, file), m[2]!);
    blocks.push({ file, line });
  }
  return blocks;
}

test("the README's TypeScript and JavaScript blocks type-check, strictly, against the built package", () => {
  const blocks = readmeCodeBlocks(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
  expect(blocks.length).toBeGreaterThan(0);
  const r = typeCheck(['--allowJs', '--checkJs', ...blocks.map((b) => b.file)]);
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
});

/** tsc as a user's project runs it on files of the folder that has the package in its node_modules: strict, node16 modules. */
function typeCheck(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const flags = ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--types', 'node'];
  const r = spawnSync(process.execPath, [tsc, ...flags, '--typeRoots', path.join(ROOT, 'node_modules', '@types'), ...args], { cwd: dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
