/**
 * Control, bidi and invisible characters (issue 14, item 12): no output carries them raw. Text shows
 * them as visible `\u{..}`; JSON writes them as `\uXXXX` escapes, so that it still parses to the very
 * same strings. The catalogue cannot hold them any more (INVISIBLE_CHARACTER), so the hostile
 * catalogue here is made in memory, past validation: the presenters must not trust their input.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findInvisible, INVISIBLE_CLASS } from '../src/catalog/invisible-characters';
import { loadCatalog } from '../src/catalog/load-catalog';
import type { Catalog } from '../src/catalog/model';
import { ASCII_CONFUSABLES, confusableTable } from '../src/catalog/normalize-name';
import { noteKindLabels } from '../src/present/labels';
import { messagesFor } from '../src/present/messages/messages';
import { makePalette, type PresentOptions } from '../src/present/options';
import { formatsFor, present } from '../src/present/formats';
import type { ResultKind, Results } from '../src/present/output-format';
import { presentBatch } from '../src/present/present-batch';
import { presentHtml } from '../src/present/present-html';
import { toJson } from '../src/present/json-output';
import { sanitizeText, stringifyJson } from '../src/present/sanitize';
import { checkAccess, findServices, findWho } from '../src/query/access';
import { buildMatrix } from '../src/query/build-matrix';
import { indexCatalog } from '../src/query/catalog-index';
import { diffCatalogs, diffNames } from '../src/query/diff-catalogs';
import { searchCatalog } from '../src/query/search-catalog';
import { showEntity } from '../src/query/show-entity';
import { corpusFile } from './corpus';
import { CATALOG, FIXTURES, ROOT, runCli } from './helpers';

/**
 * What no output may carry raw, written out here rather than taken from the code under test: C0 controls
 * but the line feed, DEL, C1 controls, bidi marks, embeddings, overrides and isolates, zero-width characters,
 * soft hyphen, line and paragraph separators, Hangul fillers, braille blank, interlinear annotation,
 * variation selectors, tags.
 */
const UNSAFE_RAW =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- the class lists single characters, some of them combining ones on purpose
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb\u{e0000}-\u{e0fff}]/u;

/** One of each kind, as issue 14 lists them: CSI and OSC (C1), BEL, DEL, bidi, zero-width, separators, soft hyphen, fillers, tags. */
const HOSTILE = '\u009b31m\u009d0;owned\u0007\u007f\u202eRLO\u061c\u200b\u200c\u200d\u2028\u2029\u00ad\u180e\u206a\u2800\u3164\ufff9\u{e0041}\u{e0042}';
const HOSTILE_CHARS = [...HOSTILE].filter((ch) => UNSAFE_RAW.test(ch));

/** Fails naming the first unsafe character of a text; CSV's CRLF is its own line break (RFC 4180), like the line feed. */
function expectNoRawUnsafe(text: string, what: string): void {
  const found = UNSAFE_RAW.exec(what.startsWith('csv') ? text.replace(/\r\n/g, '\n') : text);
  expect([what, found === null ? null : `U+${found[0].codePointAt(0)!.toString(16)} at ${found.index}`]).toEqual([what, null]);
}

/** Every string of a parsed JSON value. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
}

describe('the definition', () => {
  test('the text sanitiser shows every unsafe character of the issue as \\u{..}, and leaves French text alone', () => {
    for (const ch of HOSTILE_CHARS) expect(sanitizeText(`a${ch}b`)).toBe(`a\\u{${ch.codePointAt(0)!.toString(16)}}b`);
    expect(sanitizeText('podi\u200batre')).toBe('podi\\u{200b}atre');
    expect(sanitizeText('\ud800 lone')).toBe('\\u{d800} lone');
    const french = 'Établissement de réadaptation – « Qui a accès ? » l’IPS (1re ligne)\u00a0: œuvre, ÇA, 😀';
    expect(sanitizeText(french)).toBe(french);
  });

  test('stringifyJson escapes them as \\uXXXX (a surrogate pair beyond U+FFFF) and parses back to the same value', () => {
    const value = { name: HOSTILE, list: [HOSTILE, 'Podiatre'], n: 1, nested: { 'k\u202ey': HOSTILE } };
    for (const indent of [undefined, 2]) {
      const text = stringifyJson(value, indent);
      expectNoRawUnsafe(text, `indent ${indent}`);
      expect(JSON.parse(text)).toEqual(value);
    }
    expect(stringifyJson('\u{e0041}\u009b\u00ad')).toBe('"\\udb40\\udc41\\u009b\\u00ad"');
    // French text and emoji are not escaped: only what is unsafe.
    expect(stringifyJson('Podiatre – « é » 😀')).toBe('"Podiatre – « é » 😀"');
  });

  test("the schema's text pattern refuses exactly the control and invisible characters the validator reports in the BMP, read with or without the u flag; those beyond it are left to INVISIBLE_CHARACTER", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'catalog.schema.json'), 'utf8'));
    const texts = [new RegExp(schema.$defs.text.pattern, 'u'), new RegExp(schema.$defs.text.pattern)];
    const invisible = new RegExp(`[${INVISIBLE_CLASS}]`, 'u');
    // eslint-disable-next-line no-control-regex
    const control = /[\u0000-\u001f\u007f-\u009f]/;
    const disagree: string[] = [];
    const astral: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const refused = control.test(ch) || invisible.test(ch);
      if (refused && cp > 0xffff) astral.push(cp);
      // The schema's part: the BMP; beyond it the pattern accepts every character (as one code point, or as two surrogates).
      for (const text of texts) if (text.test(`a${ch}b`) === (refused && cp <= 0xffff)) disagree.push(`${cp.toString(16)} ${text.flags}`);
      if (disagree.length > 10) break;
    }
    expect(disagree).toEqual([]);
    // Beyond the BMP the semantic check reports each one, so the catalogue refuses the same set either way.
    expect(astral.length).toBeGreaterThan(4000);
    for (const cp of astral) expect([cp.toString(16), findInvisible(`x${String.fromCodePoint(cp)}`)?.codePoint]).toEqual([cp.toString(16), cp]);
    // The characters issue 14 names are all in the set.
    for (const cp of [
      0xad, 0x34f, 0x61c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180b, 0x180e, 0x180f, 0x200b, 0x200f, 0x202a, 0x202e, 0x2060, 0x206f, 0x2800, 0x3164, 0xffa0,
      0xfe00, 0xfe0f, 0xfeff, 0xfff0, 0xfffb, 0xe0000, 0xe0041, 0xe0fff, 0x1d173, 0x1d17a,
    ])
      expect([cp.toString(16), findInvisible(`x${String.fromCodePoint(cp)}`)]).toEqual([cp.toString(16), { codePoint: cp, position: 2 }]);
  });

  test('the ASCII part of the confusables table is the full table’s, entry for entry', () => {
    const { prototypes } = confusableTable();
    const ascii = Object.fromEntries(Object.entries(prototypes).filter(([ch]) => ch.charCodeAt(0) < 0x80));
    expect(ASCII_CONFUSABLES.prototypes).toEqual(ascii);
    for (let c = 0; c < 0x80; c++) {
      ASCII_CONFUSABLES.find.lastIndex = 0;
      expect([c, ASCII_CONFUSABLES.find.test(String.fromCharCode(c))]).toEqual([c, String.fromCharCode(c) in ascii]);
    }
  });
});

describe('presenters given a hostile catalogue (made in memory, past validation)', () => {
  const loaded = loadCatalog(path.join(FIXTURES, 'valid', 'minimal.yaml'));
  if (!loaded.ok) throw new Error('invalid fixture');
  const before = loaded.catalog;
  // Every text a person reads gets the hostile characters; ids and references stay as they are.
  const TEXT_KEYS = new Set(['name', 'name_en', 'abbreviation', 'fr', 'en', 'title', 'publisher']);
  const NAME_LISTS = new Set(['forms', 'aliases', 'terms_en', 'abbreviations', 'shared_terms']);
  const poison = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string') return TEXT_KEYS.has(key) || NAME_LISTS.has(key) ? `${value}${HOSTILE}` : value;
    if (Array.isArray(value)) return value.map((v) => poison(v, NAME_LISTS.has(key) ? key : ''));
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
    return value;
  };
  const catalog = poison(before) as Catalog;
  const index = indexCatalog(catalog);
  const nurse = index.clienteleById.get('nurse')!;
  const mail = index.serviceById.get('mail')!;
  const admin = index.categoryById.get('admin')!;

  /** A result in every format that presents it, in both languages. */
  function outputs<K extends ResultKind>(kind: K, result: Results[K]): [string, string][] {
    const out: [string, string][] = [];
    for (const lang of ['fr', 'en'] as const) {
      const o: PresentOptions = {
        m: messagesFor(lang),
        lang,
        palette: makePalette(false),
        width: 80,
        lineWidth: 80,
        cwd: ROOT,
        version: '0.0.0',
        source: catalog.source,
      };
      for (const format of formatsFor(kind)) out.push([`${format} ${lang}`, present(format, kind, result, o, null).text]);
    }
    return out;
  }

  const cases: [string, [string, string][]][] = [
    ['services', outputs('services', findServices(index, nurse))],
    ['who', outputs('who', findWho(index, mail))],
    ['can', outputs('can', checkAccess(index, index.clienteleById.get('clerk')!, mail))],
    ['list services', outputs('list', { catalog, what: 'services' })],
    ['list clienteles', outputs('list', { catalog, what: 'clienteles' })],
    ['list categories', outputs('list', { catalog, what: 'categories' })],
    ['show service', outputs('show', showEntity(index, { kind: 'service', entity: mail }))],
    ['show clientele', outputs('show', showEntity(index, { kind: 'clientele', entity: nurse }))],
    ['show category', outputs('show', showEntity(index, { kind: 'category', entity: admin }))],
    ['search', outputs('search', searchCatalog(index, 'infirmier', noteKindLabels()))],
    ['matrix', outputs('matrix', buildMatrix(index))],
    ['diff', outputs('diff', { diff: diffCatalogs(before, catalog), before: 'a.yaml', after: 'b.yaml', names: diffNames(before, catalog) })],
  ];

  test.each(cases)('%s: no format carries an unsafe character raw; JSON gives the hostile text back', (_, outs) => {
    let hostileInJson = 0;
    for (const [what, text] of outs) {
      expectNoRawUnsafe(text, what);
      if (what.startsWith('json')) hostileInJson += stringsOf(JSON.parse(text)).filter((s) => s.includes(HOSTILE)).length;
    }
    expect(hostileInJson).toBeGreaterThan(0);
  });

  test('export: JSON and the HTML page carry no unsafe character raw; the page shows them as \\u{..}', () => {
    const json = toJson({ version: 1, catalog });
    expectNoRawUnsafe(json, 'export json');
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify({ version: 1, catalog })));
    for (const lang of ['fr', 'en'] as const) {
      const html = presentHtml(
        { catalog, who: catalog.services.map((s) => findWho(index, s, { expand: true })), generated: '2025-01-01', version: '0.0.0' },
        { m: messagesFor(lang), lang },
      );
      expectNoRawUnsafe(html, `html ${lang}`);
      // In the page's data as in its markup, the bidi override is text to read, never an override.
      expect(html).toContain('\\\\u{202e}RLO');
      expect(html).toContain('\\u{202e}');
    }
  });

  test('batch: every line of NDJSON is free of raw unsafe characters and parses back to the question as typed', () => {
    const lines = [`podi${HOSTILE}atre`, '\u202eerta\u0131dop', 'podiatre\u009b2J'];
    const batch = presentBatch(
      'services',
      (text) => ({ ok: false, error: { code: 'UNKNOWN_NAME', input: text, expected: 'clientele', suggestions: [] } }),
      () => null,
      messagesFor('fr'),
    );
    const text = Buffer.concat(lines.map((l) => batch.answer({ text: l }))).toString('utf8');
    expectNoRawUnsafe(text, 'batch');
    expect(
      text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).error.input),
    ).toEqual(lines);
  });
});

describe('the real commands, given hostile input', () => {
  test('services with a zero-width space or a soft hyphen shows it in the error, in both languages', async () => {
    for (const [name, shown] of [
      ['podi\u200batre', 'podi\\u{200b}atre'],
      ['podi\u00adatre', 'podi\\u{ad}atre'],
      ['podi\u061catre', 'podi\\u{61c}atre'],
      ['podi\u2028atre', 'podi\\u{2028}atre'],
    ]) {
      for (const lang of ['fr', 'en']) {
        const out = await runCli(['--lang', lang, 'services', name!]);
        expect(out.code).toBe(2);
        expect(out.stderr).toContain(shown);
        expectNoRawUnsafe(out.stderr, `${lang} ${shown}`);
      }
    }
  });

  test('services, who and can --batch: C1 controls, bidi overrides and tags stay escaped in the NDJSON, which parses back to the lines as given', async () => {
    const lines = ['podi\u009b31matre', '\u009d0;owned\u0007', '\u202eSELAT', `podiatre${String.fromCodePoint(0xe0041)}`, 'podi\u200batre'];
    for (const command of ['services', 'who']) {
      const out = await runCli([command, '--batch'], {}, false, `${lines.join('\n')}\n`);
      expect(out.code).toBe(2);
      expectNoRawUnsafe(out.stdout, `${command} --batch`);
      const parsed = out.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(parsed.map((p) => p.error.input)).toEqual(lines);
      // The message is for people: what it quotes is visible.
      expect(parsed[0].error.message).toContain('podi\\u{9b}31matre');
    }
    const can = await runCli(['can', '--batch'], {}, false, `podi\u009b31matre\tSELAT\npodiatre\t\u202eSELAT\n`);
    expectNoRawUnsafe(can.stdout, 'can --batch');
    expect(
      can.stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l).error.line),
    ).toEqual([1, 2]);
  });

  test('validate --json, sarif and github on keys holding C1, ESC and U+202E: nothing raw, and the JSON path is the key as written', async () => {
    for (const [entry, key] of [
      ['control-bidi-in-key.yaml', '\u202eyek'],
      ['control-ansi-in-key.yaml', '\u001b[2J\u001b[31mowned'],
    ] as const) {
      const file = corpusFile(entry);
      for (const format of ['json', 'sarif', 'github', 'text']) {
        const out = await runCli(['validate', file, '--format', format]);
        expect(out.code).toBe(1);
        expectNoRawUnsafe(out.stdout, `${entry} ${format}`);
        if (format === 'json') expect(JSON.parse(out.stdout).files[0].problems[0].path).toBe(`/clienteles/2/${key}`);
      }
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-unsafe-'));
    const file = path.join(dir, 'c1.yaml');
    fs.writeFileSync(
      file,
      fs
        .readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8')
        .replace('    kind: staff\n', '    kind: staff\n    "x\\x9b2Jy\\u2028z\\U000E0041": 1\n'),
    );
    const out = await runCli(['validate', file, '--json']);
    expectNoRawUnsafe(out.stdout, 'validate --json C1 key');
    expect(JSON.parse(out.stdout).files[0].problems[0].path).toBe('/clienteles/2/x\u009b2Jy\u2028z\u{e0041}');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('check-source --json and the other formats on a page holding C1, bidi and tag characters: nothing raw; JSON keeps the page text', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-unsafe-'));
    const page = path.join(dir, 'page.txt');
    // --write records the check in the catalogue: a copy's.
    const catalog = path.join(dir, 'catalog.yaml');
    fs.copyFileSync(CATALOG, catalog);
    fs.writeFileSync(
      page,
      fs
        .readFileSync(path.join(FIXTURES, 'source', 'liste-des-services-en-ligne.txt'), 'utf8')
        .replace('- Podiatre\n- Spécialiste en chirurgie buccale', `- Podiatre${HOSTILE.replace(/[\u2028\u2029]/g, '')}\n- Spécialiste en chirurgie buccale`),
    );
    // The page reader drops zero-width characters and soft hyphens itself; the rest reaches the findings and the stub.
    const kept = '\u009b31m\u009d0;owned\u0007\u007f\u202eRLO\u061c\u180e\u206a\u2800\u3164\ufff9\u{e0041}\u{e0042}';
    for (const format of ['json', 'table', 'markdown', 'github']) {
      // The stub of the new clientele, YAML to paste, is shown by --write (which then has nothing to write) and by markdown.
      const out = await runCli(['--catalog', catalog, 'check-source', page, '--format', format, ...(format === 'table' ? ['--write'] : [])]);
      expectNoRawUnsafe(out.stdout, `check-source ${format}`);
      expectNoRawUnsafe(out.stderr, `check-source ${format} stderr`);
      if (format === 'json') expect(stringsOf(JSON.parse(out.stdout)).filter((s) => s.includes(kept)).length).toBeGreaterThanOrEqual(2);
      if (format === 'table' || format === 'markdown') expect(out.stdout).toContain('name: "Podiatre\\u{9b}31m');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
