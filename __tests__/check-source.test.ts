/**
 * check-source: the saved page against the catalogue, end to end through the CLI. The shipped copy and its two
 * HTML forms agree; copies mutated one way each are reported with both line numbers and exit 1; a page that is
 * not the list exits 3; --write applies what it can and nothing else, in canonical form.
 */
import { diffLines } from 'diff';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../src/catalog/load-catalog';
import { readAccessLists, readSourcePage } from '../src/page/source-page';
import { CATALOG, FIXTURES, frenchSpaces, runBin, runCli } from './helpers';

const SOURCE = path.join(FIXTURES, 'source');
const COPY = path.join(SOURCE, 'liste-des-services-en-ligne.txt');
const HTML = path.join(SOURCE, 'liste-des-services-en-ligne.html');
const HTML_DIV = path.join(SOURCE, 'liste-des-services-en-ligne-div.html');
const NOT_FOUND = path.join(SOURCE, 'page-introuvable.html');
const TEXT = fs.readFileSync(COPY, 'utf8');
const CATALOG_TEXT = fs.readFileSync(CATALOG, 'utf8');
// 2026-01-15 (UTC): the day --write records in these tests.
const DAY = { SOURCE_DATE_EPOCH: '1768435200' };

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-check-source-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));
let serial = 0;

/** Writes a file under the temporary folder and returns its path. */
function temp(name: string, content: string): string {
  const file = path.join(TMP, `${serial++}-${name}`);
  fs.writeFileSync(file, content);
  return file;
}

/** The text with `find` replaced once by `replacement` (which must be found exactly once). */
function mutate(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  if (at === -1 || text.indexOf(find, at + 1) !== -1) throw new Error(`"${find}" is not in the text exactly once`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

/** 1-based line of the first line of `text` equal to `line` at or after line `from`. */
function lineOf(text: string, line: string, from = 1): number {
  const lines = text.split(/\r?\n/);
  for (let i = from - 1; i < lines.length; i++) if (lines[i] === line) return i + 1;
  throw new Error(`no line "${line}" after ${from}`);
}

/** The catalogue's line of a service's entry, and of one of its grants. */
const serviceLine = (id: string): number => lineOf(CATALOG_TEXT, `  - id: ${id}`);
const grantLine = (service: string, clientele: string): number => lineOf(CATALOG_TEXT, `      - clientele: ${clientele}`, serviceLine(service));
const grantsKeyLine = (service: string): number => lineOf(CATALOG_TEXT, '    grants:', serviceLine(service));

interface FindingJson {
  kind: string;
  page_line: number | null;
  catalog_line: number | null;
  service: string | null;
  clientele: string | null;
  page_tier: string | null;
  catalog_tier: string | null;
  page_condition: string | null;
  applicable: boolean;
  message: string;
}
interface ReportJson {
  form: string;
  agrees: boolean;
  sha256: string;
  recorded: { checked: string | null; sha256: string | null; same_text: boolean | null };
  counts: { lists: number; items: number; matched: number; findings: number; applicable: number };
  findings: FindingJson[];
  stubs: { entry: string; name: string; yaml: string }[];
  write: { written: boolean; applied: number; recorded_check: boolean } | null;
}

async function check(page: string, extra: string[] = [], env: Record<string, string> = {}): Promise<{ code: number; json: ReportJson; stderr: string }> {
  const out = await runCli(['check-source', page, '--json', ...extra], env);
  return { code: out.code, json: JSON.parse(out.stdout) as ReportJson, stderr: out.stderr };
}

describe('the shipped copy and its HTML forms', () => {
  test('the shipped copy: exit 0, the catalogue agrees with all 116 list items, one to one', async () => {
    const out = await runCli(['check-source', COPY, '--catalog', CATALOG]);
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toContain(
      frenchSpaces('Le catalogue concorde avec la page sur tous ses éléments de liste : 116 éléments dans 22 listes « Qui a accès ».'),
    );
    const en = await runCli(['check-source', COPY, '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('The catalogue agrees with the page on all its list items: 116 items in 22 "Qui a accès" lists.');
    const { json } = await check(COPY);
    // 116 items each exactly one grant, no grant unlisted or listed twice, and 116 grants: a one-to-one match.
    expect(json.counts).toEqual({ lists: 22, items: 116, matched: 116, findings: 0, applicable: 0, unranked: 0 });
    expect(json.findings).toEqual([]);
    const grants = (CATALOG_TEXT.match(/^ {6}- clientele: /gm) ?? []).length;
    expect(grants).toBe(116);
  });

  test.each([
    ['semantic markup', HTML],
    ['a <div> layout', HTML_DIV],
  ])('the page saved as HTML (%s) reads as the copy: exit 0, the same counts and checksum', async (_name, file) => {
    const { code, json } = await check(file);
    expect(code).toBe(0);
    expect(json.form).toBe('html');
    expect(json.counts).toEqual({ lists: 22, items: 116, matched: 116, findings: 0, applicable: 0, unranked: 0 });
    expect(json.sha256).toBe((await check(COPY)).json.sha256);
    // and the lines are the copy's, line for line
    const lines = (p: ReturnType<typeof readSourcePage>): string[] => p.lines.map((l) => (l.item ? `- ${l.text}` : l.text));
    expect(lines(readSourcePage(fs.readFileSync(file, 'utf8')))).toEqual(TEXT.split('\n'));
  });

  test("the checksum is the copy's own SHA-256, as sha256sum gives it", async () => {
    const { createHash } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    expect((await check(COPY)).json.sha256).toBe(createHash('sha256').update(fs.readFileSync(COPY)).digest('hex'));
  });

  test('the HTML fixtures are what make-html.js makes of the copy', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { pages } = require(path.join(SOURCE, 'make-html.js')) as { pages: () => Record<string, string | Buffer> };
    for (const [name, content] of Object.entries(pages()))
      expect([name, Buffer.from(content).equals(fs.readFileSync(path.join(SOURCE, name)))]).toEqual([name, true]);
  });

  test('the page on standard input ("-"), text or HTML', async () => {
    expect((await runCli(['check-source', '-'], {}, false, TEXT)).code).toBe(0);
    expect((await runCli(['check-source', '-'], {}, false, fs.readFileSync(HTML_DIV, 'utf8'))).code).toBe(0);
  });

  test('through the real binary, from another folder', () => {
    const out = runBin(['check-source', COPY], { cwd: TMP });
    expect([out.code, out.stderr]).toEqual([0, '']);
    expect(out.stdout).toContain('116');
  });
});

describe('pages that are not the list: exit 3 (or 2 for no such file), one line on stderr, nothing on stdout', () => {
  test.each([
    ['an error page saved by mistake', NOT_FOUND, 3],
    ['an empty file', temp('vide.txt', ''), 3],
    ['a file of blank lines', temp('blanc.txt', '\n \n\t\n'), 3],
    ['a login page', temp('connexion.html', '<!DOCTYPE html><html><body><h1>Connexion</h1><form><label>Code d’utilisateur</label></form></body></html>'), 3],
    [
      'the page without its lists',
      temp(
        'prose.txt',
        TEXT.split('\n')
          .filter((l) => !l.startsWith('Qui a accès'))
          .join('\n'),
      ),
      3,
    ],
    ['bytes that are not text', temp('binaire.txt', 'a\u0000b'), 3],
    ['no such file', path.join(TMP, 'absente.txt'), 2],
    ['a directory', TMP, 74],
  ])('%s', async (_name, file, code) => {
    for (const lang of ['fr', 'en']) {
      const out = await runCli(['check-source', file, '--lang', lang]);
      expect([out.code, out.stdout, out.stderr.trimEnd().split('\n').length]).toEqual([code, '', 1]);
      expect(out.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await runCli(['check-source', NOT_FOUND])).stderr).toContain(frenchSpaces('aucune liste « Qui a accès »'));
    expect((await runCli(['check-source', NOT_FOUND, '--lang', 'en'])).stderr).toContain('holds no "Qui a accès" list');
  });

  test('an invalid catalogue exits 3; the page and the catalogue cannot both be standard input (exit 2)', async () => {
    const bad = path.join(FIXTURES, 'bad', 'unknown-clientele.yaml');
    expect((await runCli(['check-source', COPY, '--catalog', bad])).code).toBe(3);
    const both = await runCli(['--catalog', '-', 'check-source', '-'], {}, false, CATALOG_TEXT);
    expect([both.code, both.stderr.trimEnd().split('\n').length]).toEqual([2, 1]);
  });
});

// Each mutation of the copy: what it changes, and the finding it must give (kind, service, clientele, page line, catalogue line).
interface Mutation {
  name: string;
  page: string;
  expected: Partial<FindingJson>[];
}

const heading = (text: string, q: string): number => lineOf(text, q);
const MESSAGERIE = 'Qui a accès à la messagerie sécurisée?';

const MUTATIONS: Mutation[] = (() => {
  const dropped = mutate(
    TEXT,
    '- Podiatre\n- Spécialiste en chirurgie buccale et maxillo-faciale\nClientèles qui peuvent demander l’accès au service\n- Audioprothésiste',
    '- Spécialiste en chirurgie buccale et maxillo-faciale\nClientèles qui peuvent demander l’accès au service\n- Audioprothésiste',
  );
  const moved = mutate(
    TEXT,
    'Clientèles qui peuvent accéder au service à la création de leur compte\n- Médecin spécialiste\nClientèles qui peuvent demander l’accès au service\n',
    'Clientèles qui peuvent accéder au service à la création de leur compte\nClientèles qui peuvent demander l’accès au service\n- Médecin spécialiste\n',
  );
  const added = mutate(TEXT, '- Personnel administratif\nLe service en ligne Plans', '- Personnel administratif\n- Podiatre\nLe service en ligne Plans');
  const condition = mutate(TEXT, '- Oculariste (accès aux états de compte seulement)', '- Oculariste (accès aux états de compte et aux relevés seulement)');
  const gmf = mutate(TEXT, 'omnipraticienne membre d’un GMF', 'omnipraticienne membre d’un GMF ou d’un GMF-U');
  const newService = `${TEXT}\nCe service en ligne vous permet de consulter vos relevés de paiement.\nQui a accès au service en ligne Relevés de paiement?\nClientèles qui peuvent accéder au service à la création de leur compte\n- Médecin spécialiste\n- Médecin vétérinaire`;
  const renamed = mutate(TEXT, 'Qui a accès au service en ligne PREM?', 'Qui a accès au service en ligne Effectifs médicaux?');
  const newClientele = mutate(
    TEXT,
    '- Oculariste\n- Personnel administratif\nVous pouvez utiliser',
    '- Oculariste\n- Orthésiste du pied\n- Personnel administratif\nVous pouvez utiliser',
  );
  const repeated = mutate(TEXT, '- Podiatre\n- Spécialiste chirurgie buccale', '- Podiatre\n- Podiatre\n- Spécialiste chirurgie buccale');
  const gamfRenamedTier = mutate(TEXT, 'Qui a accès au GAMF?\nClientèles qui peuvent accéder', 'Qui a accès au GAMF?\nClientèles pouvant accéder');
  return [
    {
      name: 'an item dropped',
      page: dropped,
      expected: [
        {
          kind: 'grant-not-on-page',
          service: 'messagerie-securisee',
          clientele: 'podiatre',
          page_line: heading(dropped, MESSAGERIE),
          catalog_line: grantLine('messagerie-securisee', 'podiatre'),
          catalog_tier: 'creation',
        },
      ],
    },
    {
      name: 'an item moved from creation to request',
      page: moved,
      expected: [
        {
          kind: 'tier-differs',
          service: 'procreation-medicalement-assistee',
          clientele: 'medecin-specialiste',
          page_line: lineOf(moved, '- Médecin spécialiste', heading(moved, 'Qui a accès au service en ligne PMA?')),
          catalog_line: grantLine('procreation-medicalement-assistee', 'medecin-specialiste'),
          page_tier: 'request',
          catalog_tier: 'creation',
        },
      ],
    },
    {
      name: 'a clientele added to a list',
      page: added,
      expected: [
        {
          kind: 'grant-not-in-catalogue',
          service: 'facturacte',
          clientele: 'podiatre',
          page_line: lineOf(added, '- Podiatre', heading(added, 'Qui a accès à FacturActe?')),
          catalog_line: grantsKeyLine('facturacte'),
          page_tier: 'request',
        },
      ],
    },
    {
      name: 'a condition changed',
      page: condition,
      expected: [
        {
          kind: 'condition-differs',
          service: 'messagerie-securisee',
          clientele: 'oculariste',
          page_line: lineOf(condition, '- Oculariste (accès aux états de compte et aux relevés seulement)'),
          catalog_line: grantLine('messagerie-securisee', 'oculariste'),
          page_condition: 'accès aux états de compte et aux relevés seulement',
        },
      ],
    },
    {
      name: 'a condition written after the name changed',
      page: gmf,
      expected: [
        {
          kind: 'condition-differs',
          service: 'inscription-clientele-gmf',
          clientele: 'medecin-omnipraticien',
          page_line: lineOf(gmf, '- Médecin omnipraticien ou omnipraticienne membre d’un GMF ou d’un GMF-U'),
          catalog_line: grantLine('inscription-clientele-gmf', 'medecin-omnipraticien'),
          page_condition: 'membre d’un GMF ou d’un GMF-U',
        },
      ],
    },
    {
      name: 'a new service block (with a new clientele in it)',
      page: newService,
      expected: [
        {
          kind: 'new-service',
          service: null,
          page_line: heading(newService, 'Qui a accès au service en ligne Relevés de paiement?'),
          catalog_line: serviceLine('inscription-clientele-gmf'),
        },
        {
          kind: 'new-clientele',
          clientele: null,
          page_line: lineOf(newService, '- Médecin vétérinaire'),
          catalog_line: serviceLine('inscription-clientele-gmf'),
        },
      ],
    },
    {
      name: 'a renamed heading',
      page: renamed,
      expected: [
        { kind: 'service-not-on-page', service: 'prem', page_line: lineOf(renamed, 'Facturation et rémunération'), catalog_line: serviceLine('prem') },
        { kind: 'new-service', page_line: heading(renamed, 'Qui a accès au service en ligne Effectifs médicaux?'), catalog_line: serviceLine('facturacte') },
      ],
    },
    {
      name: 'a clientele the catalogue does not know, in a known list',
      page: newClientele,
      expected: [{ kind: 'new-clientele', service: 'selat', page_line: lineOf(newClientele, '- Orthésiste du pied'), catalog_line: grantsKeyLine('selat') }],
    },
    {
      name: 'one clientele listed twice',
      page: repeated,
      expected: [
        {
          kind: 'repeated-item',
          service: 'liste-medicaments',
          clientele: 'podiatre',
          page_line: lineOf(
            repeated,
            '- Podiatre',
            lineOf(repeated, '- Podiatre', heading(repeated, 'Qui a accès au service Consultation électronique de la Liste des médicaments?')) + 1,
          ),
          catalog_line: grantLine('liste-medicaments', 'podiatre'),
        },
      ],
    },
    {
      name: 'a renamed tier sub-heading (the list it heads is no longer read)',
      page: gamfRenamedTier,
      expected: [
        {
          kind: 'grant-not-on-page',
          service: 'gamf',
          clientele: 'medecin-omnipraticien',
          page_line: heading(gamfRenamedTier, 'Qui a accès au GAMF?'),
          catalog_line: grantLine('gamf', 'medecin-omnipraticien'),
        },
        {
          kind: 'grant-not-on-page',
          service: 'gamf',
          clientele: 'ips-premiere-ligne',
          page_line: heading(gamfRenamedTier, 'Qui a accès au GAMF?'),
          catalog_line: grantLine('gamf', 'ips-premiere-ligne'),
        },
        {
          kind: 'grant-not-on-page',
          service: 'gamf',
          clientele: 'personnel-administratif',
          page_line: heading(gamfRenamedTier, 'Qui a accès au GAMF?'),
          catalog_line: grantLine('gamf', 'personnel-administratif'),
        },
        // ... and the items no list holds any more, under the renamed sub-heading and under the known one that follows it
        {
          kind: 'stray-items',
          service: 'gamf',
          page_line: lineOf(gamfRenamedTier, 'Clientèles pouvant accéder au service à la création de leur compte'),
          catalog_line: serviceLine('gamf'),
        },
        {
          kind: 'stray-items',
          service: 'gamf',
          page_line: lineOf(gamfRenamedTier, 'Clientèles qui peuvent demander l’accès au service', heading(gamfRenamedTier, 'Qui a accès au GAMF?')),
          catalog_line: serviceLine('gamf'),
        },
      ],
    },
  ];
})();

describe('mutated copies: each difference with its page line and its catalogue line, exit 1', () => {
  test.each(MUTATIONS.map((m) => [m.name, m] as const))('%s', async (_name, mutation) => {
    const file = temp('page.txt', mutation.page);
    const { code, json } = await check(file);
    expect(code).toBe(1);
    expect(json.agrees).toBe(false);
    expect(json.findings.map((f) => f.kind).sort()).toEqual(mutation.expected.map((e) => e.kind).sort());
    for (const expected of mutation.expected) expect(json.findings).toContainEqual(expect.objectContaining(expected));
    for (const f of json.findings) expect([f.kind, f.page_line !== null && f.catalog_line !== null]).toEqual([f.kind, true]);
    // Both languages say it, each with both line numbers.
    for (const [lang, page, cat, colon] of [
      ['fr', 'page l. ', 'catalogue l. ', frenchSpaces(' : ')],
      ['en', 'page line ', 'catalogue line ', ': '],
    ] as const) {
      const out = await runCli(['check-source', file, '--lang', lang]);
      expect(out.code).toBe(1);
      for (const f of json.findings) expect(out.stdout).toContain(`${page}${f.page_line}, ${cat}${f.catalog_line}${colon}`);
    }
  });

  test('the same mutation in an HTML page gives the line of the HTML file where the element starts', async () => {
    const html = fs.readFileSync(HTML, 'utf8');
    const line = html.split('\n').findIndex((l) => l.includes('<li>Hygi&eacute;niste dentaire') || l.includes('<li>Hygiéniste dentaire')) + 1;
    expect(line).toBeGreaterThan(0);
    const dropped = html.replace(/<li>Hygi(&eacute;|é)niste dentaire[^\n]*\n/, '');
    const moved = html.split('\n');
    // The item's text on a line of its own, inside an <li> that starts two lines above: the <li>'s line counts.
    moved.splice(
      line - 1,
      1,
      '    <li class="x"',
      '      data-a="1">',
      '      Hygi&eacute;niste&nbsp;<strong>dentaire</strong> <b>(accès aux états de compte seulement)</b></li>',
    );
    const a = (await check(temp('page.html', dropped))).json;
    expect(a.findings).toEqual([expect.objectContaining({ kind: 'grant-not-on-page', clientele: 'hygieniste-dentaire', service: 'messagerie-securisee' })]);
    expect(a.findings[0]!.page_line).toBe(html.split('\n').findIndex((l) => l.includes('messagerie s')) + 1);
    const b = (await check(temp('page.html', moved.join('\n')))).json;
    expect(b.findings).toEqual([
      expect.objectContaining({
        kind: 'condition-differs',
        clientele: 'hygieniste-dentaire',
        page_line: line,
        page_condition: 'accès aux états de compte seulement',
      }),
    ]);
  });

  test('formats: markdown for an issue, github annotations on the catalogue, each finding once', async () => {
    const file = temp('page.txt', MUTATIONS[1]!.page);
    const md = await runCli(['check-source', file, '--format', 'markdown', '--lang', 'en']);
    expect(md.code).toBe(1);
    expect(md.stdout).toMatch(/^### ramq-access check-source: `/);
    expect(md.stdout).toContain('| Page | Catalogue | | Difference |');
    expect(md.stdout).toContain(`| ${MUTATIONS[1]!.expected[0]!.page_line} | ${MUTATIONS[1]!.expected[0]!.catalog_line} | \`~\` |`);
    const gh = await runCli(['check-source', file, '--format', 'github', '--catalog', path.relative(process.cwd(), CATALOG), '--lang', 'en']);
    expect(gh.code).toBe(1);
    expect(gh.stdout.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(`^::error file=catalog\\.yaml,line=${MUTATIONS[1]!.expected[0]!.catalog_line},title=check-source tier-differs::.*\\(page .*, line \\d+\\)$`),
      ),
    ]);
    // in agreement: no annotation at all
    expect((await runCli(['check-source', COPY, '--format', 'github'])).stdout).toBe('');
    // a new entry's stub travels with the markdown and the JSON; the table announces it
    const withStub = temp('page.txt', MUTATIONS[5]!.page);
    expect((await runCli(['check-source', withStub, '--format', 'markdown'])).stdout).toContain(
      '```yaml\n  - id: releves-de-paiement\n    name: Relevés de paiement\n',
    );
    expect((await runCli(['check-source', withStub])).stdout).toContain('--write affiche 2 gabarits');
  });
});

/** A copy of the shipped catalogue in the temporary folder. */
function catalogCopy(text = CATALOG_TEXT): string {
  return temp('catalog.yaml', text);
}

/** The lines a text diff adds and removes. */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const added: string[] = [];
  const removed: string[] = [];
  for (const part of diffLines(before, after)) {
    const lines = part.value.replace(/\n$/, '').split('\n');
    if (part.added) added.push(...lines);
    if (part.removed) removed.push(...lines);
  }
  return { added, removed };
}

/** The catalogue's text without a record of its last check, as an older catalogue has it. */
function withoutRecord(text: string): string {
  return text.replace(/^ {2}(checked|sha256|etag|last_modified): .*\n/gm, '');
}

describe('--write', () => {
  // The grant changes each grant-level mutation must make: the meaning-level diff (ramq-access diff) and the text lines.
  const cases: [string, number, { changes: unknown[]; added: string[]; removed: string[] }][] = [
    [
      'an item dropped',
      0,
      {
        changes: [{ type: 'grant-removed', service: 'messagerie-securisee', clientele: 'podiatre', tier: 'creation', conditions: [] }],
        added: [],
        removed: ['      - clientele: podiatre', '        tier: creation', '        conditions: []'],
      },
    ],
    [
      'an item moved from creation to request',
      1,
      {
        changes: [{ type: 'tier-changed', service: 'procreation-medicalement-assistee', clientele: 'medecin-specialiste', from: 'creation', to: 'request' }],
        added: ['        tier: request'],
        removed: ['        tier: creation'],
      },
    ],
    [
      'a clientele added to a list',
      2,
      {
        changes: [{ type: 'grant-added', service: 'facturacte', clientele: 'podiatre', tier: 'request', conditions: [] }],
        added: ['      - clientele: podiatre', '        tier: request', '        conditions: []'],
        removed: [],
      },
    ],
    [
      'a condition changed',
      3,
      {
        changes: [
          {
            type: 'conditions-changed',
            service: 'messagerie-securisee',
            clientele: 'oculariste',
            added: [{ fr: 'accès aux états de compte et aux relevés seulement', en: 'accès aux états de compte et aux relevés seulement' }],
            removed: [{ fr: 'accès aux états de compte seulement', en: 'statements of account only' }],
          },
        ],
        added: ['          - fr: accès aux états de compte et aux relevés seulement', '            en: accès aux états de compte et aux relevés seulement'],
        removed: ['          - fr: accès aux états de compte seulement', '            en: statements of account only'],
      },
    ],
  ];

  test.each(cases)('%s: applied, then check-source exits 0, fmt --check passes, and diff shows exactly that change', async (_name, index, expected) => {
    const before = withoutRecord(CATALOG_TEXT);
    const catalog = catalogCopy(before);
    const page = temp('page.txt', MUTATIONS[index]!.page);
    const written = await runCli(['check-source', page, '--catalog', catalog, '--write'], DAY);
    expect(written.code).toBe(0);
    expect(written.stderr).toContain(frenchSpaces('1 changement d’accès appliqué ; vérification notée'));
    const after = fs.readFileSync(catalog, 'utf8');
    expect((await runCli(['check-source', page, '--catalog', catalog])).code).toBe(0);
    expect((await runCli(['fmt', '--check', catalog])).code).toBe(0);
    const meaning = JSON.parse((await runCli(['diff', CATALOG, catalog, '--json'])).stdout) as { changes: unknown[] };
    // the grant change, and the new record of the check (diff reports a change to source)
    const sha = (await check(page)).json.sha256;
    const shipped = loadCatalog(CATALOG);
    if (!shipped.ok) throw new Error('invalid');
    expect(meaning.changes).toEqual([
      { type: 'source-changed', field: 'checked', from: shipped.catalog.source.checked, to: '2026-01-15' },
      { type: 'source-changed', field: 'sha256', from: shipped.catalog.source.sha256, to: sha },
      ...expected.changes,
    ]);
    // the text: the grant's lines and the record of this check, nothing else
    const lines = changedLines(before, after);
    expect(lines.removed.sort()).toEqual([...expected.removed].sort());
    expect(lines.added.sort()).toEqual([...expected.added, '  checked: "2026-01-15"', `  sha256: ${sha}`].sort());
    // comments stay
    expect(after.split('\n').filter((l) => l.startsWith('#'))).toEqual(before.split('\n').filter((l) => l.startsWith('#')));
  });

  test('a condition the catalogue has in no grant is written in French in both languages, and stderr says to translate it', async () => {
    const catalog = catalogCopy();
    const out = await runCli(['check-source', temp('page.txt', MUTATIONS[3]!.page), '--catalog', catalog, '--write', '--lang', 'en'], DAY);
    expect(out.code).toBe(0);
    expect(out.stderr).toContain('Messagerie sécurisée / Oculariste: the condition exists in French only');
  });

  test('several differences at once are all applied, in the order of the page', async () => {
    let page = MUTATIONS[2]!.page;
    page = mutate(
      page,
      '- Podiatre\n- Spécialiste en chirurgie buccale et maxillo-faciale\nClientèles qui peuvent demander l’accès au service\n- Audioprothésiste',
      '- Spécialiste en chirurgie buccale et maxillo-faciale\nClientèles qui peuvent demander l’accès au service\n- Audioprothésiste',
    );
    page = mutate(
      page,
      '- Denturologiste\n- Hygiéniste dentaire\n- Médecin omnipraticien ou omnipraticienne\n- Médecin spécialiste\n- Optométriste\n- Spécialiste en chirurgie buccale et maxillo-faciale\nClientèles qui peuvent demander l’accès au service\n- Personnel administratif\n- Podiatre\n',
      '- Denturologiste\n- Hygiéniste dentaire\n- Médecin spécialiste\n- Optométriste\n- Spécialiste en chirurgie buccale et maxillo-faciale\nClientèles qui peuvent demander l’accès au service\n- Médecin omnipraticien ou omnipraticienne\n- Personnel administratif\n- Podiatre\n',
    );
    const file = temp('page.txt', page);
    expect((await check(file)).json.findings.map((f) => f.kind)).toEqual(['grant-not-on-page', 'tier-differs', 'grant-not-in-catalogue']);
    const catalog = catalogCopy();
    expect((await runCli(['check-source', file, '--catalog', catalog, '--write'], DAY)).code).toBe(0);
    expect((await runCli(['check-source', file, '--catalog', catalog])).code).toBe(0);
    const who = JSON.parse((await runCli(['--catalog', catalog, 'who', 'facturacte', '--json'])).stdout) as {
      access: { clientele: { id: string }; tier: string }[];
    };
    expect(who.access.filter((a) => a.tier === 'request').map((a) => a.clientele.id)).toEqual(['medecin-omnipraticien', 'personnel-administratif', 'podiatre']);
  });

  test('a new service: nothing is written, a stub to fill in is printed, exit 1; filled in, the next --write adds its grants', async () => {
    const page = temp('page.txt', mutate(MUTATIONS[5]!.page, '- Médecin vétérinaire', '- Podiatre'));
    const catalog = catalogCopy();
    const out = await runCli(['check-source', page, '--catalog', catalog, '--write']);
    expect(out.code).toBe(1);
    expect(fs.readFileSync(catalog, 'utf8')).toBe(CATALOG_TEXT);
    expect(out.stderr).toContain('laissé tel quel');
    expect(out.stdout).toContain(
      frenchSpaces('# Service « Relevés de paiement »\n') + '  - id: releves-de-paiement\n    name: Relevés de paiement\n    name_en: ""\n',
    );
    const stub = /\n( {2}- id: releves-de-paiement\n(?: {4}.*\n)+)/.exec(out.stdout)![1]!;
    // The stub's blanks fail validation until someone fills them in.
    const pasted = `${CATALOG_TEXT.trimEnd()}\n\n${stub}`;
    expect((await runCli(['validate', temp('catalog.yaml', pasted)])).code).toBe(1);
    const filled = pasted
      .replace('name_en: ""', 'name_en: Payment statements')
      .replace('fr: ""', 'fr: Consulter ses relevés de paiement.')
      .replace('en: ""', 'en: See payment statements.');
    const next = catalogCopy(filled);
    expect((await runCli(['validate', next])).code).toBe(0);
    const second = await runCli(['check-source', page, '--catalog', next, '--write'], DAY);
    expect([second.code, second.stderr]).toEqual([0, expect.stringContaining('2 changements d’accès appliqués')]);
    const who = JSON.parse((await runCli(['--catalog', next, 'who', 'releves-de-paiement', '--json'])).stdout) as {
      access: { clientele: { id: string }; tier: string }[];
    };
    expect(who.access.map((a) => [a.clientele.id, a.tier])).toEqual([
      ['medecin-specialiste', 'creation'],
      ['podiatre', 'creation'],
    ]);
  });

  test('a new clientele: a stub under clienteles:, nothing written (a grant that seems dropped may be a renamed clientele)', async () => {
    const page = mutate(
      TEXT,
      '- Podiatre\n- Spécialiste en chirurgie buccale et maxillo-faciale\nClientèles qui peuvent demander l’accès au service\n- Audioprothésiste',
      '- Podiatre ou podiatre-chef\n- Spécialiste en chirurgie buccale et maxillo-faciale\nClientèles qui peuvent demander l’accès au service\n- Audioprothésiste',
    );
    const catalog = catalogCopy();
    const out = await runCli(['check-source', temp('page.txt', page), '--catalog', catalog, '--write', '--json']);
    expect(out.code).toBe(1);
    const json = JSON.parse(out.stdout) as ReportJson;
    expect(json.findings.map((f) => [f.kind, f.applicable])).toEqual([
      ['grant-not-on-page', false],
      ['new-clientele', false],
    ]);
    expect(json.stubs).toEqual([
      {
        entry: 'clientele',
        name: 'Podiatre ou podiatre-chef',
        yaml: expect.stringContaining('  - id: podiatre-ou-podiatre-chef\n    name: Podiatre ou podiatre-chef\n    name_en: ""\n    kind: ""\n'),
      },
    ]);
    expect(json.write).toEqual({ written: false, applied: 0, recorded_check: false });
    expect(fs.readFileSync(catalog, 'utf8')).toBe(CATALOG_TEXT);
  });

  test('a repeated item is left to a person; the grant-level findings beside it are applied, and the check is not recorded', async () => {
    const page = mutate(
      MUTATIONS[8]!.page,
      '- Podiatre\n- Spécialiste en chirurgie buccale et maxillo-faciale\nClientèles qui peuvent demander l’accès au service\n- Audioprothésiste',
      '- Spécialiste en chirurgie buccale et maxillo-faciale\nClientèles qui peuvent demander l’accès au service\n- Audioprothésiste',
    );
    const catalog = catalogCopy(withoutRecord(CATALOG_TEXT));
    const out = await runCli(['check-source', temp('page.txt', page), '--catalog', catalog, '--write']);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('1 changement d’accès appliqué\n');
    expect(out.stderr).toContain('1 différence reste à régler à la main');
    expect(fs.readFileSync(catalog, 'utf8')).not.toContain('  checked:');
  });

  test('on the unchanged page it records the day and the checksum once; again, it writes nothing', async () => {
    const catalog = catalogCopy(withoutRecord(CATALOG_TEXT));
    const first = await runCli(['check-source', COPY, '--catalog', catalog, '--write'], DAY);
    expect([first.code, first.stderr]).toEqual([
      0,
      expect.stringContaining(frenchSpaces('0 changement d’accès appliqué ; vérification notée (source.checked, source.sha256)')),
    ]);
    const text = fs.readFileSync(catalog, 'utf8');
    expect(text).toContain(`\n  checked: "2026-01-15"\n  sha256: ${(await check(COPY)).json.sha256}\n`);
    expect(changedLines(withoutRecord(CATALOG_TEXT), text).removed).toEqual([]);
    const second = await runCli(['check-source', HTML, '--catalog', catalog, '--write'], DAY);
    expect([second.code, second.stderr]).toEqual([0, expect.stringContaining('rien à changer')]);
    expect(fs.readFileSync(catalog, 'utf8')).toBe(text);
    expect((await check(HTML, ['--catalog', catalog])).json.recorded).toEqual({
      checked: '2026-01-15',
      sha256: (await check(COPY)).json.sha256,
      same_text: true,
    });
    expect((await runCli(['check-source', COPY, '--catalog', catalog])).stdout).toContain(
      frenchSpaces('Texte de la page : le même que lors de la vérification du 2026-01-15.'),
    );
    // a page whose text changed (a paragraph) but whose lists agree: still exit 0, and the report says the text changed
    const prose = temp('page.txt', mutate(TEXT, 'Au besoin, consultez le Guide d’utilisation.', 'Au besoin, consultez le nouveau Guide d’utilisation.'));
    const changed = await runCli(['check-source', prose, '--catalog', catalog]);
    expect([changed.code, changed.stdout]).toEqual([0, expect.stringContaining('il a changé depuis la vérification du 2026-01-15')]);
  });

  test("without SOURCE_DATE_EPOCH the day recorded is today's", async () => {
    const catalog = catalogCopy(withoutRecord(CATALOG_TEXT));
    expect((await runCli(['check-source', COPY, '--catalog', catalog, '--write'])).code).toBe(0);
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(fs.readFileSync(catalog, 'utf8')).toContain(`  checked: "${today}"\n`);
  });

  test('--write cannot write a catalogue read from standard input (exit 2, and where the help is)', async () => {
    const out = await runCli(['--catalog', '-', 'check-source', COPY, '--write'], {}, false, CATALOG_TEXT);
    expect([out.code, out.stdout, out.stderr.trimEnd().split('\n').length]).toEqual([2, '', 2]);
  });
});

test('as a library: readSourcePage and checkSource, the same answer as the command', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require('../src/index') as typeof import('../src/index');
  const catalog = lib.openCatalog(CATALOG);
  expect(lib.checkSource(catalog, lib.readSourcePage(fs.readFileSync(HTML_DIV, 'utf8')), () => null)).toMatchObject({
    lists: 22,
    items: 116,
    matched: 116,
    findings: [],
  });
  const moved = lib.checkSource(catalog, lib.readSourcePage(MUTATIONS[1]!.page), () => null);
  expect(moved.findings.map((f) => [f.kind, f.service?.id, f.clientele?.id, f.catalogLine])).toEqual([
    ['tier-differs', 'procreation-medicalement-assistee', 'medecin-specialiste', null],
  ]);
  expect(lib.FINDING_KINDS).toContain('stray-items');
});

describe('reading a saved page', () => {
  const lines = (text: string): string[] => readSourcePage(text).lines.map((l) => `${l.line}:${l.item ? '- ' : ''}${l.text}`);

  test('a text copy: one line each, list items marked "- ", spaces collapsed, blank lines and CR dropped, line numbers kept', () => {
    expect(lines('Titre\r\n\r\n  Qui a\u00a0accès  au SAHI?\r\n- Podiatre \r\n• Denturologiste\r\n')).toEqual([
      '1:Titre',
      '3:Qui a accès au SAHI?',
      '4:- Podiatre',
      '5:- Denturologiste',
    ]);
    expect(readSourcePage('Titre').form).toBe('text');
  });

  test('HTML is told from its content, a byte-order mark or a comment first included', () => {
    for (const start of ['<!DOCTYPE html>', '\ufeff<html>', '  <!-- saved from url -->', '<p>']) expect(readSourcePage(`${start}<p>x</p>`).form).toBe('html');
    expect(readSourcePage('Qui a accès <b>x</b>').form).toBe('text');
  });

  test('HTML: entities, &nbsp;, <br>, nested inline tags; scripts, styles, navigation, footer and hidden text left out; aria-hidden text read', () => {
    const html = [
      '<html><head><title>T</title><style>li { color: red }</style></head><body>',
      '<nav><ul><li>Accueil</li></ul></nav>',
      '<h2>Qui a acc&egrave;s au <abbr title="x">SAHI</abbr>&nbsp;?</h2>',
      '<ul>',
      '  <li><strong>Personnel</strong> des <em>établissements</em><br>du réseau de la santé<span class="sr-only"> (lien)</span></li>',
      '  <li',
      '    class="x">L&rsquo;un &amp; l&#39;autre<li>Sans fin de balise',
      '</ul>',
      '<script>document.write("<li>no</li>")</script><template><li>no</li></template><p hidden>no</p>',
      '<p><span aria-hidden="true">Vu</span></p>',
      '<footer><ul><li>Pied</li></ul></footer>',
      '</body></html>',
    ].join('\n');
    expect(lines(html)).toEqual([
      '3:Qui a accès au SAHI ?',
      '5:- Personnel des établissements du réseau de la santé',
      "6:- L’un & l'autre",
      '7:- Sans fin de balise',
      // aria-hidden hides from a screen reader, not from the eye: a browser shows it
      '10:Vu',
    ]);
  });

  test('HTML: a second paragraph in a list item is text, not an item; ARIA list items are items', () => {
    expect(lines('<ul><li><p>Un</p><p>deux</p></li></ul><div role="list"><div role="listitem">Trois</div></div>')).toEqual(['1:- Un', '1:deux', '1:- Trois']);
  });

  test('access lists: the heading, the tier of each sub-heading, and the end of the list at the first other line', () => {
    const page = readSourcePage(
      [
        'Qui a accès au SAHI?',
        '- Un',
        'Clientèles qui peuvent accéder au service à la création de leur compte',
        '- Deux',
        'Clientèles qui peuvent demander l’accès au service',
        '- Trois',
        'Un paragraphe.',
        '- Pas un accès',
      ].join('\n'),
    );
    expect(readAccessLists(page)).toEqual([
      {
        heading: 'Qui a accès au SAHI?',
        line: 1,
        items: [
          { text: 'Un', line: 2, tier: 'unspecified', hidden: false },
          { text: 'Deux', line: 4, tier: 'creation', hidden: false },
          { text: 'Trois', line: 6, tier: 'request', hidden: false },
        ],
      },
    ]);
  });
});
