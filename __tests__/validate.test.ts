import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog, MAX_CATALOG_BYTES } from '../src/catalog/load-catalog';
import { PROBLEM_CODES } from '../src/catalog/problem';
import { validateCatalogText } from '../src/catalog/validate-catalog';
import { CATALOG, FIXTURES, runBin, unwrapHanging } from './helpers';

const invalidDir = path.join(FIXTURES, 'invalid');
const invalid = fs.readdirSync(invalidDir).filter((f) => f.endsWith('.yaml'));

function expectation(file: string): { code: string; line: number; col: number } {
  const first = fs.readFileSync(file, 'utf8').split('\n')[0] ?? '';
  const m = /^# expect: ([A-Z_0-9]+) (\d+):(\d+)$/.exec(first);
  if (!m) throw new Error(`${file} lacks an "# expect: CODE line:col" first line`);
  return { code: m[1]!, line: Number(m[2]), col: Number(m[3]) };
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-validate-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the shipped catalogue', () => {
  test('is valid', () => {
    const result = loadCatalog(CATALOG);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  test('`validate` says so and exits 0', () => {
    const out = runBin(['validate']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/catalog\.yaml: catalogue valide/);
    expect(out.stderr).toBe('');
  });
});

describe.each(invalid)('invalid fixture %s', (name) => {
  const file = path.join(invalidDir, name);
  const expected = expectation(file);

  test('gives its problem code at its position', () => {
    const result = validateCatalogText(fs.readFileSync(file, 'utf8'), file);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems[0]).toMatchObject({ code: expected.code, line: expected.line, col: expected.col, file });
  });

  test('through the real binary: one line per problem, exit 1, no stack', () => {
    const out = runBin(['validate', file]);
    expect(out.code).toBe(1);
    // The first problem, its lines wrapped to 80 columns joined again.
    const first = unwrapHanging(out.stdout).split('\n')[0]!;
    expect(first).toBe(`${file}:${expected.line}:${expected.col}: ${expected.code} ${first.split(`${expected.code} `)[1]}`);
    expect(out.stdout + out.stderr).not.toMatch(/\n\s+at /);
  });

  test('a query command refuses it with exit 3', () => {
    const out = runBin(['--catalog', file, 'list', 'services']);
    expect(out.code).toBe(3);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`${file}:${expected.line}:${expected.col}: ${expected.code}`);
  });
});

describe('problems made at test time', () => {
  const cases: { name: string; content: Buffer | string; code: string; line: number | null; col: number | null }[] = [
    { name: 'empty.yaml', content: '', code: 'EMPTY_DOCUMENT', line: 1, col: 1 },
    { name: 'binary.yaml', content: Buffer.from([0x76, 0x65, 0x72, 0x0a, 0x00, 0x01, 0x02]), code: 'BINARY_FILE', line: 2, col: 1 },
    {
      name: 'latin1.yaml',
      content: Buffer.concat([Buffer.from('version: 1\nname: '), Buffer.from([0xe9, 0x74, 0xe9]), Buffer.from('\n')]),
      code: 'NOT_UTF8',
      line: 2,
      col: 7,
    },
    { name: 'big.yaml', content: `# ${'x'.repeat(MAX_CATALOG_BYTES)}\n`, code: 'FILE_TOO_LARGE', line: null, col: null },
  ];
  test.each(cases)('$name gives $code', ({ name, content, code, line, col }) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, content);
    const result = loadCatalog(file);
    expect(result.ok ? [] : result.problems[0]).toMatchObject({ code, line, col });
    const out = runBin(['validate', file]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(code);
  });

  test('a missing file is a usage error (exit 2), a directory an I/O error (exit 74); both FILE_UNREADABLE', () => {
    for (const [file, exit] of [
      [path.join(tmp, 'missing.yaml'), 2],
      [tmp, 74],
    ] as const) {
      expect(loadCatalog(file)).toMatchObject({ ok: false, problems: [{ code: 'FILE_UNREADABLE' }] });
      const out = runBin(['validate', file]);
      expect(out.code).toBe(exit);
      expect(out.stdout).toContain('FILE_UNREADABLE');
    }
  });

  test('a byte-order mark and CRLF line ends are accepted', () => {
    const file = path.join(tmp, 'bom-crlf.yaml');
    fs.writeFileSync(file, '\ufeff' + fs.readFileSync(CATALOG, 'utf8').replace(/\n/g, '\r\n'));
    expect(loadCatalog(file).ok).toBe(true);
  });
});

test('every problem code has a fixture or a made-at-test-time case', () => {
  const covered = new Set([
    ...invalid.map((f) => expectation(path.join(invalidDir, f)).code),
    'EMPTY_DOCUMENT',
    'BINARY_FILE',
    'NOT_UTF8',
    'FILE_TOO_LARGE',
    'FILE_UNREADABLE',
  ]);
  expect(PROBLEM_CODES.filter((c) => !covered.has(c))).toEqual([]);
});

test('all problems are reported at once, sorted by position', () => {
  const text = fs
    .readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8')
    .replace('category: admin', 'category: nowhere')
    .replace('- clientele: nurse\n', '- clientele: ghost\n')
    .replace('name_en: Clerk', 'name_en: Nurse');
  const result = validateCatalogText(text, 'x.yaml');
  const problems = result.ok ? [] : result.problems;
  expect(problems.map((p) => p.code)).toEqual(['NAME_COLLISION', 'UNKNOWN_CATEGORY', 'UNKNOWN_CLIENTELE']);
  const lines = problems.map((p) => p.line ?? 0);
  expect([...lines].sort((a, b) => a - b)).toEqual(lines);
});

describe('validate formats', () => {
  const bad = path.join(invalidDir, 'unknown-clientele.yaml');

  test('--format json is one document with counts', () => {
    const out = runBin(['validate', CATALOG, bad, '--json']);
    expect(out.code).toBe(1);
    const doc = JSON.parse(out.stdout);
    expect(doc.counts).toEqual({ files: 2, invalid_files: 1, problems: 1 });
    expect(doc.files[1].problems[0]).toMatchObject({ code: 'UNKNOWN_CLIENTELE', line: 56, col: 20 });
  });

  test('--format github prints escaped workflow commands', () => {
    const out = runBin(['validate', bad, '--format', 'github']);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe(
      `::error file=${bad.replace(/:/g, '%3A').replace(/,/g, '%2C')},line=56,col=20,title=UNKNOWN_CLIENTELE::UNKNOWN_CLIENTELE service "mail" grants access to "ghost", which is not a clientele id\n`,
    );
  });

  test('an unknown format is a usage error', () => {
    const out = runBin(['validate', '--format', 'yaml']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/Allowed choices are table, json, github, text/);
  });
});
