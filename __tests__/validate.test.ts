import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog, MAX_CATALOG_BYTES } from '../src/catalog/load-catalog';
import { PROBLEM_CODES, type Problem } from '../src/catalog/problem';
import { messagesFor } from '../src/present/messages/messages';
import { makePalette } from '../src/present/options';
import { validationGithub } from '../src/present/present-problems';
import { problemMessage } from '../src/present/problem-message';
import { parse, stringify } from 'yaml';
import { MAX_PARENT_DEPTH, validateCatalogText } from '../src/catalog/validate-catalog';
import { corpusFile, readCorpus } from './corpus';
import { CATALOG, FIXTURES, frenchSpaces, ROOT, runCli } from './helpers';

let tmp: string;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-validate-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the shipped catalogue', () => {
  test('is valid', () => {
    const result = loadCatalog(CATALOG);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  test('`validate` says so and exits 0 (wording: snapshot)', async () => {
    const out = await runCli(['validate']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^\S*catalog\.yaml: /);
    expect(out.stderr).toBe('');
  });
});

// Each bad catalogue of the corpus, with its expected code, range, path and exit codes: bad-corpus.test.ts.

describe('problems made at test time', () => {
  type Case = { name: string; content: Buffer | string; code: string; line: number | null; col: number | null; endLine: number | null; endCol: number | null };
  const cases: (Case & { path: string | null })[] = [
    { name: 'empty.yaml', content: '', code: 'EMPTY_DOCUMENT', line: 1, col: 1, endLine: 1, endCol: 1, path: '' },
    {
      name: 'binary.yaml',
      content: Buffer.from([0x76, 0x65, 0x72, 0x0a, 0x00, 0x01, 0x02]),
      code: 'BINARY_FILE',
      line: 2,
      col: 1,
      endLine: 2,
      endCol: 2,
      path: null,
    },
    {
      name: 'latin1.yaml',
      content: Buffer.concat([Buffer.from('version: 1\nname: '), Buffer.from([0xe9, 0x74, 0xe9]), Buffer.from('\n')]),
      code: 'NOT_UTF8',
      line: 2,
      col: 7,
      endLine: 2,
      endCol: 8,
      path: null,
    },
    {
      // 😀 is one character but two UTF-16 code units, which is how every column counts
      name: 'emoji-then-nul.yaml',
      content: Buffer.concat([Buffer.from('version: 1\nname: 😀'), Buffer.from([0x00]), Buffer.from('\n')]),
      code: 'BINARY_FILE',
      line: 2,
      col: 9,
      endLine: 2,
      endCol: 10,
      path: null,
    },
    {
      name: 'big.yaml',
      content: `# ${'x'.repeat(MAX_CATALOG_BYTES)}\n`,
      code: 'FILE_TOO_LARGE',
      line: null,
      col: null,
      endLine: null,
      endCol: null,
      path: null,
    },
  ];
  test.each(cases)('$name gives $code', async ({ name, content, code, line, col, endLine, endCol, path: where }) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, content);
    const result = loadCatalog(file);
    expect(result.ok ? [] : result.problems[0]).toMatchObject({ code, severity: 'error', line, col, endLine, endCol, path: where });
    const out = await runCli(['validate', file]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(code);
  });

  test('a missing file is a usage error (exit 2), a directory an I/O error (exit 74); both FILE_UNREADABLE, with no range', async () => {
    for (const [file, exit] of [
      [path.join(tmp, 'missing.yaml'), 2],
      [tmp, 74],
    ] as const) {
      expect(loadCatalog(file)).toMatchObject({
        ok: false,
        problems: [{ code: 'FILE_UNREADABLE', line: null, col: null, endLine: null, endCol: null, path: null }],
      });
      const out = await runCli(['validate', file]);
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
  const covered = new Set([...readCorpus().map((e) => e.code), 'EMPTY_DOCUMENT', 'BINARY_FILE', 'NOT_UTF8', 'FILE_TOO_LARGE', 'FILE_UNREADABLE']);
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

test('a JSON path escapes ~ and / in keys (RFC 6901), and covers the offending key', () => {
  const text = fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8').replace('    kind: staff\n', '    kind: staff\n    a/b~c: 1\n');
  const result = validateCatalogText(text, 'x.yaml');
  expect(result.ok ? [] : result.problems).toMatchObject([{ code: 'SCHEMA', line: 41, col: 5, endLine: 41, endCol: 10, path: '/clienteles/2/a~1b~0c' }]);
});

describe('the clienteles a note concerns', () => {
  const MINIMAL = fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
  const MAIL_NOTES = '    notes: []\n    sub_applications: []\n\n  - id: files\n';
  const withNote = (clienteles: string): string =>
    MINIMAL.replace(
      MAIL_NOTES,
      `    notes:\n      - kind: delegation\n        clienteles: ${clienteles}\n        fr: Une note.\n        en: A note.\n    sub_applications: []\n\n  - id: files\n`,
    );

  test('are loaded with the note, in the order written; an empty list is a note about the service in general', () => {
    for (const [yaml, ids] of [
      ['[clerk, nurse]', ['clerk', 'nurse']],
      ['[]', []],
    ] as const) {
      const result = validateCatalogText(withNote(yaml), 'x.yaml');
      expect(result.ok && result.catalog.services[0]!.notes).toEqual([{ kind: 'delegation', clienteles: ids, fr: 'Une note.', en: 'A note.' }]);
    }
  });

  test('every unknown id is UNKNOWN_CLIENTELE at the id itself; a repeated id is DUPLICATE_NOTE_CLIENTELE at its second mention', () => {
    // line 67 is "        clienteles: [...]", the list starting at column 21
    const result = validateCatalogText(withNote('[ghost, clerk, nurse-chief, clerk]'), 'x.yaml');
    expect(result.ok ? [] : result.problems).toMatchObject([
      {
        code: 'UNKNOWN_CLIENTELE',
        line: 67,
        col: 22,
        endLine: 67,
        endCol: 27,
        path: '/services/0/notes/0/clienteles/0',
        detail: { id: 'unknownNoteClientele', service: 'mail', clientele: 'ghost' },
      },
      { code: 'UNKNOWN_CLIENTELE', line: 67, col: 36, endLine: 67, endCol: 47, path: '/services/0/notes/0/clienteles/2', detail: { clientele: 'nurse-chief' } },
      {
        code: 'DUPLICATE_NOTE_CLIENTELE',
        line: 67,
        col: 49,
        endLine: 67,
        endCol: 54,
        path: '/services/0/notes/0/clienteles/3',
        detail: { id: 'duplicateNoteClientele', clientele: 'clerk' },
      },
    ]);
  });

  test('validate names the service and the id, at the id, in each language', async () => {
    const file = path.join(tmp, 'note-ghost.yaml');
    fs.writeFileSync(file, withNote('[ghost]'));
    for (const lang of ['en', 'fr']) {
      const out = await runCli(['validate', file, '--lang', lang]);
      expect(out.code).toBe(1);
      const line = out.stdout.split('\n')[0]!;
      expect(line.startsWith(`${file}:67:22: UNKNOWN_CLIENTELE `)).toBe(true);
      expect(line).toMatch(/\bmail\b.*\bghost\b/);
    }
  });

  test('the field is required, a list of ids', () => {
    const missing = validateCatalogText(withNote('[]').replace('        clienteles: []\n', ''), 'x.yaml');
    expect(missing.ok ? [] : missing.problems).toMatchObject([
      { code: 'SCHEMA', path: '/services/0/notes/0', detail: { id: 'missingKey', key: 'clienteles' } },
    ]);
    const single = validateCatalogText(withNote('clerk'), 'x.yaml');
    expect(single.ok ? [] : single.problems).toMatchObject([{ code: 'SCHEMA', path: '/services/0/notes/0/clienteles', detail: { id: 'wrongType' } }]);
    const badId = validateCatalogText(withNote('[Clerk]'), 'x.yaml');
    // (as for a grant, an id that is not kebab-case is also no clientele's)
    expect(badId.ok ? [] : badId.problems.map((p) => [p.code, p.path])).toEqual([
      ['SCHEMA', '/services/0/notes/0/clienteles/0'],
      ['UNKNOWN_CLIENTELE', '/services/0/notes/0/clienteles/0'],
    ]);
  });

  test('every note of the shipped catalogue concerns clienteles that exist', () => {
    const result = loadCatalog(CATALOG);
    if (!result.ok) throw new Error('invalid');
    const ids = new Set(result.catalog.clienteles.map((c) => c.id));
    const linked = result.catalog.services.flatMap((s) => s.notes.flatMap((n) => n.clienteles));
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('parent chains', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { makeDeepCatalog } = require('../scripts/make-deep-catalog') as { makeDeepCatalog: (n: number, shape: 'chain' | 'flat') => string };
  type Raw = { clienteles: { id: string; parent?: string }[] };
  const problemsOf = (text: string): { code: string; detail: unknown }[] => {
    const result = validateCatalogText(text, 'deep.yaml');
    return result.ok ? [] : result.problems.map((p) => ({ code: p.code, detail: p.detail }));
  };
  const edited = (n: number, edit: (raw: Raw) => void): string => {
    const raw = parse(makeDeepCatalog(n, 'chain')) as Raw;
    edit(raw);
    return stringify(raw);
  };

  test('a chain a thousand deep is one problem, at the first clientele past the limit', () => {
    expect(MAX_PARENT_DEPTH).toBe(10);
    // m1 is a child of podiatre: m10 has 10 ancestors, m11 has 11.
    expect(problemsOf(makeDeepCatalog(1000, 'chain'))).toEqual([{ code: 'PARENT_TOO_DEEP', detail: { id: 'parentTooDeep', clientele: 'm11', limit: 10 } }]);
    expect(problemsOf(makeDeepCatalog(10, 'chain'))).toEqual([]);
    expect(problemsOf(makeDeepCatalog(1000, 'flat'))).toEqual([]);
  });

  test('two branches past the limit are reported once each', () => {
    const sibling = (id: string, parent: string) => (raw: Raw) => {
      raw.clienteles.push({ ...raw.clienteles.find((c) => c.id === 'm12')!, id, parent, name: `N ${id}`, name_en: `O ${id}` } as Raw['clienteles'][number]);
    };
    // Two heirs under the first clientele past the limit: still one problem.
    expect(problemsOf(edited(12, sibling('m12-bis', 'm11')))).toEqual([
      { code: 'PARENT_TOO_DEEP', detail: { id: 'parentTooDeep', clientele: 'm11', limit: 10 } },
    ]);
    const forked = edited(12, sibling('n11', 'm10'));
    expect(problemsOf(forked).map((p) => p.detail)).toEqual([
      { id: 'parentTooDeep', clientele: 'm11', limit: 10 },
      { id: 'parentTooDeep', clientele: 'n11', limit: 10 },
    ]);
  });

  test('a long cycle, and a long chain hanging under a cycle, are the cycle only', () => {
    const loop = edited(40, (raw) => {
      raw.clienteles.find((c) => c.id === 'm1')!.parent = 'm40';
    });
    expect(problemsOf(loop).map((p) => p.code)).toEqual(['PARENT_CYCLE']);
    const tail = edited(40, (raw) => {
      raw.clienteles.find((c) => c.id === 'm1')!.parent = 'm3';
    });
    expect(problemsOf(tail)).toEqual([{ code: 'PARENT_CYCLE', detail: { id: 'parentCycle', ids: ['m1', 'm3', 'm2', 'm1'] } }]);
  });
});

describe('validate formats', () => {
  const bad = corpusFile('unknown-clientele.yaml');

  test('--format json is one document with counts', async () => {
    const out = await runCli(['validate', CATALOG, bad, '--json']);
    expect(out.code).toBe(1);
    const doc = JSON.parse(out.stdout);
    expect(doc.counts).toEqual({ files: 2, invalid_files: 1, problems: 1 });
    expect(doc.files[1].problems[0]).toMatchObject({
      code: 'UNKNOWN_CLIENTELE',
      severity: 'error',
      line: 56,
      col: 20,
      end_line: 56,
      end_col: 25,
      path: '/services/0/grants/0/clientele',
    });
  });

  test('--format github prints escaped workflow commands, the file relative to the working directory, with the end of the range (message: snapshot)', async () => {
    const out = await runCli(['validate', bad, '--format', 'github', '--lang', 'en']);
    expect(out.code).toBe(1);
    const shown = path.relative(ROOT, bad).split(path.sep).join('/');
    expect(out.stdout.split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^::error file=${escapeRegExp(shown.replace(/:/g, '%3A').replace(/,/g, '%2C'))},line=56,col=20,endLine=56,endColumn=25,title=UNKNOWN_CLIENTELE \\(service mail\\)::.*"ghost"`,
        ),
      ),
      '',
    ]);
  });

  test('an unknown format is a usage error that lists the formats (wording: snapshot)', async () => {
    const out = await runCli(['validate', '--format', 'yaml']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('table, json, github, sarif, text');
  });
});

describe('invisible characters and lookalike names (issue 14, item 11)', () => {
  const MINIMAL = fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
  const CLERK_ALIASES = '    kind: staff\n    forms: []\n    aliases: []\n';
  const withClerkAlias = (alias: string): string => MINIMAL.replace(CLERK_ALIASES, `    kind: staff\n    forms: []\n    aliases:\n      - ${alias}\n`);
  const problemsOf = (text: string) => {
    const result = validateCatalogText(text, 'x.yaml');
    return result.ok ? [] : result.problems;
  };

  test('French typography stays valid: accents, both apostrophes, dashes, guillemets, no-break spaces, digits and parentheses', () => {
    expect(problemsOf(withClerkAlias('"Commis (1re ligne) – l’équipe d\'Œuvre « A »\u00a0: ÇA, 2\u202fe"'))).toEqual([]);
  });

  test('an invisible character is INVISIBLE_CHARACTER at the value, with its code point and its place in characters; the schema says no more there', () => {
    const problems = problemsOf(withClerkAlias('"Com\\u00ADmis 😀\\U000E0041"'));
    expect(problems).toMatchObject([
      {
        code: 'INVISIBLE_CHARACTER',
        path: '/clienteles/2/aliases/0',
        line: 43,
        col: 9,
        detail: { id: 'invisibleCharacter', at: 'clienteles[clerk].aliases.0', codePoint: 0xad, position: 4 },
      },
    ]);
    // The emoji counts as one character: the tag after it is at place 9.
    expect(problemsOf(withClerkAlias('"Commis 😀\\U000E0041"'))[0]?.detail).toMatchObject({ codePoint: 0xe0041, position: 9 });
  });

  test('a control character next to an invisible one is still the schema’s to report', () => {
    expect(problemsOf(withClerkAlias('"Com\\u00ADmis\\a"')).map((p) => p.code)).toEqual(['INVISIBLE_CHARACTER', 'SCHEMA']);
  });

  test('validate reports INVISIBLE_CHARACTER, the lookalike NAME_COLLISION and MIXED_SCRIPT in each language, the characters shown (wording: snapshot)', async () => {
    const cases = [
      ['invisible-soft-hyphen.yaml', 'INVISIBLE_CHARACTER', 'Infirm\\u{ad}ier'],
      ['collision-cyrillic-o.yaml', 'NAME_COLLISION', 'Cоurrier'],
      ['mixed-script-own-alias.yaml', 'MIXED_SCRIPT', 'U+043E'],
    ] as const;
    for (const [entry, code, shown] of cases) {
      for (const lang of ['fr', 'en']) {
        const out = await runCli(['validate', corpusFile(entry), '--lang', lang]);
        expect([entry, lang, out.code]).toEqual([entry, lang, 1]);
        expect(out.stdout).toContain(`: ${code} `);
        expect(out.stdout).toContain(shown);
      }
    }
  });

  test('a long text is quoted around its invisible character only', async () => {
    const long = `${'a'.repeat(100)}\\u200B${'b'.repeat(100)}`;
    const out = await runCli(['validate', '-'], {}, false, MINIMAL.replace('      en: Manage files.\n', `      en: "${long}"\n`));
    expect(out.stdout).toContain(frenchSpaces(`U+200B en position 101 de « …${'a'.repeat(20)}\\u{200b}${'b'.repeat(20)}… »`));
  });

  test('names that look alike collide whatever the letters: ASCII (rn for m), Greek and Cyrillic, small or capital', () => {
    const collides = (edit: [string, string]) => problemsOf(MINIMAL.replace(...edit)).map((p) => [p.code, p.detail.id]);
    // The specialised nurse, listed before the clerk, answers to "Cornmis": the clerk's "Commis" then looks like it.
    expect(collides(['    name_en: Specialised nurse\n', '    name_en: Cornmis\n'])).toEqual([['NAME_COLLISION', 'nameLookalike']]);
    expect(collides(['    name_en: Clerk\n', '    name_en: Infirrnier\n'])).toEqual([['NAME_COLLISION', 'nameLookalike']]);
    // Greek capital Nu looks like N (its small letter like v), Cyrillic small ie like e: either way round.
    expect(collides(['    name_en: Clerk\n', '    name_en: "NURS\u0395"\n'])).toEqual([['NAME_COLLISION', 'nameLookalike']]);
    expect(collides(['    name_en: Clerk\n', '    name_en: "\u039dURSE"\n'])).toEqual([['NAME_COLLISION', 'nameLookalike']]);
    expect(collides(['    name_en: Clerk\n', '    name_en: "nurs\u0435"\n'])).toEqual([['NAME_COLLISION', 'nameLookalike']]);
    // The same name once normalised stays the plain collision.
    expect(collides(['    name_en: Clerk\n', '    name_en: NURSE\n'])).toEqual([['NAME_COLLISION', 'nameCollision']]);
  });

  test('a Latin name may not hold a letter of another script, even when it collides with nothing', () => {
    expect(problemsOf(withClerkAlias('"Comm\u0456s"')).map((p) => [p.code, p.path])).toEqual([['MIXED_SCRIPT', '/clienteles/2/aliases/0']]);
    // A name wholly in another script is not mixed.
    expect(problemsOf(withClerkAlias('"Κλητήρας"'))).toEqual([]);
  });
});

describe('problems name the entry at fault by its id, and suggest the ids nearest to an unknown one (issue 20)', () => {
  const MINIMAL = fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8');
  const problems = (text: string): Problem[] => {
    const result = validateCatalogText(text, 'x.yaml');
    return result.ok ? [] : result.problems;
  };
  const messages = (text: string, lang: 'fr' | 'en' = 'en'): string[] => problems(text).map((p) => problemMessage(p, messagesFor(lang)));

  test('a SCHEMA problem names the service and the grant by their ids; its path stays a JSON pointer', () => {
    const text = MINIMAL.replace('  - id: files\n    name: Dossiers\n', '  - id: files\n    colour: blue\n    name: Dossiers\n').replace(
      '      - clientele: clerk\n        tier: request\n',
      '      - clientele: clerk\n        tier: sometimes\n',
    );
    const found = problems(text);
    expect(found.map((p) => [p.code, p.path, p.entry])).toEqual([
      ['SCHEMA', '/services/0/grants/1/tier', { kind: 'service', id: 'mail' }],
      ['SCHEMA', '/services/1/colour', { kind: 'service', id: 'files' }],
    ]);
    expect(messages(text)).toEqual([
      'services[mail].grants[clerk].tier: must be one of "creation", "request", "unspecified"',
      'services[files]: unknown key "colour"',
    ]);
  });

  test('an id used twice names no entry: the index stays', () => {
    const text = MINIMAL.replace('  - id: files\n', '  - id: mail\n').replace('    abbreviation: DOS\n', '    abbreviation: DOS\n    colour: blue\n');
    const schema = problems(text).find((p) => p.code === 'SCHEMA')!;
    expect([schema.path, schema.entry, problemMessage(schema, messagesFor('en'))]).toEqual([
      '/services/1/colour',
      undefined,
      'services.1: unknown key "colour"',
    ]);
  });

  test('a GitHub annotation: the title has the code and the entry, the message does not repeat the code', () => {
    const text = MINIMAL.replace('  - id: files\n    name: Dossiers\n', '  - id: files\n    colour: blue\n    name: Dossiers\n');
    const github = validationGithub([{ file: '/repo/x.yaml', problems: problems(text) }], {
      m: messagesFor('en'),
      lang: 'en',
      palette: makePalette(false),
      width: 80,
      lineWidth: 80,
      cwd: '/repo',
      version: '0',
      source: null,
    });
    expect(github).toBe('::error file=x.yaml,line=69,col=5,endLine=69,endColumn=11,title=SCHEMA (service files)::services[files]: unknown key "colour"\n');
  });

  test('an unknown clientele, parent or category gets the nearest ids of its kind, none when nothing is near', () => {
    const text = MINIMAL.replace('      - clientele: clerk\n', '      - clientele: clerks\n')
      .replace('    parent: nurse\n', '    parent: nurses\n')
      .replace(
        '    category: admin\n    aliases: []\n    description:\n      fr: Gérer',
        '    category: adimn\n    aliases: []\n    description:\n      fr: Gérer',
      )
      .replace('      - clientele: nurse-special\n', '      - clientele: ghost\n');
    expect(problems(text).map((p) => [p.code, 'suggestions' in p.detail ? p.detail.suggestions : null])).toEqual([
      ['UNKNOWN_PARENT', ['nurse', 'nurse-special']],
      ['UNKNOWN_CLIENTELE', ['clerk']],
      ['UNKNOWN_CATEGORY', ['admin']],
      ['UNKNOWN_CLIENTELE', []],
    ]);
    expect(messages(text)[1]).toBe('service "mail" grants access to "clerks", which is not a clientele id; did you mean: clerk');
    expect(messages(text, 'fr')[3]).toMatch(/«\u00a0ghost\u00a0», qui n’est pas un identifiant de clientèle$/);
  });

  test('an unknown clientele of a note gets them too', () => {
    const text = MINIMAL.replace(
      '    notes: []\n    sub_applications: []\n\n  - id: files\n',
      '    notes:\n      - kind: delegation\n        clienteles: [nurse-specail]\n        fr: Une note.\n        en: A note.\n    sub_applications: []\n\n  - id: files\n',
    );
    expect(problems(text).map((p) => p.detail)).toEqual([
      { id: 'unknownNoteClientele', service: 'mail', clientele: 'nurse-specail', suggestions: ['nurse-special', 'nurse'] },
    ]);
  });
});
