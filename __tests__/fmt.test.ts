import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, isMap, isScalar, isSeq, parse, parseDocument } from 'yaml';
import { editCatalogText } from '../src/catalog/edit-catalog';
import { formatCatalogText } from '../src/catalog/format-catalog';
import { validateCatalogText } from '../src/catalog/validate-catalog';
import { messagesFor } from '../src/present/messages/messages';
import { countChangedLines, formatPatch, MAX_PATCH_CHANGES } from '../src/present/present-format';
import { structuredPatch } from 'diff';
import { catalogArb, catalogToYaml, rewriteArb, rewriteYaml } from './arbitraries';
import { readCorpus } from './corpus';
import { CATALOG, FIXTURES, runCli } from './helpers';
import { describeWithPython, readWithPython } from './python';

/** Counts as English writes them. */
const en = (n: number): string => n.toLocaleString('en-CA');

function fmt(text: string): string {
  const r = formatCatalogText(text, 'test.yaml');
  if (!r.ok) throw new Error(`fmt refused: ${JSON.stringify(r.problems)}`);
  return r.text;
}

function commentsOf(text: string): string[] {
  const out: string[] = [];
  const doc = parseDocument(text);
  if (doc.commentBefore) out.push(doc.commentBefore);
  if (doc.comment) out.push(doc.comment);
  const visit = (node: unknown): void => {
    if (isScalar(node) || isMap(node) || isSeq(node)) {
      if (node.commentBefore) out.push(node.commentBefore);
      if (node.comment) out.push(node.comment);
    }
    if (isMap(node)) {
      for (const p of node.items) {
        visit(p.key);
        visit(p.value);
      }
    }
    if (isSeq(node)) for (const i of node.items) visit(i);
  };
  visit(doc.contents);
  return out
    .flatMap((c) => c.split('\n').map((l) => l.trim()))
    .filter(Boolean)
    .sort();
}

const validFiles = [CATALOG, ...fs.readdirSync(path.join(FIXTURES, 'valid')).map((f) => path.join(FIXTURES, 'valid', f))];

describe('fmt laws on the shipped catalogue and every valid fixture', () => {
  test.each(validFiles)('%s is already canonical, and fmt keeps data and comments', (file) => {
    const text = fs.readFileSync(file, 'utf8');
    const once = fmt(text);
    expect(once).toBe(text);
    expect(parse(once)).toEqual(parse(text));
    expect(commentsOf(once)).toEqual(commentsOf(text));
  });
});

/** The text of a corpus entry, or null for one that is not UTF-8 text (a folder, bytes that are not text). */
function corpusText(file: string): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file));
  } catch {
    return null;
  }
}

describe('fmt on every input validate accepts (the bad corpus and the valid fixtures)', () => {
  const inputs = [...readCorpus().map((e) => e.file), ...validFiles]
    .map((file) => ({ file, text: corpusText(file) }))
    .filter((input): input is { file: string; text: string } => input.text !== null && validateCatalogText(input.text, input.file).ok);

  test('the corpus holds accepted inputs with anchors and aliases, some of them put before their anchor by the key order', () => {
    expect(inputs.filter((i) => /\*[a-z]/.test(i.text)).length).toBeGreaterThanOrEqual(5);
  });

  test.each(inputs.map((i) => [path.relative(FIXTURES, i.file), i] as const))(
    '%s: formats, validates to the same catalogue, and is a fixed point',
    (_, { text }) => {
      const result = formatCatalogText(text, 'x.yaml');
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const before = validateCatalogText(text, 'x.yaml');
      const after = validateCatalogText(result.text, 'x.yaml');
      expect(after.ok).toBe(true);
      if (!before.ok || !after.ok) return;
      expect(after.catalog).toEqual(before.catalog);
      expect(result.text).not.toMatch(/^\s*(- )?[\w-]*:? *[&*][\w-]+/m);
      expect(fmt(result.text)).toBe(result.text);
    },
  );

  test('through the CLI, no accepted input ends in an internal error', async () => {
    for (const { file, text } of inputs.filter((i) => /[&*][\w-]/.test(i.text))) {
      const out = await runCli(['fmt', '-'], {}, false, text);
      expect({ file, code: out.code, stderr: out.stderr }).toEqual({ file, code: 0, stderr: '' });
    }
  });
});

describe('fmt --check: the patch, bounded', () => {
  const lineList = fc.array(fc.constantFrom('a', 'b', 'c', 'd', ''), { maxLength: 30 });
  const text = (lines: string[]): string => lines.map((l) => `${l}\n`).join('');

  test('the counts of lines removed and added are lower bounds of a real patch (property)', () => {
    fc.assert(
      fc.property(lineList, lineList, (a, b) => {
        const patch = structuredPatch('a', 'b', text(a), text(b));
        const lines = patch.hunks.flatMap((h) => h.lines);
        const { removed, added } = countChangedLines(text(a), text(b));
        expect(removed).toBeLessThanOrEqual(lines.filter((l) => l.startsWith('-')).length);
        expect(added).toBeLessThanOrEqual(lines.filter((l) => l.startsWith('+')).length);
      }),
      { numRuns: 300 },
    );
  });

  test('up to the limit of changed lines a unified diff, past it one line with the counts', () => {
    const before = text(['a', 'b', 'c', 'd', 'e', 'f']);
    const after = text(['a', 'x', 'c', 'y', 'e', 'z']);
    // Three lines replaced: six changed lines.
    expect(formatPatch('f.yaml', before, after, messagesFor('en'), 6)).toMatch(/^--- a\/f\.yaml\n\+\+\+ b\/f\.yaml\n@@ -1,6 \+1,6 @@/);
    expect(formatPatch('f.yaml', before, after, messagesFor('en'), 5)).toBe(
      'f.yaml: more than 5 lines change (at least 3 lines removed and 3 added), too many to show as a patch; fmt rewrites it\n',
    );
  });

  test('an absolute path is named as git names it (a/tmp/x), and git apply reads the patch as that file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-fmt-abs-'));
    try {
      const file = path.join(dir, 'f.yaml');
      fs.writeFileSync(file, text(['a', 'b', 'c']));
      const patch = formatPatch(file, text(['a', 'b', 'c']), text(['a', 'x', 'c']), messagesFor('en'));
      expect(patch.split('\n').slice(0, 2)).toEqual([`--- a${file}`, `+++ b${file}`]);
      expect(formatPatch('f.yaml', 'a\n', 'b\n', messagesFor('en'))).toMatch(/^--- a\/f\.yaml\n\+\+\+ b\/f\.yaml\n/);
      // From the root, git apply -p1 (its default) finds the file the patch names; `a//tmp/...` is an invalid path to it.
      fs.writeFileSync(path.join(dir, 'f.patch'), patch);
      const applied = spawnSync('git', ['apply', path.join(dir, 'f.patch')], { cwd: '/', encoding: 'utf8' });
      expect(applied.stderr).toBe('');
      expect(fs.readFileSync(file, 'utf8')).toBe(text(['a', 'x', 'c']));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('through the CLI, on the shipped catalogue written as indented JSON (every line changes)', () => {
    let dir: string;
    let file: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-fmt-json-'));
      file = path.join(dir, 'catalog.json');
      fs.writeFileSync(file, `${JSON.stringify(parse(fs.readFileSync(CATALOG, 'utf8')), null, 2)}\n`);
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('more changed lines than the limit: one line with the least counts instead of a patch (wording, in each language: snapshot)', async () => {
      const json = fs.readFileSync(file, 'utf8');
      const { removed, added } = countChangedLines(json, fmt(json));
      expect(removed + added).toBeGreaterThan(MAX_PATCH_CHANGES);
      // In English only (a run takes a second or two); the French line, numbers written the French way, is a snapshot case.
      const out = await runCli(['fmt', '--check', file, '--lang', 'en']);
      expect(out.code).toBe(1);
      // One line: the file, then the limit and the two counts, in this order.
      const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const numbers = [MAX_PATCH_CHANGES, removed, added].map((n) => escape(en(n))).join('\\D+');
      expect(out.stdout).toMatch(new RegExp(`^${escape(file)}\\D+${numbers}\\D+\n$`));
      expect(out.stderr).toContain(file);
    });

    test('on standard input too', async () => {
      const out = await runCli(['fmt', '--check', '-', '--lang', 'en'], {}, false, fs.readFileSync(file, 'utf8'));
      expect(out.code).toBe(1);
      expect(out.stdout).toMatch(/^<stdin>: more than [\d,]+ lines change/);
    });
  });
});

describe('fmt laws on generated catalogues in random layouts (property tests)', () => {
  // Each case formats a whole generated catalogue two or three times (some 50-100 ms a case): 40 cases a run, a new
  // seed each run, so that the layouts covered grow run after run instead of the suite's time.
  const runs = { numRuns: 40 };

  test('the data is the same before and after', () => {
    fc.assert(
      fc.property(catalogArb, rewriteArb, (catalog, rewrite) => {
        const { text } = rewriteYaml(catalogToYaml(catalog), rewrite);
        expect(validateCatalogText(text, 'x.yaml').ok).toBe(true);
        expect(parse(fmt(text))).toEqual(parse(text));
      }),
      runs,
    );
  });

  test('fmt is idempotent, and its output does not depend on the input layout', () => {
    fc.assert(
      fc.property(catalogArb, rewriteArb, rewriteArb, (catalog, r1, r2) => {
        const base = catalogToYaml(catalog);
        const a = fmt(rewriteYaml(base, { ...r1, comments: false }).text);
        const b = fmt(rewriteYaml(base, { ...r2, comments: false }).text);
        expect(fmt(a)).toBe(a);
        expect(a).toBe(b);
      }),
      runs,
    );
  });

  test('every comment of the input is in the output', () => {
    fc.assert(
      fc.property(catalogArb, rewriteArb, (catalog, rewrite) => {
        const { text, comments } = rewriteYaml(catalogToYaml(catalog), { ...rewrite, comments: true });
        const out = fmt(text);
        for (const c of comments) expect(out).toContain(`#${c}`);
        expect(commentsOf(out)).toEqual(commentsOf(text));
      }),
      runs,
    );
  });
});

/** How comment lines and blank lines are put between the lines of a text. */
interface Sprinkle {
  readonly seed: number;
  /** The share of lines a comment (or a blank line) goes before. */
  readonly density: number;
  readonly blanks: boolean;
}

const sprinkleArb: fc.Arbitrary<Sprinkle> = fc.record({ seed: fc.integer(), density: fc.double({ min: 0.02, max: 0.5, noNaN: true }), blanks: fc.boolean() });

/**
 * Comment lines, at the indentation of the line they come before (or of the line before: the end of an entry),
 * and blank lines, put between the lines of a text as a person would type them: where the parser keeps a
 * comment with the blank lines around it, which the printer must not print again at every run.
 */
function sprinkle(text: string, { seed, density, blanks }: Sprinkle): string {
  let state = seed;
  const rand = (): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    const before = i > 0 ? (lines[i - 1] ?? '') : '';
    const indentOf = (l: string): string => /^ */.exec(l)![0];
    if (i > 0 && rand() < density) {
      const indent = rand() < 0.5 ? indentOf(line) : indentOf(before);
      out.push(`${indent}# note ${i}`);
      if (blanks && rand() < 0.5) out.push('');
    }
    if (blanks && rand() < density / 2) out.push('');
    out.push(line);
  });
  return out.join('\n');
}

describe('fmt is idempotent with comments anywhere (a comment ending an entry used to gain a blank line per run)', () => {
  test('the case reported: a comment at the end of an entry', () => {
    const text = fs
      .readFileSync(CATALOG, 'utf8')
      .replace('\n\n  - id: specialiste-chirurgie-buccale', '\n    # end of podiatre\n\n  - id: specialiste-chirurgie-buccale');
    const once = fmt(text);
    expect(fmt(once)).toBe(once);
    expect(once).toContain('    # end of podiatre\n\n  - id: specialiste-chirurgie-buccale');
  });

  test('a comment after an entry’s last value, apart from it (which the parser gives the entry itself): kept, in order, and fmt twice is fmt once', () => {
    // Found by the generated layouts below, now and then: kept as an example, so that coverage does not depend on the seed.
    const minimal = fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
    const text = minimal.replace('    sub_applications: []\n\n  - id: files', '    sub_applications: [] # note x\n\n    # note y\n\n  - id: files');
    expect(text).not.toBe(minimal);
    const once = fmt(text);
    expect(fmt(once)).toBe(once);
    expect(commentsOf(once)).toEqual(commentsOf(text));
    expect(once.indexOf('# note y')).toBeGreaterThan(once.indexOf('# note x'));
    expect(parse(once)).toEqual(parse(text));
  });

  test('through the CLI: fmt, then fmt --check passes; check-source --write, then fmt --check passes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-fmt-idem-'));
    try {
      const file = path.join(dir, 'catalog.yaml');
      const text = fs
        .readFileSync(CATALOG, 'utf8')
        .replace('\n\n  - id: specialiste-chirurgie-buccale', '\n    # end of podiatre\n\n\n  - id: specialiste-chirurgie-buccale');
      fs.writeFileSync(file, text);
      expect((await runCli(['fmt', file])).code).toBe(0);
      expect(await runCli(['fmt', '--check', file])).toMatchObject({ code: 0, stdout: '' });
      fs.writeFileSync(file, text);
      const page = path.join(FIXTURES, 'source', 'liste-des-services-en-ligne.txt');
      expect((await runCli(['--catalog', file, 'check-source', page, '--write'], { SOURCE_DATE_EPOCH: '1768435200' })).code).toBe(0);
      expect(await runCli(['fmt', '--check', file])).toMatchObject({ code: 0, stdout: '' });
      const written = fs.readFileSync(file, 'utf8');
      expect((await runCli(['--catalog', file, 'check-source', page, '--write'], { SOURCE_DATE_EPOCH: '1768435200' })).code).toBe(0);
      expect(fs.readFileSync(file, 'utf8')).toBe(written);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('every accepted input of the corpus and every valid fixture, with comments and blank lines sprinkled in: fmt twice is fmt once, the meaning unchanged (property)', () => {
    const inputs = [...readCorpus().map((e) => e.file), ...validFiles]
      .map((file) => corpusText(file))
      .filter((text): text is string => text !== null && validateCatalogText(text, 'x.yaml').ok);
    expect(inputs.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(fc.constantFrom(...inputs), sprinkleArb, (text, how) => {
        const commented = sprinkle(text, how);
        const before = validateCatalogText(commented, 'x.yaml');
        // A comment put inside a block scalar or a flow collection changes or breaks it: not a layout to test.
        fc.pre(before.ok);
        const original = validateCatalogText(text, 'x.yaml');
        fc.pre(original.ok && before.ok && JSON.stringify(original.catalog) === JSON.stringify(before.catalog));
        const once = fmt(commented);
        expect(fmt(once)).toBe(once);
        const after = validateCatalogText(once, 'x.yaml');
        expect(after.ok && after.catalog).toEqual(before.ok && before.catalog);
      }),
      { numRuns: 60, seed: 21 },
    );
  });

  test('generated catalogues with comments and blank lines sprinkled in: fmt twice is fmt once, the data unchanged (property)', () => {
    fc.assert(
      fc.property(catalogArb, sprinkleArb, (catalog, how) => {
        const text = sprinkle(catalogToYaml(catalog), how);
        const before = validateCatalogText(text, 'x.yaml');
        fc.pre(before.ok);
        const once = fmt(text);
        expect(fmt(once)).toBe(once);
        expect(parse(once)).toEqual(parse(text));
      }),
      // (a whole catalogue formatted twice a case: as the laws above)
      { numRuns: 40 },
    );
  });
});

describe('fmt on a messy copy of the shipped catalogue', () => {
  test('reformats it back to the shipped bytes', () => {
    const shipped = fs.readFileSync(CATALOG, 'utf8');
    const doc = parseDocument(shipped);
    const visit = (node: unknown, depth: number): void => {
      if (isScalar(node) && typeof node.value === 'string') node.type = 'QUOTE_DOUBLE';
      if (isMap(node)) {
        node.items.reverse();
        if (depth > 3) node.flow = true;
        for (const p of node.items) {
          visit(p.key, depth + 1);
          visit(p.value, depth + 1);
        }
      }
      if (isSeq(node)) for (const i of node.items) visit(i, depth + 1);
    };
    visit(doc.contents, 0);
    const messy = '\ufeff' + doc.toString({ lineWidth: 40, indent: 4 }).replace(/\n/g, '\r\n');
    expect(messy).not.toBe(shipped);
    expect(fmt(messy)).toBe(shipped);
  });
});

describe('fmt through the CLI (in process)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-fmt-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const messyCopy = (): string => {
    const doc = parseDocument(fs.readFileSync(CATALOG, 'utf8'));
    if (isMap(doc.contents)) doc.contents.items.reverse();
    const file = path.join(dir, 'catalog.yaml');
    fs.writeFileSync(file, doc.toString({ indent: 4 }), { mode: 0o640 });
    return file;
  };

  test('--check on the shipped catalogue: exit 0, nothing printed', async () => {
    const out = await runCli(['fmt', '--check', CATALOG]);
    expect(out).toMatchObject({ code: 0, stdout: '' });
  });

  test('--check on a copy with a few lines out of canonical form: exit 1, a unified diff of them, the file untouched', async () => {
    // The first service's keys in reverse order, a name in quotes: a few dozen changed lines, under the limit of a patch.
    const doc = parseDocument(fs.readFileSync(CATALOG, 'utf8'));
    const first = doc.getIn(['services', 0]);
    if (isMap(first)) first.items.reverse();
    const name = doc.getIn(['clienteles', 0, 'name'], true);
    if (isScalar(name)) name.type = 'QUOTE_DOUBLE';
    const file = path.join(dir, 'catalog.yaml');
    fs.writeFileSync(file, doc.toString({ lineWidth: 0 }));
    const before = fs.readFileSync(file, 'utf8');
    const out = await runCli(['fmt', '--check', file]);
    expect(out.code).toBe(1);
    // An absolute path is named as git names it: a/ and the path without its leading slash.
    expect(out.stdout).toMatch(new RegExp(`^--- a${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\t?\n\\+\\+\\+ b/`));
    expect(out.stdout).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@/m);
    expect(out.stdout).toMatch(/^- {4}name: "Chirurgien-dentiste/m);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
  });

  test('--check on a messy copy (every line indented anew): exit 1, one line with the counts instead of a patch', async () => {
    const file = messyCopy();
    const out = await runCli(['fmt', '--check', file, '--lang', 'en']);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^\S+catalog\.yaml: more than 2,000 lines change \(at least [\d,]+ lines removed and [\d,]+ added\)/);
  });

  test('in place: rewrites atomically to the canonical bytes, keeping the mode; a second run touches nothing', async () => {
    const file = messyCopy();
    const out = await runCli(['fmt', file]);
    expect(out.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toBe(fs.readFileSync(CATALOG, 'utf8'));
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(dir)).toEqual(['catalog.yaml']);
    const mtime = fs.statSync(file).mtimeMs;
    const again = await runCli(['fmt', file]);
    expect(again.code).toBe(0);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  test('an invalid or unparseable file is never written: exit 3, untouched', async () => {
    for (const content of ['version: 1\nservices: [\n', fs.readFileSync(CATALOG, 'utf8').replace('tier: creation', 'tier: sometimes')]) {
      const file = path.join(dir, 'bad.yaml');
      fs.writeFileSync(file, content);
      const out = await runCli(['fmt', file]);
      expect(out.code).toBe(3);
      // (its wording: the snapshot of `fmt` on a bad fixture)
      expect(out.stderr).toContain(file);
      expect(fs.readFileSync(file, 'utf8')).toBe(content);
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    }
  });

  test('a missing file: exit 2', async () => {
    expect((await runCli(['fmt', path.join(dir, 'missing.yaml')])).code).toBe(2);
  });

  test('"-" formats standard input to standard output', async () => {
    const doc = new Document(parse(fs.readFileSync(CATALOG, 'utf8')));
    const out = await runCli(['fmt', '-'], {}, false, doc.toString({ indent: 4 }));
    expect(out.code).toBe(0);
    expect(parse(out.stdout)).toEqual(parse(fs.readFileSync(CATALOG, 'utf8')));
  });
});

describeWithPython('what fmt writes means the same to a YAML 1.1 reader (PyYAML, as ajv-cli and many editors read YAML)', () => {
  test('the date of the last check is a string, not a date: fmt quotes it, and the shipped catalogue is written so', () => {
    const minimal = fs
      .readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8')
      .replace('  publisher: Test publisher\n', '  publisher: Test publisher\n  checked: 2026-11-27\n');
    const formatted = fmt(minimal);
    expect(formatted).toContain('  checked: "2026-11-27"\n');
    const edited = editCatalogText(minimal, 'test.yaml', [{ op: 'record-check', checked: '2026-01-16', sha256: 'a'.repeat(64) }]);
    if (!edited.ok) throw new Error('edit refused');
    const read = readWithPython([{ yaml: formatted }, { yaml: edited.text }, { yaml_file: CATALOG }]);
    expect(read.results.map((r) => (r.data as { source: { checked: unknown } }).source.checked)).toEqual(['2026-11-27', '2026-01-16', '2026-11-27']);
  });

  test('generated catalogues holding texts YAML 1.1 reads as other types (dates, yes and no, on and off, sexagesimal, octal): PyYAML reads the data we read', () => {
    const names = ['2026-11-27', 'yes', 'No', 'on', 'OFF', 'y', '1:20', '0777', '0b101', '1_000', '2001-12-14t21:59:43.10-05:00'];
    const special = fc.constantFrom(...names, '.inf', '~', '<<', '=');
    const samples = fc.sample(
      fc.tuple(catalogArb, special, special, fc.constantFrom(...names)).map(([catalog, a, b, c]) => {
        const yamlText = catalogToYaml(catalog).replace(/^source:\n/m, 'source:\n  checked: 2026-11-27\n');
        const doc = parseDocument(yamlText);
        doc.setIn(['services', 0, 'description', 'fr'], a);
        doc.setIn(['services', 0, 'description', 'en'], b);
        doc.setIn(['clienteles', 0, 'name_en'], c);
        return fmt(doc.toString({ lineWidth: 0 }));
      }),
      { numRuns: 40, seed: 20 },
    );
    const read = readWithPython(samples.map((text) => ({ yaml: text })));
    read.results.forEach((r, i) => expect(r.data).toEqual(parse(samples[i]!)));
  });
});
