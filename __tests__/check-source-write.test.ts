/**
 * check-source --write never damages a catalogue: a reading that looks broken is refused (unless --force), text the
 * page hides is never written, a condition the catalogue cannot hold is left to a person, an edit never spreads
 * through a YAML alias, a bad SOURCE_DATE_EPOCH is a usage error, a condition the catalogue has is written back in
 * both its languages, and the catalogue of an installed package is never rewritten.
 */
import Ajv2020 from 'ajv/dist/2020';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { editCatalogText } from '../src/catalog/edit-catalog';
import { isCatalogText, MAX_TEXT_LENGTH } from '../src/catalog/catalog-text';
import { EMBEDDED_CATALOG_PATH, isInstalledPackageCatalog } from '../src/catalog/load-catalog';
import { readSourcePage, type SourcePage } from '../src/page/source-page';
import { checkSourceGithub, checkSourceMarkdown, checkSourceTable, checkSourceToJson, type SourceReport } from '../src/present/present-check-source';
import { messagesFor } from '../src/present/messages/messages';
import { makePalette } from '../src/present/options';
import { brokenReading, checkSource, MAX_RANKED_NAMES, needsEntry, planWrite, writableFindings } from '../src/query/check-source';
import { CATALOG, FIXTURES, frenchSpaces, ROOT, runCli } from './helpers';

const COPY = path.join(FIXTURES, 'source', 'liste-des-services-en-ligne.txt');
const TEXT = fs.readFileSync(COPY, 'utf8');
const CATALOG_TEXT = fs.readFileSync(CATALOG, 'utf8');
const DAY = { SOURCE_DATE_EPOCH: '1768435200' };
// Podiatre dropped from Messagerie sécurisée's list.
const KEPT = '- Spécialiste en chirurgie buccale et maxillo-faciale\nClientèles qui peuvent demander l’accès au service\n- Audioprothésiste';
const DROP_PODIATRE = `- Podiatre\n${KEPT}`;

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-check-write-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));
let serial = 0;

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

/** The text with the `nth` (1-based) line equal to `line` replaced. */
function replaceLine(text: string, line: string, replacement: string, nth = 1): string {
  const lines = text.split('\n');
  let seen = 0;
  const i = lines.findIndex((l) => l === line && ++seen === nth);
  if (i === -1) throw new Error(`no line "${line}" (${nth})`);
  lines[i] = replacement;
  return lines.join('\n');
}

/** In the catalogue's text, the line `from` of the grant of `clientele` under `service` made `to`. */
function editGrantLine(text: string, service: string, clientele: string, from: string, to: string): string {
  const lines = text.split('\n');
  const s = lines.indexOf(`  - id: ${service}`);
  const g = lines.indexOf(`      - clientele: ${clientele}`, s);
  const i = lines.indexOf(from, g);
  if (s === -1 || g === -1 || i === -1 || i > g + 3) throw new Error(`no ${from} in ${service}/${clientele}`);
  lines[i] = to;
  return lines.join('\n');
}

/** In the catalogue's text, `grants:` of a service made `grants: <value>` and its list of grants dropped (for an alias). */
function aliasGrants(text: string, service: string, value: string): string {
  const lines = text.split('\n');
  const s = lines.indexOf(`  - id: ${service}`);
  const g = lines.indexOf('    grants:', s);
  let end = g + 1;
  while (lines[end]!.startsWith('      ')) end++;
  lines.splice(g, end - g, `    grants: ${value}`);
  return lines.join('\n');
}

/** In the catalogue's text, `grants:` of a service anchored `&name`. */
function anchorGrants(text: string, service: string, name: string): string {
  const lines = text.split('\n');
  const s = lines.indexOf(`  - id: ${service}`);
  const g = lines.indexOf('    grants:', s);
  lines[g] = `    grants: &${name}`;
  return lines.join('\n');
}

interface Who {
  access: { clientele: { id: string }; tier: string; conditions: { fr: string; en: string }[] }[];
}
async function who(catalog: string, service: string): Promise<Who['access']> {
  const out = await runCli(['--catalog', catalog, 'who', service, '--json']);
  expect(out.code).toBe(0);
  return (JSON.parse(out.stdout) as Who).access;
}
const clienteles = (access: Who['access']): string[] => access.map((a) => a.clientele.id).sort();

async function writeRun(page: string, catalog: string, extra: string[] = [], env: Record<string, string> = DAY) {
  return await runCli(['check-source', temp('page.txt', page), '--catalog', catalog, '--write', ...extra], env);
}

const shipped = (() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require('../src/index') as typeof import('../src/index');
  return lib.openCatalog(CATALOG);
})();

describe('a reading that looks broken is refused by --write (exit 3, nothing written) unless --force', () => {
  const emptySahi = mutate(TEXT, 'Qui a accès au SAHI?\n- Personnel des établissements du réseau de la santé\n', 'Qui a accès au SAHI?\n');
  // Every list keeps its first item only: most grants would go at once.
  const halved = TEXT.split('\n')
    .filter((line, i, all) => !(line.startsWith('- ') && all[i - 1]!.startsWith('- ')))
    .join('\n');

  test('a "Qui a accès" list that reads empty', async () => {
    const catalog = temp('catalog.yaml', CATALOG_TEXT);
    const out = await writeRun(emptySahi, catalog, ['--lang', 'en']);
    expect([out.code, out.stdout]).toEqual([3, '']);
    expect(out.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/left untouched: .*1 "Qui a accès" list reads empty \(first: "Qui a accès au SAHI\?"\).*--force/),
    ]);
    expect(fs.readFileSync(catalog, 'utf8')).toBe(CATALOG_TEXT);
  });

  test('more than a quarter of the grants of the services the page lists removed at once', async () => {
    const catalog = temp('catalog.yaml', CATALOG_TEXT);
    const check = checkSource(shipped, readSourcePage(halved), () => null);
    const removed = writableFindings(check).filter((f) => f.edit?.op === 'remove-grant').length;
    expect(removed).toBeGreaterThan(116 / 4);
    expect(brokenReading(check)).toEqual({ kind: 'too-many-removals', removed, grants: 116 });
    const out = await writeRun(halved, catalog);
    expect(out.code).toBe(3);
    expect(out.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(`retirerait d’un coup ${removed} des 116 accès des services qu’elle liste`)]);
    expect(fs.readFileSync(catalog, 'utf8')).toBe(CATALOG_TEXT);
  });

  test('a few removals pass; --force writes a broken-looking reading on purpose', async () => {
    expect(brokenReading(checkSource(shipped, readSourcePage(TEXT), () => null))).toBeNull();
    const one = checkSource(shipped, readSourcePage(mutate(TEXT, DROP_PODIATRE, KEPT)), () => null);
    expect(brokenReading(one)).toBeNull();
    const catalog = temp('catalog.yaml', CATALOG_TEXT);
    const forced = await writeRun(emptySahi, catalog, ['--force']);
    expect(forced.code).toBe(0);
    expect(await who(catalog, 'sahi')).toEqual([]);
    const halvedCatalog = temp('catalog.yaml', CATALOG_TEXT);
    expect((await writeRun(halved, halvedCatalog, ['--force'])).code).toBe(0);
  });

  test('without --write the empty list is reported (exit 1) and said to be a broken-looking reading; --force alone is a usage error', async () => {
    const page = temp('page.txt', emptySahi);
    const json = await runCli(['check-source', page, '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { empty_lists: unknown[]; findings: { kind: string }[] };
    expect(report.empty_lists).toEqual([{ heading: 'Qui a accès au SAHI?', page_line: 119 }]);
    expect(report.findings.map((f) => f.kind)).toEqual(['grant-not-on-page']);
    expect((await runCli(['check-source', page, '--lang', 'en'])).stdout).toContain('1 "Qui a accès" list reads empty (first: "Qui a accès au SAHI?")');
    expect((await runCli(['check-source', page, '--format', 'markdown'])).stdout).toContain(frenchSpaces('1 liste « Qui a accès » est vide'));
    expect((await runCli(['check-source', page, '--force'])).code).toBe(2);
  });
});

describe('the write policy (planWrite) decides before anything is read or written', () => {
  const recorded = shipped.catalog.source;
  const record = { checked: '2026-01-15', sha256: 'b'.repeat(64), etag: '"v1"', lastModified: 'x'.repeat(101) };

  test('a broken reading is refused unless forced; an entry to write stops every change; nothing to do is said as such', () => {
    const emptySahi = checkSource(
      shipped,
      readSourcePage(mutate(TEXT, 'Qui a accès au SAHI?\n- Personnel des établissements du réseau de la santé\n', 'Qui a accès au SAHI?\n')),
      () => null,
    );
    expect(planWrite(emptySahi, recorded, record, false)).toMatchObject({ kind: 'refused', broken: { kind: 'empty-lists' } });
    expect(planWrite(emptySahi, recorded, record, true)).toMatchObject({ kind: 'write', applied: 1 });
    const renamed = checkSource(shipped, readSourcePage(mutate(TEXT, DROP_PODIATRE, `- Technologue en imagerie médicale\n${KEPT}`)), () => null);
    expect(planWrite(renamed, recorded, record, false)).toEqual({ kind: 'needs-entry' });
    const same = checkSource(shipped, readSourcePage(TEXT), () => null);
    expect(planWrite(same, { checked: record.checked, sha256: record.sha256 }, record, false)).toEqual({ kind: 'up-to-date' });
    const repeated = checkSource(shipped, readSourcePage(mutate(TEXT, KEPT, `${KEPT}\n- Audioprothésiste`)), () => null);
    expect(planWrite(repeated, recorded, record, false)).toEqual({ kind: 'left-over', left: 1 });
  });

  test('grant edits, then the check, with only the validators the catalogue can hold', () => {
    const one = checkSource(shipped, readSourcePage(mutate(TEXT, DROP_PODIATRE, KEPT)), () => null);
    const plan = planWrite(one, recorded, record, false);
    expect(plan).toMatchObject({ kind: 'write', applied: 1, recordsCheck: true, left: 0, untranslated: [] });
    const edits = plan.kind === 'write' ? plan.edits : [];
    expect(edits.map((e) => e.op)).toEqual(['remove-grant', 'record-check']);
    // A Last-Modified of 101 characters is past the schema's 100: not recorded, where the ETag is.
    expect(edits[1]).toEqual({ op: 'record-check', checked: '2026-01-15', sha256: 'b'.repeat(64), etag: '"v1"' });
  });
});

describe('text the page hides by styling: hidden-on-page, never written', () => {
  /** The shipped copy as an HTML reading would give it, with the items `hide` picks marked hidden, and `extra` lines added after a line. */
  function pageWith(hide: (text: string, line: number) => boolean, extra: { after: number; text: string }[] = []): SourcePage {
    const base = readSourcePage(TEXT);
    const lines = base.lines.flatMap((l) => [
      { ...l, hidden: l.item && hide(l.text, l.line) },
      ...extra.filter((e) => e.after === l.line).map((e) => ({ text: e.text, line: l.line, item: true, hidden: true })),
    ]);
    return { form: 'html', lines, sha256: base.sha256 };
  }
  // Podiatre under Messagerie sécurisée (a grant the catalogue has) hidden, and a hidden label that names no clientele after it.
  const podiatre = TEXT.split('\n').indexOf('- Podiatre') + 1;
  const page = (): SourcePage => pageWith((text, line) => text === 'Podiatre' && line === podiatre, [{ after: podiatre, text: 'Personne cachée' }]);

  test('a hidden item is neither on the page nor missing: the grant stays as it is, nothing else is said about it', () => {
    const check = checkSource(shipped, page(), () => null);
    expect(check.findings.map((f) => [f.kind, f.service?.id, f.clientele?.id ?? null, f.item, f.pageLine, f.edit])).toEqual([
      ['hidden-on-page', 'messagerie-securisee', 'podiatre', 'Podiatre', podiatre, null],
      ['hidden-on-page', 'messagerie-securisee', null, 'Personne cachée', podiatre, null],
    ]);
    expect(check.findings.some(needsEntry)).toBe(false);
    expect(writableFindings(check)).toEqual([]);
    expect(check.stubs).toEqual([]);
  });

  test('a hidden item for a grant the catalogue lacks adds nothing; the visible differences beside it are still applied', () => {
    const text = mutate(TEXT, DROP_PODIATRE, KEPT);
    const base = readSourcePage(text);
    // FacturActe's Podiatre (request) hidden; Podiatre dropped from Messagerie sécurisée (visible: a removal).
    const at = base.lines.findIndex((l) => l.text === 'Qui a accès à FacturActe?') + 2;
    const lines = [...base.lines];
    lines.splice(at, 0, { text: 'Podiatre (accès aux états de compte seulement)', line: lines[at]!.line, item: true, hidden: true });
    const check = checkSource(shipped, { form: 'html', lines, sha256: base.sha256 }, () => null);
    expect(check.findings.map((f) => [f.kind, f.service?.id, f.clientele?.id])).toEqual([
      ['grant-not-on-page', 'messagerie-securisee', 'podiatre'],
      ['hidden-on-page', 'facturacte', 'podiatre'],
    ]);
    const edits = writableFindings(check).map((f) => f.edit!);
    expect(edits).toEqual([{ op: 'remove-grant', service: 'messagerie-securisee', clientele: 'podiatre' }]);
    const edited = editCatalogText(CATALOG_TEXT, 'catalog.yaml', edits);
    if (!edited.ok) throw new Error('invalid');
    const services = (parse(edited.text) as { services: { id: string; grants: { clientele: string }[] }[] }).services;
    expect(services.find((s) => s.id === 'facturacte')!.grants.map((g) => g.clientele)).not.toContain('podiatre');
  });

  test('every format says it, and the JSON follows the output schema', () => {
    const check = checkSource(shipped, page(), () => 7);
    const report: SourceReport = {
      page: 'page.html',
      catalog: 'catalog.yaml',
      form: 'html',
      sha256: page().sha256,
      recorded: { checked: null, sha256: null },
      check,
      stubs: [],
      write: null,
    };
    const options = {
      m: messagesFor('en'),
      lang: 'en' as const,
      cwd: ROOT,
      version: '0',
      source: null,
      palette: makePalette(false),
      width: 80,
      lineWidth: Infinity,
    };
    const sentence = 'Messagerie sécurisée: the item "Podiatre" holds text the page hides by styling';
    expect(checkSourceTable(report, options)).toContain(sentence);
    expect(checkSourceMarkdown(report, options)).toContain(sentence);
    expect(checkSourceGithub(report, options)).toContain('title=check-source hidden-on-page::');
    expect(checkSourceTable(report, { ...options, m: messagesFor('fr'), lang: 'fr' })).toContain(
      frenchSpaces('l’élément « Podiatre » contient du texte que la page cache'),
    );
    const json = checkSourceToJson(report, options);
    expect(json.findings.map((f) => [f.kind, f.applicable])).toEqual([
      ['hidden-on-page', false],
      ['hidden-on-page', false],
    ]);
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'output.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addSchema(schema);
    const validate = ajv.getSchema(`${schema.$id}#/$defs/check_source_output`)!;
    expect([validate(json), validate.errors]).toEqual([true, null]);
    const kinds = schema.$defs.source_finding.properties.kind.enum as string[];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(kinds).toEqual([...(require('../src/query/check-source') as typeof import('../src/query/check-source')).FINDING_KINDS]);
  });
});

describe('no exit 70 from --write', () => {
  test.each([
    ['a bidi override', 'accès aux états\u202e de compte seulement'],
    ['a control character', 'accès aux états\u0007 de compte seulement'],
    ['a bidi isolate', 'accès aux\u2066 relevés'],
    ['more than the schema allows', 'accès '.repeat(200)],
  ])('a condition holding %s is left to a person, never written', async (_name, condition) => {
    const added = replaceLine(TEXT, '- Oculariste (accès aux états de compte seulement)', `- Oculariste (${condition.trim()})`);
    const catalog = temp('catalog.yaml', CATALOG_TEXT);
    const json = await runCli(['check-source', temp('page.txt', added), '--json']);
    const report = JSON.parse(json.stdout) as { findings: { kind: string; applicable: boolean }[] };
    expect(report.findings).toEqual([expect.objectContaining({ kind: 'condition-differs', applicable: false })]);
    const out = await writeRun(added, catalog);
    expect(out.code).toBe(1);
    expect(fs.readFileSync(catalog, 'utf8')).toBe(CATALOG_TEXT);
  });

  test('a grant to add with such a condition is left to a person too; isCatalogText follows the schema', () => {
    const withBad = mutate(
      TEXT,
      '- Oculariste\n- Personnel administratif\nVous pouvez',
      '- Oculariste\n- Personnel administratif\n- Podiatre (\u202eseulement)\nVous pouvez',
    );
    const check = checkSource(shipped, readSourcePage(withBad), () => null);
    expect(check.findings.map((f) => [f.kind, f.edit])).toEqual([['grant-not-in-catalogue', null]]);
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'catalog.schema.json'), 'utf8'));
    expect(schema.$defs.text.maxLength).toBe(MAX_TEXT_LENGTH);
    const pattern = new RegExp(schema.$defs.text.pattern as string, 'u');
    for (const text of ['ok', 'a\u202eb', 'a\u0001b', ' ', 'é'.repeat(1000), 'é'.repeat(1001), '😀'.repeat(1000), '😀'.repeat(1001)]) {
      expect([text.slice(0, 8), isCatalogText(text)]).toEqual([text.slice(0, 8), pattern.test(text) && [...text].length <= MAX_TEXT_LENGTH]);
    }
  });

  describe('YAML aliases: each edit applies to its own copy, never through an anchor to another service', () => {
    // etablissements-reseau-sante and transfert-fichiers grant the same one clientele: the second may say *g.
    const aliased = aliasGrants(anchorGrants(CATALOG_TEXT, 'etablissements-reseau-sante', 'g'), 'transfert-fichiers', '*g');
    const addUnder = (heading: string): string =>
      mutate(
        TEXT,
        `${heading}\n- Personnel des établissements du réseau de la santé\n`,
        `${heading}\n- Personnel des établissements du réseau de la santé\n- Podiatre\n`,
      );

    test('the aliased catalogue is valid and agrees with the page', async () => {
      const catalog = temp('catalog.yaml', aliased);
      expect((await runCli(['check-source', COPY, '--catalog', catalog])).code).toBe(0);
    });

    test('an edit of the anchored grants (&g) does not spread to the service that says *g', async () => {
      const catalog = temp('catalog.yaml', aliased);
      const out = await writeRun(addUnder('Qui a accès au service en ligne Établissements du réseau de la santé?'), catalog);
      expect(out.code).toBe(0);
      expect(clienteles(await who(catalog, 'etablissements-reseau-sante'))).toEqual(['personnel-etablissements', 'podiatre']);
      expect(clienteles(await who(catalog, 'transfert-fichiers'))).toEqual(['personnel-etablissements']);
      expect(fs.readFileSync(catalog, 'utf8')).not.toMatch(/[&*]g\b/);
    });

    test('grants: *g, edited', async () => {
      const catalog = temp('catalog.yaml', aliased);
      const out = await writeRun(addUnder('Qui a accès au Service de transfert de de fichiers?'), catalog);
      expect([out.code, out.stderr]).toEqual([0, expect.stringContaining('1 changement d’accès appliqué')]);
      expect(clienteles(await who(catalog, 'transfert-fichiers'))).toEqual(['personnel-etablissements', 'podiatre']);
      expect(clienteles(await who(catalog, 'etablissements-reseau-sante'))).toEqual(['personnel-etablissements']);
    });

    test('conditions: *cond, the anchored conditions edited', async () => {
      let text = editGrantLine(CATALOG_TEXT, 'messagerie-securisee', 'audioprothesiste', '        conditions:', '        conditions: &cond');
      const lines = text.split('\n');
      const o = lines.indexOf('      - clientele: oculariste', lines.indexOf('  - id: messagerie-securisee'));
      lines.splice(o + 2, 3, '        conditions: *cond');
      text = lines.join('\n');
      const catalog = temp('catalog.yaml', text);
      expect((await runCli(['check-source', COPY, '--catalog', catalog])).code).toBe(0);
      const page = replaceLine(TEXT, '- Audioprothésiste (accès aux états de compte seulement)', '- Audioprothésiste (accès aux relevés seulement)');
      expect((await writeRun(page, catalog)).code).toBe(0);
      const access = await who(catalog, 'messagerie-securisee');
      expect(access.find((a) => a.clientele.id === 'audioprothesiste')!.conditions.map((c) => c.fr)).toEqual(['accès aux relevés seulement']);
      expect(access.find((a) => a.clientele.id === 'oculariste')!.conditions).toEqual([
        { fr: 'accès aux états de compte seulement', en: 'statements of account only' },
      ]);
    });

    test('clientele: *q, its grant removed', async () => {
      let text = editGrantLine(CATALOG_TEXT, 'messagerie-securisee', 'optometriste', '      - clientele: optometriste', '      - clientele: &q optometriste');
      text = editGrantLine(text, 'mon-dossier', 'optometriste', '      - clientele: optometriste', '      - clientele: *q');
      const catalog = temp('catalog.yaml', text);
      expect((await runCli(['check-source', COPY, '--catalog', catalog])).code).toBe(0);
      const page = replaceLine(TEXT, '- Optométriste', '', 2);
      expect((await writeRun(page, catalog)).code).toBe(0);
      expect(clienteles(await who(catalog, 'mon-dossier'))).not.toContain('optometriste');
      expect(clienteles(await who(catalog, 'messagerie-securisee'))).toContain('optometriste');
    });
  });

  test.each(['abc', '-1', '1.5', '1e9', '253402300800', '99999999999999999999'])(
    'SOURCE_DATE_EPOCH=%s is a usage error before anything is written',
    async (epoch) => {
      const catalog = temp('catalog.yaml', CATALOG_TEXT.replace(/^ {2}checked: .*\n/m, ''));
      const before = fs.readFileSync(catalog, 'utf8');
      const out = await writeRun(TEXT, catalog, ['--lang', 'en'], { SOURCE_DATE_EPOCH: epoch });
      expect([out.code, out.stdout, out.stderr]).toEqual([
        2,
        '',
        `ramq-access: SOURCE_DATE_EPOCH=${epoch} is not a day the catalogue can record: give whole seconds since 1970, up to the end of the year 9999\n`,
      ]);
      expect(fs.readFileSync(catalog, 'utf8')).toBe(before);
      // without --write it does not matter
      expect((await runCli(['check-source', COPY], { SOURCE_DATE_EPOCH: epoch })).code).toBe(0);
    },
  );

  test('the last day of the year 9999 is recorded as such', async () => {
    const catalog = temp('catalog.yaml', CATALOG_TEXT.replace(/^ {2}checked: .*\n/m, ''));
    expect((await writeRun(TEXT, catalog, [], { SOURCE_DATE_EPOCH: '253402300799' })).code).toBe(0);
    expect(fs.readFileSync(catalog, 'utf8')).toContain('\n  checked: "9999-12-31"\n');
  });
});

describe('the summary says what --write wrote, not what it could write', () => {
  const m = messagesFor('en').checkSource;
  const lastLine = (stdout: string): string => stdout.trimEnd().split('\n').at(-1)!;

  test('a grant dropped: before --write what it can apply, after it what it applied', async () => {
    const catalog = temp('catalog.yaml', CATALOG_TEXT);
    const page = temp('page.txt', mutate(TEXT, DROP_PODIATRE, KEPT));
    const asked = await runCli(['check-source', page, '--catalog', catalog, '--lang', 'en'], DAY);
    expect([asked.code, lastLine(asked.stdout)]).toEqual([1, m.summary(1, 1)]);
    const written = await runCli(['check-source', page, '--catalog', catalog, '--lang', 'en', '--write'], DAY);
    expect([written.code, lastLine(written.stdout)]).toEqual([0, m.summaryWritten(1, 1)]);
  });

  test('an entry to write first: --write wrote nothing, and says so', async () => {
    const catalog = temp('catalog.yaml', CATALOG_TEXT);
    const before = fs.readFileSync(catalog, 'utf8');
    const page = mutate(TEXT, DROP_PODIATRE, `${KEPT}\n- Technologue en imagerie médicale`);
    const out = await writeRun(page, catalog, ['--lang', 'en', '--format', 'markdown']);
    expect(out.stdout).toContain(`**${m.summaryWritten(2, null)}**`);
    expect(fs.readFileSync(catalog, 'utf8')).toBe(before);
  });
});

describe('a condition the catalogue already has is written back in both its languages', () => {
  test('set on a grant that had none', async () => {
    const page = replaceLine(TEXT, '- Hygiéniste dentaire', '- Hygiéniste dentaire (accès aux états de compte seulement)');
    const catalog = temp('catalog.yaml', CATALOG_TEXT);
    const out = await writeRun(page, catalog, ['--lang', 'en']);
    expect(out.code).toBe(0);
    expect(out.stderr).not.toContain('translate');
    const grant = (await who(catalog, 'messagerie-securisee')).find((a) => a.clientele.id === 'hygieniste-dentaire')!;
    expect(grant.conditions).toEqual([{ fr: 'accès aux états de compte seulement', en: 'statements of account only' }]);
  });

  test('on a grant to add, spelt another way (compared as names are)', () => {
    const page = mutate(
      TEXT,
      '- Oculariste\n- Personnel administratif\nVous pouvez',
      '- Oculariste\n- Personnel administratif\n- Podiatre (Accès aux états de compte SEULEMENT)\nVous pouvez',
    );
    const check = checkSource(shipped, readSourcePage(page), () => null);
    expect(check.findings.map((f) => f.edit)).toEqual([
      expect.objectContaining({
        op: 'add-grant',
        grant: expect.objectContaining({ conditions: [{ fr: 'accès aux états de compte seulement', en: 'statements of account only' }] }),
      }),
    ]);
  });
});

describe('the catalogue of an installed package is never rewritten', () => {
  test('isInstalledPackageCatalog: under node_modules, or a package root that is not a clone', () => {
    const dir = fs.mkdtempSync(path.join(TMP, 'layout-'));
    const at = (...parts: string[]): string => {
      const file = path.join(dir, ...parts, 'catalog.yaml');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, CATALOG_TEXT);
      return file;
    };
    const clone = at('clone');
    fs.mkdirSync(path.join(dir, 'clone', '.git'));
    const worktree = at('worktree');
    fs.writeFileSync(path.join(dir, 'worktree', '.git'), 'gitdir: elsewhere\n');
    const installed = at('lib', 'node_modules', 'ramq-access');
    fs.mkdirSync(path.join(dir, 'lib', 'node_modules', 'ramq-access', '.git'));
    expect([isInstalledPackageCatalog(clone), isInstalledPackageCatalog(worktree)]).toEqual([false, false]);
    expect([isInstalledPackageCatalog(installed), isInstalledPackageCatalog(at('unpacked'))]).toEqual([true, true]);
    // this repository's own catalogue, in its clone
    expect(isInstalledPackageCatalog(EMBEDDED_CATALOG_PATH)).toBe(false);
  });

  test('end to end: check-source --write and fmt refuse the installed catalogue (exit 74, file untouched); a named catalogue is written', () => {
    // The package as npm installs it: its files under node_modules, no .git.
    const pkg = path.join(fs.mkdtempSync(path.join(TMP, 'global-')), 'node_modules', 'ramq-access');
    fs.mkdirSync(pkg, { recursive: true });
    for (const entry of ['bin', 'dist', 'schema', 'package.json']) fs.cpSync(path.join(ROOT, entry), path.join(pkg, entry), { recursive: true });
    const messy = CATALOG_TEXT.replace(/^ {2}checked: .*\n/m, '').replace('version: 1', 'version:   1');
    fs.writeFileSync(path.join(pkg, 'catalog.yaml'), messy);
    // its dependencies, as npm would put them beside it
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
    const bin = (args: string[], env: Record<string, string> = {}) => {
      const r = spawnSync(process.execPath, [path.join(pkg, 'bin', 'ramq-access'), ...args], {
        env: { PATH: process.env['PATH'], LANG: 'en_CA.UTF-8', ...DAY, ...env },
        encoding: 'utf8',
        cwd: TMP,
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const write = bin(['check-source', COPY, '--write']);
    expect([write.code, write.stdout]).toEqual([74, '']);
    expect(write.stderr).toMatch(/^ramq-access: .*catalog\.yaml is the catalogue of the installed package: .*--catalog FILE/);
    const fmt = bin(['fmt']);
    expect([fmt.code, fmt.stderr]).toEqual([74, expect.stringContaining('is the catalogue of the installed package')]);
    expect(bin(['fmt', '--check']).code).toBe(1);
    expect(bin(['check-source', COPY]).code).toBe(0);
    expect(fs.readFileSync(path.join(pkg, 'catalog.yaml'), 'utf8')).toBe(messy);
    // a catalogue the user named: --catalog, RAMQ_ACCESS_CATALOG, a file argument
    const mine = temp('catalog.yaml', CATALOG_TEXT.replace(/^ {2}checked: .*\n/m, ''));
    expect(bin(['--catalog', mine, 'check-source', COPY, '--write']).code).toBe(0);
    expect(fs.readFileSync(mine, 'utf8')).toContain('  checked: "2026-01-15"\n');
    const env = temp('catalog.yaml', messy);
    expect(bin(['fmt'], { RAMQ_ACCESS_CATALOG: env }).code).toBe(0);
    expect(bin(['fmt', path.join(pkg, 'catalog.yaml')]).code).toBe(0);
  });
});

test('a page of many unknown names: near names and stubs for the first few only, the rest counted and said', async () => {
  const items = Array.from({ length: 60 }, (_, i) => `- Clientèle inconnue ${i + 1}`).join('\n');
  const page = temp('page.txt', `${TEXT}\nQui a accès au service en ligne Inconnu?\n${items}\n`);
  const out = await runCli(['check-source', page, '--json']);
  const json = JSON.parse(out.stdout) as { counts: { unranked: number }; stubs: unknown[]; findings: { kind: string; suggestions: string[] }[] };
  // one new service and 60 new clienteles: 61 unknown names
  expect(json.counts.unranked).toBe(61 - MAX_RANKED_NAMES);
  expect(json.stubs).toHaveLength(MAX_RANKED_NAMES);
  expect((await runCli(['check-source', page, '--lang', 'en'])).stdout).toContain(
    `Near names and entry stubs are given for the first ${MAX_RANKED_NAMES} unknown names only; 41 more have neither.`,
  );
});
