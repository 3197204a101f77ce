import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../src/catalog/load-catalog';
import type { Catalog } from '../src/catalog/model';
import { validateCatalogText } from '../src/catalog/validate-catalog';
import { accessesTo } from '../src/query/access';
import { indexCatalog } from '../src/query/catalog-index';
import { diffCatalogs, type CatalogDiff, type Change, type Effect } from '../src/query/diff-catalogs';
import { catalogArb, catalogToYaml, rewriteArb, rewriteYaml } from './arbitraries';
import { CATALOG, FIXTURES, frenchSpaces, NBSP, runCli } from './helpers';

function reparse(text: string): Catalog {
  const r = validateCatalogText(text, 'x.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.catalog;
}

/** The catalogue with every list in another order: entries, grants, notes, names, conditions. */
function shuffled(c: Catalog, seed: number): Catalog {
  let state = seed >>> 0 || 1;
  const rand = (): number => (state = (state * 1664525 + 1013904223) >>> 0) / 0x100000000;
  const mix = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  return {
    ...c,
    categories: mix(c.categories),
    clienteles: mix(c.clienteles).map((x) => ({
      ...x,
      forms: mix(x.forms),
      aliases: mix(x.aliases),
      terms_en: mix(x.terms_en),
      abbreviations: mix(x.abbreviations),
    })),
    services: mix(c.services).map((s) => ({
      ...s,
      aliases: mix(s.aliases),
      grants: mix(s.grants).map((g) => ({ ...g, conditions: mix(g.conditions) })),
      notes: mix(s.notes).map((n) => ({ ...n, clienteles: mix(n.clienteles) })),
      sub_applications: mix(s.sub_applications),
    })),
  };
}

function mirrorChange(c: Change): Change {
  switch (c.type) {
    case 'added':
      return { ...c, type: 'removed' };
    case 'removed':
      return { ...c, type: 'added' };
    case 'renamed':
    case 'field-changed':
    case 'tier-changed':
    case 'source-changed':
      return { ...c, from: c.to, to: c.from } as Change;
    case 'description-changed':
      return { ...c, from: c.to, to: c.from };
    case 'names-changed':
    case 'notes-changed':
    case 'sub-applications-changed':
    case 'conditions-changed':
      return { ...c, added: c.removed, removed: c.added } as Change;
    case 'grant-added':
      return { ...c, type: 'grant-removed' };
    case 'grant-removed':
      return { ...c, type: 'grant-added' };
  }
}

function mirrorEffect(e: Effect): Effect {
  return { ...e, effect: e.effect === 'gained' ? 'lost' : e.effect === 'lost' ? 'gained' : 'changed', before: e.after, after: e.before };
}

function mirror(d: CatalogDiff): CatalogDiff {
  return { changes: d.changes.map(mirrorChange), effects: d.effects.map(mirrorEffect) };
}

const EMPTY = { changes: [], effects: [] };
const runs = { numRuns: 100 };

describe('diff laws (property tests on generated catalogues)', () => {
  test('diff(A, A) is empty', () => {
    fc.assert(
      fc.property(catalogArb, (a) => expect(diffCatalogs(a, a)).toEqual(EMPTY)),
      runs,
    );
  });

  test('diff(A, B) and diff(B, A) are mirror images', () => {
    fc.assert(
      fc.property(catalogArb, catalogArb, (a, b) => {
        expect(diffCatalogs(b, a)).toEqual(mirror(diffCatalogs(a, b)));
      }),
      runs,
    );
  });

  test('a reorder or a reformat of A gives an empty diff', () => {
    fc.assert(
      fc.property(catalogArb, fc.integer(), rewriteArb, (a, seed, rewrite) => {
        expect(diffCatalogs(a, shuffled(a, seed))).toEqual(EMPTY);
        const reformatted = reparse(rewriteYaml(catalogToYaml(shuffled(a, seed)), rewrite).text);
        expect(diffCatalogs(a, reformatted)).toEqual(EMPTY);
      }),
      // Each case writes, rewrites and validates a whole catalogue (some 40 ms, ten times a pure diff's): half the cases of the pure laws.
      { numRuns: 50 },
    );
  });

  test('two different catalogues give a non-empty diff', () => {
    fc.assert(
      fc.property(catalogArb, catalogArb, (a, b) => {
        const same = JSON.stringify(shuffled(a, 1)) === JSON.stringify(shuffled(b, 1));
        fc.pre(!same);
        const d = diffCatalogs(a, b);
        expect(d.changes.length + d.effects.length).toBeGreaterThan(0);
      }),
      runs,
    );
  });
});

/** The effects as the first diff found them: every clientele against every service, on both sides (the oracle of the linear search). */
function effectsByEveryPair(a: Catalog, b: Catalog): Effect[] {
  const summaries = (cat: Catalog): Map<string, string> => {
    const index = indexCatalog(cat);
    const out = new Map<string, string>();
    for (const c of cat.clienteles) {
      for (const s of cat.services) {
        const list = accessesTo(index, c, s).map((x) => ({
          tier: x.tier,
          conditions: x.conditions.map((k) => ({ fr: k.fr, en: k.en })).sort((p, q) => (JSON.stringify(p) < JSON.stringify(q) ? -1 : 1)),
          inherited_from: x.inherited_from,
        }));
        if (list.length > 0) out.set(`${c.id} ${s.id}`, JSON.stringify(list.sort((p, q) => (JSON.stringify(p) < JSON.stringify(q) ? -1 : 1))));
      }
    }
    return out;
  };
  const was = summaries(a);
  const now = summaries(b);
  const out: Effect[] = [];
  for (const k of new Set([...was.keys(), ...now.keys()])) {
    if (was.get(k) === now.get(k)) continue;
    const [clientele = '', service = ''] = k.split(' ');
    const before = JSON.parse(was.get(k) ?? '[]') as Effect['before'];
    const after = JSON.parse(now.get(k) ?? '[]') as Effect['after'];
    out.push({ clientele, service, effect: before.length === 0 ? 'gained' : after.length === 0 ? 'lost' : 'changed', before, after });
  }
  return out.sort((x, y) => (x.clientele < y.clientele ? -1 : x.clientele > y.clientele ? 1 : x.service < y.service ? -1 : x.service > y.service ? 1 : 0));
}

/** A copy of a catalogue with a few of its grants, parents and clienteles changed, as an edit would. */
function edited(a: Catalog, seed: number): Catalog {
  let state = seed;
  const rand = (): number => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  const ids = a.clienteles.map((c) => c.id);
  const pick = (): string => ids[Math.floor(rand() * ids.length)] ?? 'none';
  const clienteles = a.clienteles
    .filter(() => rand() > 0.1)
    .map((c) => (rand() < 0.2 ? { ...c, parent: rand() < 0.5 ? null : pick() } : c))
    .map((c) => (c.parent === c.id ? { ...c, parent: null } : c));
  const services = a.services.map((s) => ({
    ...s,
    grants: s.grants
      .filter(() => rand() > 0.2)
      .map((g) => (rand() < 0.2 ? { ...g, tier: g.tier === 'creation' ? ('request' as const) : ('creation' as const) } : g))
      .concat(rand() < 0.3 ? [{ clientele: pick(), tier: 'unspecified' as const, conditions: [] }] : [])
      .filter((g, i, all) => all.findIndex((h) => h.clientele === g.clientele) === i),
  }));
  return { ...a, clienteles, services };
}

describe('effects are found from what changed, and are the same as comparing every pair', () => {
  test('two generated catalogues (property)', () => {
    fc.assert(
      fc.property(catalogArb, catalogArb, (a, b) => {
        expect(diffCatalogs(a, b).effects).toEqual(effectsByEveryPair(a, b));
      }),
      runs,
    );
  });

  test('a generated catalogue and an edit of it: grants removed, added or changed, parents moved, clienteles dropped (property)', () => {
    fc.assert(
      fc.property(catalogArb, fc.integer(), (a, seed) => {
        // The edit need not be a valid catalogue (a parent may be gone, or make a cycle): the diff reads what is there.
        const b = edited(a, seed);
        expect(diffCatalogs(a, b).effects).toEqual(effectsByEveryPair(a, b));
      }),
      runs,
    );
  });
});

describe('diff on the shipped catalogue', () => {
  const shipped = loadCatalog(CATALOG);
  if (!shipped.ok) throw new Error('invalid');
  const a = shipped.catalog;

  test('the catalogue against itself, reordered: nothing', () => {
    expect(diffCatalogs(a, shuffled(a, 42))).toEqual(EMPTY);
  });

  test('granting IPS a service reaches its specialisations through the parent', () => {
    const b: Catalog = {
      ...a,
      services: a.services.map((s) => (s.id === 'selat' ? { ...s, grants: [...s.grants, { clientele: 'ips', tier: 'request' as const, conditions: [] }] } : s)),
    };
    const d = diffCatalogs(a, b);
    expect(d.changes).toEqual([{ type: 'grant-added', service: 'selat', clientele: 'ips', tier: 'request', conditions: [] }]);
    expect(d.effects.map((e) => [e.clientele, e.service, e.effect, e.after[0]?.inherited_from])).toEqual([
      ['ips', 'selat', 'gained', null],
      ['ips-premiere-ligne', 'selat', 'gained', 'ips'],
      ['ips-sante-mentale', 'selat', 'gained', 'ips'],
    ]);
  });

  test("linking a note to one more clientele is a change to the service's notes, which names the clienteles; no one gains access", () => {
    const gamf = a.services.find((s) => s.id === 'gamf')!;
    const before = gamf.notes[0]!;
    const after = { ...before, clienteles: [...before.clienteles, 'developpeur-logiciel'] };
    const b: Catalog = { ...a, services: a.services.map((s) => (s.id === 'gamf' ? { ...s, notes: [after] } : s)) };
    const d = diffCatalogs(a, b);
    expect(d.changes).toEqual([
      {
        type: 'notes-changed',
        entry: 'service',
        id: 'gamf',
        added: [{ ...after, clienteles: ['developpeur-logiciel', 'personnel-administratif'] }],
        removed: [before],
      },
    ]);
    expect(d.effects).toEqual([]);
    // The order of the ids means nothing.
    const reversed: Catalog = {
      ...b,
      services: b.services.map((s) => (s.id === 'gamf' ? { ...s, notes: [{ ...after, clienteles: [...after.clienteles].reverse() }] } : s)),
    };
    expect(diffCatalogs(b, reversed)).toEqual(EMPTY);
  });
});

describe('diff through the CLI (in process)', () => {
  let dir: string;
  let edited: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-diff-'));
    edited = path.join(dir, 'catalog.yaml');
    let text = fs.readFileSync(CATALOG, 'utf8');
    // grant SELAT to podiatrists
    text = text.replace(
      '      - clientele: audiologiste\n        tier: request\n',
      '      - clientele: podiatre\n        tier: request\n        conditions: []\n      - clientele: audiologiste\n        tier: request\n',
    );
    // drop the audioprosthetist's condition on Messagerie sécurisée
    text = text.replace(
      '      - clientele: audioprothesiste\n        tier: request\n        conditions:\n          - fr: accès aux états de compte seulement\n            en: statements of account only\n',
      '      - clientele: audioprothesiste\n        tier: request\n        conditions: []\n',
    );
    // rename a service
    text = text.replace('    name: Bilans forfaitaires\n', '    name: Bilans forfaitaires annuels\n');
    fs.writeFileSync(edited, text);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the edits are valid', async () => {
    expect((await runCli(['validate', edited])).code).toBe(0);
  });

  test('table: changes and effects, exit 1', async () => {
    const out = await runCli(['diff', CATALOG, edited, '--lang', 'en']);
    expect(out.code).toBe(1);
    // Piped, each change is one line, however long.
    expect(out.stdout).toContain('~ service bilans-forfaitaires renamed (name): "Bilans forfaitaires" -> "Bilans forfaitaires annuels"');
    expect(out.stdout).toContain('~ grant messagerie-securisee -> audioprothesiste: conditions: -"statements of account only"');
    expect(out.stdout).toContain('+ grant selat -> podiatre (on request)');
    expect(out.stdout).toContain(
      '+ podiatre (Podiatrist / Podiatre) gains selat (Technical aids online service / Service en ligne des aides techniques): on request',
    );
    expect(out.stdout).toContain('3 changes, 2 effects');
  });

  test.each(['table', 'markdown'])('%s: English lines name entries by their English and official names, in English; French ones in French', async (format) => {
    const en = (await runCli(['diff', CATALOG, edited, '--lang', 'en', '--format', format])).stdout;
    const mark = format === 'table' ? '~' : '!';
    expect(en).toContain(
      `${mark} audioprothesiste (Hearing aid acoustician / Audioprothésiste) now has messagerie-securisee (Secure messaging / Messagerie sécurisée) on new terms: on request; conditions: "statements of account only" -> on request`,
    );
    expect(en).toContain('+ podiatre (Podiatrist / Podiatre) gains selat (Technical aids online service / Service en ligne des aides techniques): on request');
    expect(en).not.toMatch(/reaches differently/);
    const fr = (await runCli(['diff', CATALOG, edited, '--lang', 'fr', '--format', format])).stdout;
    expect(fr).toContain(
      frenchSpaces(
        `${mark} audioprothesiste (Audioprothésiste) change d’accès à messagerie-securisee (Messagerie sécurisée) : sur demande ; conditions : "accès aux états de compte seulement" -> sur demande`,
      ),
    );
    expect(fr).toContain(frenchSpaces('+ podiatre (Podiatre) obtient selat (Service en ligne des aides techniques) : sur demande'));
  });

  test('an entry added or removed: its English name before its official one in English, its official name in French', async () => {
    const added = path.join(dir, 'added.yaml');
    const text = fs.readFileSync(CATALOG, 'utf8');
    const prem = text.slice(text.indexOf('  - id: prem\n'), text.indexOf('\n\n', text.indexOf('  - id: prem\n')) + 2);
    fs.writeFileSync(
      added,
      text.replace(
        prem,
        `${prem}${prem
          .replace('id: prem', 'id: prem-bis')
          .replace(/name: .*\n/, 'name: Plans bis\n')
          .replace(/name_en: .*\n/, 'name_en: Plans again\n')
          .replace('abbreviation: PREM', 'abbreviation: null')}`,
      ),
    );
    expect((await runCli(['validate', added])).code).toBe(0);
    expect((await runCli(['diff', CATALOG, added, '--lang', 'en'])).stdout).toContain('+ service prem-bis "Plans again" / "Plans bis" added');
    expect((await runCli(['diff', added, CATALOG, '--lang', 'en'])).stdout).toContain('- service prem-bis "Plans again" / "Plans bis" removed');
    expect((await runCli(['diff', CATALOG, added, '--lang', 'fr'])).stdout).toContain('+ service prem-bis "Plans bis" ajouté');
  });

  test('JSON: the same facts, one document', async () => {
    const out = await runCli(['diff', CATALOG, edited, '--json']);
    expect(out.code).toBe(1);
    const doc = JSON.parse(out.stdout);
    expect(doc.changed).toBe(true);
    expect(doc.changes).toEqual([
      { type: 'renamed', entry: 'service', id: 'bilans-forfaitaires', field: 'name', from: 'Bilans forfaitaires', to: 'Bilans forfaitaires annuels' },
      {
        type: 'conditions-changed',
        service: 'messagerie-securisee',
        clientele: 'audioprothesiste',
        added: [],
        removed: [{ fr: 'accès aux états de compte seulement', en: 'statements of account only' }],
      },
      { type: 'grant-added', service: 'selat', clientele: 'podiatre', tier: 'request', conditions: [] },
    ]);
    expect(doc.effects.map((e: Effect) => [e.clientele, e.service, e.effect])).toEqual([
      ['audioprothesiste', 'messagerie-securisee', 'changed'],
      ['podiatre', 'selat', 'gained'],
    ]);
    expect(doc.counts).toEqual({ changes: 3, effects: 2, gained: 1, lost: 0, changed: 1 });
  });

  test('markdown, ready for a pull-request comment', async () => {
    const out = await runCli(['diff', CATALOG, edited, '--format', 'markdown']);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^### ramq-access diff: /);
    expect(out.stdout).toContain('```diff\n');
    expect(out.stdout).toContain('+ podiatre (Podiatre) obtient selat');
  });

  test("a note linked to one clientele more: the line names the note's clienteles in the output language", async () => {
    const linked = path.join(dir, 'linked.yaml');
    const gamfNote =
      '      - kind: obtaining\n        clienteles:\n          - personnel-administratif\n        fr: Le professionnel peut demander un accès pour un membre de son personnel administratif.\n';
    const text = fs.readFileSync(CATALOG, 'utf8');
    expect(text.split(gamfNote)).toHaveLength(2);
    fs.writeFileSync(
      linked,
      text.replace(gamfNote, gamfNote.replace('personnel-administratif\n', 'personnel-administratif\n          - developpeur-logiciel\n')),
    );
    const en = await runCli(['diff', CATALOG, linked, '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain(
      '~ service gamf: notes +[obtaining access, concerns developpeur-logiciel, personnel-administratif] "A professional can request',
    );
    expect(en.stdout).toContain(' -[obtaining access, concerns personnel-administratif] "A professional can request');
    expect(en.stdout).toContain('1 change, 0 effects');
    const fr = await runCli(['diff', CATALOG, linked, '--lang', 'fr']);
    expect(fr.stdout).toContain('concerne developpeur-logiciel, personnel-administratif] "Le professionnel peut demander');
  });

  test('the reverse diff says the podiatrist loses SELAT', async () => {
    const out = await runCli(['diff', edited, CATALOG, '--json']);
    const doc = JSON.parse(out.stdout);
    expect(doc.effects.map((e: Effect) => [e.clientele, e.service, e.effect])).toContainEqual(['podiatre', 'selat', 'lost']);
  });

  test('"-" reads one side from standard input, as `git show base:catalog.yaml | ramq-access diff - catalog.yaml`', async () => {
    const out = await runCli(['diff', '-', edited, '--json'], {}, false, fs.readFileSync(CATALOG, 'utf8'));
    expect(out.code).toBe(1);
    expect(JSON.parse(out.stdout).before).toBe('<stdin>');
    const same = await runCli(['diff', '-', CATALOG], {}, false, fs.readFileSync(CATALOG, 'utf8'));
    expect(same.code).toBe(0);
  });

  test('no change in meaning: exit 0', async () => {
    const reformatted = path.join(dir, 'reformatted.yaml');
    fs.writeFileSync(reformatted, fs.readFileSync(CATALOG, 'utf8').replace(/\n\n/g, '\n').replace('version: 1', '"version": 1'));
    const out = await runCli(['diff', CATALOG, reformatted]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Aucun changement de sens.');
  });

  test('an invalid side: exit 3 with its problems; a missing file or "-" twice: exit 2', async () => {
    const bad = path.join(FIXTURES, 'bad', 'unknown-clientele.yaml');
    const out = await runCli(['diff', CATALOG, bad]);
    expect(out.code).toBe(3);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`${bad}:56:20: UNKNOWN_CLIENTELE`);
    expect((await runCli(['diff', CATALOG, path.join(dir, 'missing.yaml')])).code).toBe(2);
    expect((await runCli(['diff', '-', '-'])).code).toBe(2);
    expect((await runCli(['diff', CATALOG])).code).toBe(2);
  });
});

describe('a change to the source is a change in meaning', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-diff-source-'));
  const edited = path.join(dir, 'catalog.yaml');
  beforeAll(() => {
    const text = fs
      .readFileSync(CATALOG, 'utf8')
      .replace(/^ {2}title: .*$/m, '  title: Liste des services en ligne (archive)')
      .replace(/^ {2}checked: .*\n/m, '');
    fs.writeFileSync(edited, text);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('in memory: title and check date, nothing else', () => {
    const before = loadCatalog(CATALOG);
    const after = loadCatalog(edited);
    if (!before.ok || !after.ok) throw new Error('invalid');
    expect(diffCatalogs(before.catalog, after.catalog)).toEqual({
      changes: [
        { type: 'source-changed', field: 'checked', from: before.catalog.source.checked, to: null },
        { type: 'source-changed', field: 'title', from: 'Liste des services en ligne', to: 'Liste des services en ligne (archive)' },
      ],
      effects: [],
    });
  });

  test.each([
    ['fr', frenchSpaces('~ source : titre "Liste des services en ligne" -> "Liste des services en ligne (archive)"')],
    ['en', '~ source: title "Liste des services en ligne" -> "Liste des services en ligne (archive)"'],
  ])('through the CLI (%s): exit 1, the change named in the language', async (lang, line) => {
    const out = await runCli(['diff', CATALOG, edited, '--lang', lang]);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(line);
  });
});

describe('a space swapped for a no-break space is shown, not hidden', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-diff-nbsp-'));
  const edited = path.join(dir, 'catalog.yaml');
  beforeAll(() => {
    const text = fs
      .readFileSync(CATALOG, 'utf8')
      .replace('    name: Bilans forfaitaires\n', '    name: Bilans\u00a0forfaitaires\n')
      .replace('          - fr: accès aux états de compte seulement\n', '          - fr: accès aux états de compte\u202fseulement\n');
    fs.writeFileSync(edited, text);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(['table', 'markdown'])('%s: the before and after texts differ on screen, in each language', async (format) => {
    const fr = await runCli(['diff', CATALOG, edited, '--format', format, '--lang', 'fr']);
    expect(fr.code).toBe(1);
    expect(fr.stdout).toContain('"Bilans forfaitaires" -> "Bilans\\u{a0}forfaitaires"');
    expect(fr.stdout).toContain('+"accès aux états de compte\\u{202f}seulement" -"accès aux états de compte seulement"');
    // In English the condition reads the same before and after: its French text, where the change is, shows too.
    const en = await runCli(['diff', CATALOG, edited, '--format', format, '--lang', 'en']);
    expect(en.stdout).toContain(
      '+"statements of account only" / "accès aux états de compte\\u{202f}seulement" -"statements of account only" / "accès aux états de compte seulement"',
    );
    expect(en.stdout).toContain('on request; conditions: "statements of account only" / "accès aux états de compte seulement" -> on request');
    // The texts quoted show their no-break spaces as \u{..}; the only raw one is French typography's own, before a colon.
    for (const out of [fr, en]) expect(out.stdout.replace(/\u00a0(?=[:;!?»])|(?<=«)\u00a0/g, '')).not.toMatch(/[\u00a0\u202f]/);
  });

  test('JSON keeps the text as it is', async () => {
    const out = await runCli(['diff', CATALOG, edited, '--json']);
    expect(JSON.parse(out.stdout).changes).toContainEqual(
      expect.objectContaining({ type: 'renamed', from: 'Bilans forfaitaires', to: 'Bilans\u00a0forfaitaires' }),
    );
  });
});

describe('a text changed in the other language only is shown in that language', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-diff-other-'));
  const edited = path.join(dir, 'catalog.yaml');
  const original = fs.readFileSync(CATALOG, 'utf8');
  const description = /^ {6}en: (Exchange messages with RAMQ about billing[^\n]*)$/m.exec(original)![1]!;
  const note = /^ {8}en: (Access cannot be delegated, except by an ocularist[^\n]*)$/m.exec(original)![1]!;
  beforeAll(() => fs.writeFileSync(edited, original.replace(description, `${description} Edited.`).replace(note, `${note} Edited.`)));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('under French: the English description, named (en); the note in both languages', async () => {
    const out = await runCli(['diff', CATALOG, edited, '--lang', 'fr']);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(`description modifiée (en)${NBSP}: "${description}" -> "${description} Edited."`);
    expect(out.stdout).toContain(` / "${note} Edited."`);
    expect(out.stdout).toContain(` / "${note}"`);
  });

  test('under English: the English texts, as they are', async () => {
    const out = await runCli(['diff', CATALOG, edited, '--lang', 'en']);
    expect(out.stdout).toContain(`description changed: "${description}" -> "${description} Edited."`);
    expect(out.stdout).not.toContain(' / "');
  });
});
