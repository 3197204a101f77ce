/**
 * Every table fits its width: for every command that offers the table format, in both languages, at 60, 80
 * and 120 columns on a terminal and at 80 when not on one, no line is wider than the width, and nothing is
 * lost on the way (names, ids, conditions, category names, matrix symbols).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { COMMANDS } from '../src/cli/commands';
import { CATALOG, collapseSpace, FIXTURES, ROOT, runCli } from './helpers';

type Lang = 'fr' | 'en';

interface Named {
  id: string;
  name: string;
  name_en: string;
}
interface Condition {
  fr: string;
  en: string;
}
interface AccessJson {
  conditions: Condition[];
  inherited_from: string | null;
  /** The other grants of a row (services, who, show). */
  also?: AccessJson[];
}

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-width-'));
const EDITED = path.join(TMP, 'edited.yaml');
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));
// A faulty catalogue whose path is wider than any line (as in a CI checkout): its position must never be broken.
const LONG_PATH = path.join(TMP, 'a-checkout-in-a-deep-directory', 'a-catalogue-with-a-rather-long-name-that-no-terminal-line-can-hold.yaml');
fs.mkdirSync(path.dirname(LONG_PATH));
fs.copyFileSync(path.join(FIXTURES, 'bad', 'unknown-clientele.yaml'), LONG_PATH);
const LONG_EDITED = path.join(path.dirname(LONG_PATH), 'the-same-catalogue-edited-and-saved-under-a-name-no-terminal-line-can-hold.yaml');

{
  // A catalogue that differs from the shipped one in a grant, a long condition and a name, for `diff`.
  let text = fs.readFileSync(CATALOG, 'utf8');
  text = text.replace(
    '      - clientele: audiologiste\n        tier: request\n',
    '      - clientele: podiatre\n        tier: request\n        conditions: []\n      - clientele: audiologiste\n        tier: request\n',
  );
  text = text.replace('accès aux états de compte seulement', 'accès aux états de compte et aux communications de la Régie seulement');
  text = text.replace('    name: Bilans forfaitaires\n', '    name: Bilans forfaitaires annuels\n');
  fs.writeFileSync(EDITED, text);
  fs.writeFileSync(LONG_EDITED, text);
}

// The page, and a copy of it that differs in every way check-source reports (a long condition, a new service, a new clientele, a tier, a grant).
const PAGE = path.join(FIXTURES, 'source', 'liste-des-services-en-ligne.txt');
const MUTATED_PAGE = path.join(TMP, 'page.txt');
const LONG_PAGE = path.join(path.dirname(LONG_PATH), 'la-liste-des-services-en-ligne-enregistree-sous-un-nom-trop-long-pour-une-ligne.txt');
{
  let text = fs.readFileSync(PAGE, 'utf8');
  text = text.replace(
    '- Oculariste (accès aux états de compte seulement)',
    '- Oculariste (accès aux états de compte et aux communications de la Régie seulement, sauf pour les demandes de révision)',
  );
  text = text.replace('- Podiatre\n- Spécialiste en chirurgie buccale', '- Spécialiste en chirurgie buccale');
  text = text.replace('Qui a accès au SAHI?\n', 'Qui a accès au SAHI?\nClientèles qui peuvent demander l’accès au service\n');
  text +=
    '\nQui a accès au service en ligne Relevés de paiement des professionnels de la santé et des établissements?\n- Médecin spécialiste\n- Technologue en imagerie médicale, en radio-oncologie et en électrophysiologie médicale';
  fs.writeFileSync(MUTATED_PAGE, text);
  fs.writeFileSync(LONG_PAGE, text);
}

/** Representative arguments of every command that offers the table format: long names, long conditions, every kind of `show`. */
const CASES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  // Paths relative to the working directory, as people type them (a longer path is broken like any word wider than a line).
  validate: [
    ['validate'],
    ['validate', LONG_PATH],
    [
      'validate',
      path.relative(ROOT, path.join(FIXTURES, 'bad', 'name-collision-accents.yaml')),
      path.relative(ROOT, path.join(FIXTURES, 'bad', 'unknown-clientele.yaml')),
    ],
  ],
  services: [
    ['services', 'personnel-etablissements'],
    ['services', 'personnel des établissements du réseau de la santé'],
    ['services', 'ips-premiere-ligne'],
    ['services', 'candidat-ips-premiere-ligne'],
    ['services', 'medecin-omnipraticien'],
    ['services', 'oculariste'],
    ['services', 'personnel-administratif-audioprothesiste-oculariste'],
  ],
  who: [
    ['who', 'roseh'],
    ['who', 'facturation-formulaires'],
    ['who', 'selat'],
    ['who', 'messagerie-securisee', '--expand'],
    ['who', 'inscription-clientele-professionnels', '--expand'],
    ['who', 'inscription-clientele-gmf'],
    ['who', 'identification-medecin-famille'],
  ],
  can: [
    ['can', 'oculariste', 'messagerie-securisee'],
    ['can', 'medecin-omnipraticien', 'roseh'],
    ['can', 'candidat-ips-premiere-ligne', 'inscription-clientele-professionnels'],
    ['can', 'podiatre', 'selat'],
    // A "no" lists the holders by tier and the notes that bear on the clientele.
    ['can', 'personnel-administratif', 'verification-admissibilite'],
    ['can', 'candidat-ips', 'messagerie-securisee'],
    ['can', 'audioprothesiste', 'messagerie-securisee', '--tier', 'creation'],
    ['can', 'pharmacien', 'identification-medecin-famille'],
  ],
  show: [
    ['show', 'selat'],
    ['show', 'roseh'],
    ['show', 'facturation-formulaires'],
    ['show', 'ips-premiere-ligne'],
    ['show', 'personnel-administratif-audioprothesiste-oculariste'],
    ['show', 'facturation-remuneration'],
  ],
  list: [
    ['list', 'services'],
    ['list', 'clienteles'],
    ['list', 'categories'],
  ],
  search: [
    ['search', 'personnel', 'administratif'],
    ['search', 'medicaments', 'exception'],
  ],
  matrix: [['matrix'], ['matrix', '--category', 'medicaments']],
  diff: [
    ['diff', CATALOG, EDITED],
    ['diff', CATALOG, CATALOG],
    ['diff', CATALOG, LONG_EDITED],
  ],
  'check-source': [
    ['check-source', path.relative(ROOT, PAGE)],
    ['check-source', MUTATED_PAGE],
    ['check-source', LONG_PAGE],
  ],
};

/** The screens a table is drawn for: a terminal of 40 (the narrowest the CLI draws for), 60, 80 or 120 columns, or no terminal (80). */
const SCREENS = [
  { width: 40, isTTY: true },
  { width: 60, isTTY: true },
  { width: 80, isTTY: true },
  { width: 120, isTTY: true },
  { width: 80, isTTY: false },
] as const;

const LANGS: readonly Lang[] = ['fr', 'en'];

/** Commands whose table format is lines (`file:line:col: CODE message`, `~ change`), not a table. */
const LINE_REPORTS: ReadonlySet<string> = new Set(['validate', 'diff', 'check-source']);

async function run(argv: readonly string[], lang: Lang, width: number, isTTY: boolean): Promise<string> {
  const out = await runCli([...argv, '--lang', lang], { NO_COLOR: '1' }, isTTY, '', width);
  expect({ argv, stderr: out.stderr }).toEqual({ argv, stderr: '' });
  expect([0, 1]).toContain(out.code);
  return out.stdout;
}

const answers = new Map<string, unknown>();

/** The command's JSON answer to the same question, in the same language (its messages follow it): what its table must show. */
async function json(argv: readonly string[], lang: Lang): Promise<unknown> {
  const key = [...argv, lang].join('\u0000');
  if (!answers.has(key)) answers.set(key, JSON.parse((await runCli([...argv, '--json', '--lang', lang])).stdout));
  return answers.get(key);
}

const nameIn = (e: Named, lang: Lang): string => (lang === 'fr' ? e.name : e.name_en);
let clienteleList: Named[] = [];
let categories: Named[] = [];
beforeAll(async () => {
  clienteleList = ((await json(['list', 'clienteles'], 'fr')) as { clienteles: Named[] }).clienteles;
  categories = ((await json(['list', 'categories'], 'fr')) as { categories: Named[] }).categories;
});
/** A row's conditions, then each other grant's conditions and the name of the clientele it comes from: none may be lost. */
const conditionsIn = (a: AccessJson, lang: Lang): string[] => [
  ...a.conditions.map((c) => c[lang]),
  ...(a.also ?? []).flatMap((x) => [
    ...x.conditions.map((c) => c[lang]),
    ...(x.inherited_from === null
      ? []
      : [
          nameIn(
            clienteleList.find((c) => c.id === x.inherited_from)!,
            lang,
          ),
        ]),
  ]),
];

const categoryName = (id: string, lang: Lang): string =>
  nameIn(
    categories.find((c) => c.id === id)!,
    lang,
  );
const CATEGORY_IDS = new Set(categories.map((c) => c.id));

/**
 * A boxed table read back as a person reads it: the lines of each cell joined, cell by cell, so that a name
 * wrapped inside its column reads as one text again. Lines outside tables stay as they are.
 */
function readTables(output: string): { text: string; cells: string[] } {
  const out: string[] = [];
  const cells: string[] = [];
  let row: string[][] = [];
  const flush = (): void => {
    for (const lines of row) {
      const cell = lines.filter(Boolean).join(' ');
      out.push(cell);
      cells.push(cell);
    }
    row = [];
  };
  for (const line of output.split('\n')) {
    if (line.startsWith('│')) {
      const parts = line.split('│').slice(1, -1);
      if (parts.length !== row.length) {
        flush();
        row = parts.map(() => []);
      }
      parts.forEach((p, i) => row[i]!.push(p.trim()));
    } else {
      flush();
      out.push(line);
    }
  }
  flush();
  return { text: collapseSpace(out.join('\n')), cells };
}

/** What must be in a command's table output (from its JSON answer); null where another check reads the output. */
async function expectedTexts(argv: readonly string[], lang: Lang): Promise<string[] | null> {
  const command = argv[0];
  const services = (list: (Named & AccessJson & { category: string })[]): string[] =>
    list.flatMap((s) => [nameIn(s, lang), s.id, categoryName(s.category, lang), ...conditionsIn(s, lang), s.inherited_from ?? '']);
  const clienteles = (list: ({ clientele: Named } & AccessJson)[]): string[] =>
    list.flatMap((a) => [nameIn(a.clientele, lang), a.clientele.id, ...conditionsIn(a, lang), a.inherited_from ?? '']);
  switch (command) {
    case 'services': {
      const j = (await json(argv, lang)) as { clientele: Named; services: (Named & AccessJson & { category: string })[] };
      return [nameIn(j.clientele, lang), j.clientele.id, ...services(j.services)];
    }
    case 'who': {
      const j = (await json(argv, lang)) as { service: Named; access: ({ clientele: Named } & AccessJson)[] };
      return [nameIn(j.service, lang), j.service.id, ...clienteles(j.access)];
    }
    case 'can': {
      const j = (await json(argv, lang)) as {
        clientele: Named;
        service: Named;
        eligible: boolean;
        access: AccessJson[];
        holders: ({ clientele: Named } & AccessJson)[];
        notes: Condition[];
      };
      return [
        nameIn(j.clientele, lang),
        nameIn(j.service, lang),
        ...j.access.flatMap((a) => conditionsIn(a, lang)),
        ...(j.eligible ? [] : j.holders.flatMap((h) => [nameIn(h.clientele, lang), ...conditionsIn(h, lang)])),
        ...j.notes.map((n) => n[lang]),
      ];
    }
    case 'show': {
      const j = (await json(argv, lang)) as
        | { kind: 'service'; service: Named & { category: string }; access: ({ clientele: Named } & AccessJson)[] }
        | { kind: 'clientele'; clientele: Named; services: (Named & AccessJson & { category: string })[] }
        | { kind: 'category'; category: Named; services: Named[] };
      if (j.kind === 'service') return [j.service.name, j.service.id, categoryName(j.service.category, lang), ...clienteles(j.access)];
      if (j.kind === 'clientele') return [j.clientele.name, j.clientele.id, ...services(j.services)];
      return [nameIn(j.category, lang), ...j.services.flatMap((s) => [nameIn(s, lang), s.id])];
    }
    case 'list': {
      const j = (await json(argv, lang)) as {
        services?: (Named & { category: string })[];
        clienteles?: (Named & { parent: string | null })[];
        categories?: Named[];
      };
      return [
        ...(j.services ?? []).flatMap((s) => [nameIn(s, lang), s.id, categoryName(s.category, lang)]),
        ...(j.clienteles ?? []).flatMap((c) => [nameIn(c, lang), c.id, c.parent ?? '']),
        ...(j.categories ?? []).flatMap((c) => [nameIn(c, lang), c.id]),
      ];
    }
    case 'search': {
      const j = (await json(argv, lang)) as { results: Named[] };
      return j.results.flatMap((h) => [nameIn(h, lang), h.id]);
    }
    case 'validate': {
      const j = (await json(argv, lang)) as { files: { file: string; problems: { code: string; message: string }[] }[] };
      return j.files.flatMap((f) => [f.file, ...f.problems.flatMap((p) => [p.code, p.message])]);
    }
    default:
      return null;
  }
}

/**
 * The terminal matrix read back: for each block of columns, each clientele's name and the symbol under each
 * column letter; the letters' legend (a letter, then the service's name and [id], wrapped under it); and the
 * lines outside the blocks.
 */
function readMatrix(output: string): { rows: Map<string, Map<string, string>>; letters: Map<string, string>; outside: string[] } {
  const lines = output.split('\n');
  const rows = new Map<string, Map<string, string>>();
  const outside: string[] = [];
  let current: { label: string[]; symbols: Map<string, string> } | null = null;
  const keep = (): void => {
    if (current) {
      // (a word wider than the name's column is broken after a hyphen)
      const name = current.label.reduce((all, piece) => `${all}${all.endsWith('-') ? '' : ' '}${piece}`);
      rows.set(name, new Map([...(rows.get(name) ?? []), ...current.symbols]));
    }
    current = null;
  };
  let columns: { letter: string; at: number }[] | null = null;
  for (const line of lines) {
    if (columns === null && /^ {3,}[A-Za-z0-9]( +[A-Za-z0-9])*$/.test(line)) {
      columns = [...line.matchAll(/[A-Za-z0-9]/g)].map((m) => ({ letter: m[0], at: m.index }));
      continue;
    }
    if (columns === null) {
      outside.push(line);
      continue;
    }
    if (line === '') {
      keep();
      columns = null;
      outside.push(line);
      continue;
    }
    const labelEnd = columns[0]!.at;
    if (line.startsWith(' ')) {
      // the name goes on; its cells are on its first line only
      expect(line.slice(labelEnd).trim()).toBe('');
      (current as { label: string[] } | null)?.label.push(line.trim());
      continue;
    }
    keep();
    current = { label: [line.slice(0, labelEnd).trim()], symbols: new Map(columns.map(({ letter, at }) => [letter, line.slice(at, at + 2).trim()])) };
  }
  keep();
  const entries: string[] = [];
  for (const line of outside) {
    if (/^[A-Za-z0-9] {2}\S/.test(line)) entries.push(line);
    // (at 40 columns an id can be wider than the legend's line: it is broken after a hyphen)
    else if (/^ {3}\S/.test(line) && entries.length > 0) entries[entries.length - 1] += `${entries.at(-1)!.endsWith('-') ? '' : ' '}${line.trim()}`;
  }
  const letters = new Map(
    entries
      .flatMap((e) => [...(/^([A-Za-z0-9]) {2}.*\[([a-z0-9-]+)\]$/.exec(e) ?? [])].slice(1, 3))
      .reduce<[string, string][]>((pairs, v, k, all) => (k % 2 === 0 ? [...pairs, [v, all[k + 1]!]] : pairs), []),
  );
  return { rows, letters, outside };
}

async function checkMatrix(argv: readonly string[], lang: Lang, output: string): Promise<void> {
  const j = (await json(argv, lang)) as {
    services: Named[];
    rows: { clientele: Named; access: ({ service: string; tier: 'creation' | 'request' | 'unspecified' } & AccessJson)[] }[];
  };
  const { rows, letters, outside } = readMatrix(output);
  expect([...letters.values()]).toEqual(j.services.map((s) => s.id));
  for (const s of j.services) expect(collapseSpace(output)).toContain(collapseSpace(nameIn(s, lang)));
  expect(rows.size).toBe(j.rows.length);
  for (const row of j.rows) {
    const shown = rows.get(collapseSpace(nameIn(row.clientele, lang)));
    expect({ clientele: row.clientele.id, shown: shown !== undefined }).toEqual({ clientele: row.clientele.id, shown: true });
    for (const [letter, service] of letters) {
      const best = row.access.find((a) => a.service === service);
      const letterOf = best === undefined ? '·' : { creation: 'C', request: 'R', unspecified: 'L' }[best.tier];
      const expected = best === undefined ? '·' : `${best.inherited_from === null ? letterOf : letterOf.toLowerCase()}${best.conditions.length > 0 ? '*' : ''}`;
      expect({ clientele: row.clientele.id, service, symbol: shown?.get(letter) }).toEqual({ clientele: row.clientele.id, service, symbol: expected });
    }
  }
  // Outside the cells, the symbol for no access appears once: on its own line of the legend, never as a separator.
  expect(outside.filter((l) => l.includes('·'))).toEqual([expect.stringMatching(/^· {2,}\S[^·]*$/)]);
}

test("the width is the terminal's, from 40 to 160 columns, and 80 when there is no terminal or it tells none", async () => {
  // `show` of a clientele with many other names: its lines fill the width they are given.
  const widest = async (columns: number, isTTY: boolean): Promise<number> =>
    Math.max(...(await runCli(['show', 'ips-premiere-ligne'], { NO_COLOR: '1' }, isTTY, '', columns)).stdout.split('\n').map((l) => stringWidth(l)));
  const within = (w: number, low: number, high: number): boolean => w > low && w <= high;
  expect(within(await widest(30, true), 30, 40)).toBe(true);
  expect(within(await widest(100, true), 80, 100)).toBe(true);
  expect(within(await widest(300, true), 120, 160)).toBe(true);
  expect(within(await widest(0, true), 60, 80)).toBe(true);
  expect(within(await widest(120, false), 60, 80)).toBe(true);
});

test('every command that offers the table format has representative cases here', () => {
  const withTable = COMMANDS.filter((c) => c.formats.includes('table')).map((c) => c.name);
  expect(Object.keys(CASES).sort()).toEqual([...withTable].sort());
});

describe.each(LANGS)('--lang %s', (lang) => {
  for (const [command, cases] of Object.entries(CASES)) {
    describe(command, () => {
      test.each(cases.map((argv) => [argv.map((a) => path.basename(a)).join(' '), argv] as const))('%s', async (_title, argv) => {
        const wide = await run(argv, lang, 160, true);
        for (const { width, isTTY } of SCREENS) {
          const output = await run(argv, lang, width, isTTY);
          if (LINE_REPORTS.has(command) && !isTTY) {
            // Line reports (validate, diff) are read by tools when piped: one line per item, never wrapped.
            expect({ isTTY, continued: output.split('\n').filter((line) => line.startsWith(' ')) }).toEqual({ isTTY, continued: [] });
            expect(collapseSpace(output)).toBe(collapseSpace(wide));
            continue;
          }
          // On a terminal, a file path (with its position and code) wider than the line stands whole on its own line, the message under it.
          const unbreakable = (line: string): boolean => LINE_REPORTS.has(command) && /^(?:-> )?\S+(?: [A-Z][A-Z0-9_]*)?$/.test(line);
          const tooWide = output.split('\n').filter((line) => stringWidth(line) > width && !unbreakable(line));
          expect({ width, isTTY, tooWide }).toEqual({ width, isTTY, tooWide: [] });
          if (command === 'matrix') {
            await checkMatrix(argv, lang, output);
            continue;
          }
          const expected = await expectedTexts(argv, lang);
          const { text, cells } = readTables(output);
          if (expected === null) {
            // Lines, not tables (diff): the same words as on a wide screen, in the same order.
            expect(collapseSpace(output)).toBe(collapseSpace(wide));
            continue;
          }
          // A word too wide for any line (a long file path) is the one thing that may be broken.
          const unbroken = (t: string): boolean =>
            text.includes(collapseSpace(t)) || (!/\s/.test(t) && stringWidth(t) > width - 4 && text.replace(/\s/g, '').includes(t));
          const missing = expected.filter((t) => t !== '' && !unbroken(t));
          expect({ width, isTTY, missing }).toEqual({ width, isTTY, missing: [] });
          // Categories are named, not shown by their ids (but for `list categories`, whose second column is the id).
          if (!(command === 'list' && argv[1] === 'categories')) {
            const idCells = cells.filter((c) => CATEGORY_IDS.has(c.replace(/^.*: /, '')));
            expect({ width, isTTY, idCells }).toEqual({ width, isTTY, idCells: [] });
          }
        }
      });
    });
  }
});
