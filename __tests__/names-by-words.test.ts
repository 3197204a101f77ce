/**
 * Issue 19: a name whose words occur in the names of one entry only, of every
 * kind, is that entry, and the answer says how it was read; a name whose words
 * several entries hold lists every one of them; an unknown word gets a next
 * step; `who` and `services` say what the page says around their lists.
 */
import fc from 'fast-check';
import { loadCatalog } from '../src/catalog/load-catalog';
import { normalizeName } from '../src/catalog/normalize-name';
import { indexCatalog } from '../src/query/catalog-index';
import { familyOf, spelledWords } from '../src/query/name-words';
import { entitiesOf, namesOf, resolveName, type Entity, type EntityKind } from '../src/query/resolve-name';
import { CATALOG, frenchSpaces, runCli } from './helpers';

type Lang = 'fr' | 'en';
const LANGS: readonly Lang[] = ['fr', 'en'];

const loaded = loadCatalog(CATALOG);
if (!loaded.ok) throw new Error('shipped catalogue is invalid');
const index = indexCatalog(loaded.catalog);

async function ask(argv: readonly string[], lang: Lang = 'fr'): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return await runCli([...argv, '--lang', lang], { NO_COLOR: '1' }, false, '');
}

interface ReadAs {
  input: string;
  kind: string;
  id: string;
  sub_application: { name: string; name_en: string } | null;
}

/** The JSON answer of a question; `code` is 1 for a `can` that answers no. */
async function json(argv: readonly string[], lang: Lang = 'fr', code = 0): Promise<Record<string, unknown>> {
  const out = await ask([...argv, '--json'], lang);
  expect({ argv, code: out.code, stderr: out.stderr }).toEqual({ argv, code, stderr: '' });
  return JSON.parse(out.stdout) as Record<string, unknown>;
}

/** The ids an error line offers, in its order. */
function offered(stderr: string): string[] {
  return [...stderr.matchAll(/([a-z0-9]+(?:-[a-z0-9]+)*) \(/g)].map((m) => m[1]!);
}

describe('a name only one entry holds is that entry, and the answer says how it was read', () => {
  test.each([
    [['who', 'messagerie'], 'service', 'messagerie-securisee'],
    [['who', 'aide médicale à mourir'], 'service', 'registre-demandes-anticipees-amm'],
    [['who', 'transfert de fichiers'], 'service', 'transfert-fichiers'],
    [['who', 'liste des medicaments', '--tier', 'creation'], 'service', 'liste-medicaments'],
    [['services', 'infirmière avec droit de prescrire'], 'clientele', 'infirmier-prescripteur'],
    [['services', 'pharmacien(ne)'], 'clientele', 'pharmacien'],
    [['services', 'infirmier·ère avec droit de prescrire'], 'clientele', 'infirmier-prescripteur'],
    [['services', 'centre de réadaptation en déficience physique'], 'clientele', 'etablissement-readaptation-physique'],
    [['services', 'rehabilitation centre for the hearing impaired'], 'clientele', 'etablissement-readaptation-auditive'],
  ] as const)('%j is %s %s, read by its words', async (argv, kind, id) => {
    for (const lang of LANGS) {
      const j = await json(argv, lang);
      expect((j[kind] as { id: string }).id).toBe(id);
      expect(j['read_as']).toEqual([{ input: argv[1], kind, id, sub_application: null }]);
    }
  });

  test('can: each argument is read on its own, the clientele first, then the service', async () => {
    const j = await json(['can', 'IPS santé mentale', 'messagerie']);
    expect((j['clientele'] as { id: string }).id).toBe('ips-sante-mentale');
    expect((j['service'] as { id: string }).id).toBe('messagerie-securisee');
    expect((j['read_as'] as ReadAs[]).map((r) => [r.input, r.id])).toEqual([['messagerie', 'messagerie-securisee']]);
    // A clientele and a service of nearly the same name: each in its own argument is its own kind.
    const pair = await json(['can', 'personnel des établissements', 'établissements du réseau de la santé']);
    expect([(pair['clientele'] as { id: string }).id, (pair['service'] as { id: string }).id]).toEqual([
      'personnel-etablissements',
      'etablissements-reseau-sante',
    ]);
  });

  test.each([
    ['Gestion des consultations', 'inscription-clientele-professionnels'],
    ['Rechercher une personne assurée', 'selat'],
  ])('a sub-application the page names (%s) leads to the service that holds it, and says so', async (name, id) => {
    const j = await json(['who', name]);
    expect((j['service'] as { id: string }).id).toBe(id);
    const [reading] = j['read_as'] as ReadAs[];
    expect(reading?.sub_application?.name).toBe(name);
    for (const lang of LANGS) {
      // The reading comes first, before the service's title (it may wrap over several lines).
      const out = (await ask(['who', name], lang)).stdout;
      const text = out.replace(/\n/g, ' ');
      expect(text).toContain(lang === 'fr' ? frenchSpaces(`« ${name} » lu comme`) : `“${name}” read as`);
      expect(text).toContain(lang === 'fr' ? 'qui comprend l’application' : 'which includes the application');
    }
  });

  test.each(LANGS)('the reading is the first line of a table (%s) and a paragraph of markdown, and goes to stderr with CSV', async (lang) => {
    const table = await ask(['who', 'messagerie'], lang);
    expect(table.stdout.split('\n')[0]).toBe(
      lang === 'fr'
        ? frenchSpaces('« messagerie » lu comme Messagerie sécurisée [messagerie-securisee]')
        : '“messagerie” read as Secure messaging [messagerie-securisee]',
    );
    expect(
      (await ask(['who', 'messagerie', '--format', 'markdown'], lang)).stdout.startsWith(
        lang === 'fr' ? frenchSpaces('_« messagerie » lu comme') : '_“messagerie” read as',
      ),
    ).toBe(true);
    const csv = await ask(['who', 'messagerie', '--format', 'csv'], lang);
    expect(csv.stdout.split('\n')[0]).toMatch(/^service,tier,clientele/);
    expect(csv.stderr).toContain(lang === 'fr' ? frenchSpaces('ramq-access: « messagerie » lu comme') : 'ramq-access: “messagerie” read as');
  });

  test('batch lines carry the reading as the single answer does', async () => {
    const out = await runCli(['who', '--batch'], { NO_COLOR: '1' }, false, 'messagerie\nmessagerie-securisee\n');
    const [first, second] = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { read_as: ReadAs[] });
    expect(first?.read_as.map((r) => r.id)).toEqual(['messagerie-securisee']);
    expect(second?.read_as).toEqual([]);
  });

  test('a name that is one of the entry names is no reading', async () => {
    expect((await json(['who', 'messagerie-securisee']))['read_as']).toEqual([]);
    expect((await json(['services', 'podiatre']))['read_as']).toEqual([]);
  });
});

describe('a name several entries hold lists every one of them', () => {
  test.each([
    [
      ['services', 'chirurgien'],
      ['chirurgien-dentiste', 'specialiste-chirurgie-buccale'],
    ],
    [
      ['who', 'facturation'],
      ['facturation-formulaires', 'facturacte', 'facturation-remuneration'],
    ],
    [
      ['who', 'médecin de famille'],
      ['identification-medecin-famille', 'gamf'],
    ],
    [
      ['services', 'infirmière'],
      ['ips', 'ips-premiere-ligne', 'ips-sante-mentale', 'infirmier-prescripteur', 'candidat-ips'],
    ],
    [
      ['services', 'GMF'],
      ['medecin-omnipraticien', 'inscription-clientele-gmf'],
    ],
    [
      ['services', 'candidate IPS'],
      ['candidat-ips', 'candidat-ips-premiere-ligne'],
    ],
  ] as const)('%j is ambiguous and names %j', async (argv, ids) => {
    const out = await ask(argv);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('est ambigu');
    expect(offered(out.stderr)).toEqual(expect.arrayContaining([...ids]));
  });

  test('a candidate of another kind says what it is', async () => {
    expect((await ask(['services', 'GMF'])).stderr).toContain(frenchSpaces('inscription-clientele-gmf (Inscription de la clientèle ; service)'));
    expect((await ask(['who', 'médecin de famille'], 'en')).stderr).toContain('medecin-omnipraticien (General practitioner; clientele)');
  });

  test('"infirmière praticienne" is the nurse practitioner, as "nurse practitioner" is (issue 31: a short name answers alike in both languages)', () => {
    for (const name of ['infirmière praticienne', 'infirmier praticien', 'nurse practitioner'])
      expect(resolveName(index, name, ['clientele'])).toMatchObject({ ok: true, found: { entity: { id: 'ips' } }, by_words: null });
  });

  test('"candidat IPS" is the id of the nurse practitioner candidate (the group the first-line candidate belongs to), a name, never an IPS', () => {
    expect(resolveName(index, 'candidat IPS', ['clientele'])).toMatchObject({ ok: true, found: { entity: { id: 'candidat-ips' } }, by_words: null });
  });

  test.each(['infirmière', 'médecin', 'personnel', 'spécialiste', 'centre de réadaptation', 'candidate IPS', 'candidate infirmière'])(
    'the dangerous name "%s" never resolves',
    (name) => {
      const r = resolveName(index, name, ['clientele']);
      expect(r.ok || r.reason).toBe('ambiguous');
    },
  );

  test('a candidate IPS never reads as an IPS', () => {
    for (const name of ['candidate IPS', 'candidat infirmier praticien spécialisé', 'IPS candidate', 'candidate nurse practitioner']) {
      const r = resolveName(index, name, ['clientele']);
      if (r.ok) expect(r.found.entity.id).toMatch(/^candidat-ips/);
      else expect(r.suggestions.map((s) => s.id)).not.toContain('ips');
    }
  });

  test('a wider group than the entry is not the entry: an infirmière diplômée is not a prescribing nurse', () => {
    for (const name of ['infirmière diplômée', 'Infirmier diplômé en soins infirmiers', 'registered nurse']) {
      const r = resolveName(index, name, ['clientele']);
      expect(r.ok).toBe(false);
    }
    expect(resolveName(index, 'infirmière diplômée avec droit de prescrire', ['clientele'])).toMatchObject({
      ok: true,
      found: { entity: { id: 'infirmier-prescripteur' } },
    });
  });

  test('AMM, our nickname of the advance-request registry, is never an answer: the registry first, AMP after it as a spelling neighbour', async () => {
    const out = await ask(['who', 'AMM']);
    expect(out.code).toBe(2);
    const ids = offered(out.stderr);
    expect(ids[0]).toBe('registre-demandes-anticipees-amm');
    expect(ids).toContain('activites-medicales-particulieres');
  });

  test('a cut-off word is a near miss, not a word to read', () => {
    expect(resolveName(index, 'podiatr', ['clientele'])).toMatchObject({ ok: false, reason: 'unknown' });
    expect(resolveName(index, 'messager', ['service'])).toMatchObject({ ok: false });
  });
});

describe('a name with a character that shows nothing or reorders the text is never read by its words', () => {
  test.each(['\u202eSELAT', 'messagerie\u200b', '\u009bmessagerie', 'messa\u00adgerie', `messagerie${String.fromCodePoint(0xe0041)}`])('%j', (name) => {
    const r = resolveName(index, name, ['service']);
    expect(r.ok).toBe(false);
  });
});

describe('an unknown name gets a next step', () => {
  test.each(LANGS)('(%s) the list of its kind and a search for the word', async (lang) => {
    const out = await ask(['services', 'barista'], lang);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toContain('ramq-access list clienteles');
    expect(out.stderr).toContain('ramq-access search barista');
    expect((await ask(['who', 'zzyzx'], lang)).stderr).toContain('ramq-access list services');
  });

  test('the word is quoted for the shell when it needs to be', async () => {
    expect((await ask(['services', "zz l'yy"])).stderr).toContain(`ramq-access search 'zz l'\\''yy'`);
  });

  test('receptionists and clerks are administrative staff of some kind: every staff clientele is listed', async () => {
    for (const name of ['réceptionniste', 'commis', 'receptionist', 'clerk']) {
      const out = await ask(['services', name]);
      expect(offered(out.stderr).sort()).toEqual([
        'personnel-administratif',
        'personnel-administratif-audioprothesiste-oculariste',
        'personnel-etablissements',
      ]);
    }
  });
});

describe('answers say what the page says around its lists', () => {
  test.each(LANGS)('who identification-medecin-famille (%s): no access list, and how the service is reached', async (lang) => {
    const text = (await ask(['who', 'identification-medecin-famille'], lang)).stdout;
    expect(text).toContain(lang === 'fr' ? 'logiciel d' : 'software developer');
    const j = await json(['who', 'identification-medecin-famille'], lang);
    expect((j['notes'] as { kind: string }[]).map((n) => n.kind)).toContain('channel');
  });

  test.each(LANGS)('who pma (%s): access through the fertility centre’s designated representative', async (lang) => {
    const text = (await ask(['who', 'pma'], lang)).stdout;
    expect(text).toContain(lang === 'fr' ? 'représentant désigné' : 'designated representative');
    expect((await ask(['who', 'pma', '--format', 'markdown'], lang)).stdout).toContain(lang === 'fr' ? 'représentant désigné' : 'designated representative');
    const notes = (await json(['who', 'pma'], lang))['notes'] as { kind: string; en: string }[];
    expect(notes.some((n) => n.kind === 'obtaining' && n.en.includes('designated representative'))).toBe(true);
  });

  test('who leaves out how a service is used: that is not about access', async () => {
    for (const s of index.catalog.services) {
      const notes = (await json(['who', s.id]))['notes'] as { kind: string; clienteles: string[] }[];
      expect(notes.filter((n) => n.kind === 'usage' && n.clienteles.length === 0)).toEqual([]);
      expect(notes).toHaveLength(s.notes.filter((n) => n.clienteles.length > 0 || n.kind !== 'usage').length);
    }
  });

  test.each(LANGS)('services and can for administrative staff (%s) carry the page’s opening sentence, and it grants nothing', async (lang) => {
    const j = await json(['services', 'personnel-administratif'], lang);
    const notes = j['notes'] as { kind: string; clienteles: string[]; fr: string }[];
    expect(notes).toEqual([expect.objectContaining({ kind: 'delegation', clienteles: ['personnel-administratif'] })]);
    expect(notes[0]!.fr).toContain('la plupart des services en ligne');
    // The note is no access: the services are the ones the page names for this staff.
    const named = index.catalog.services.filter((s) => s.grants.some((g) => g.clientele === 'personnel-administratif')).map((s) => s.id);
    expect((j['services'] as { id: string }[]).map((s) => s.id).sort()).toEqual(named.sort());
    expect((await ask(['services', 'personnel-administratif'], lang)).stdout).toContain(
      lang === 'fr' ? 'la plupart des services en ligne' : 'most online services',
    );
    const can = await json(['can', 'personnel-administratif', 'pme'], lang, 1);
    expect(can['eligible']).toBe(false);
    expect((can['notes'] as { kind: string }[]).map((n) => n.kind)).toContain('delegation');
    expect((await json(['services', 'personnel-administratif-audioprothesiste-oculariste'], lang))['notes']).toHaveLength(1);
    // Establishment staff are not "your" administrative staff: the sentence is not theirs.
    expect((await json(['services', 'personnel-etablissements'], lang))['notes']).toEqual([]);
  });
});

describe('the warnings and the lists around the page’s lists', () => {
  test.each(LANGS)('can audioprothesiste mon-dossier (%s): no, and SELAT’s "Mon dossier" tab is not this service', async (lang) => {
    const out = await ask(['can', 'audioprothesiste', 'mon-dossier'], lang);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain(lang === 'fr' ? frenchSpaces("Note (nom) : L'onglet") : 'Note (name): The "Mon dossier" tab inside SELAT');
    const notes = (await json(['can', 'audioprothesiste', 'mon-dossier'], lang, 1))['notes'] as { kind: string; en: string }[];
    expect(notes.filter((n) => n.kind === 'naming').map((n) => n.en)).toEqual([expect.stringContaining('inside SELAT')]);
  });

  test.each(LANGS)('show messagerie-securisee (%s): the page’s own list counted as the page gives it, the heirs apart', async (lang) => {
    const text = (await ask(['show', 'messagerie-securisee'], lang)).stdout;
    const table = text.slice(text.indexOf('┌'), text.lastIndexOf('┘'));
    expect(table).toContain(lang === 'fr' ? 'À la création du compte (13)' : 'At account creation (13)');
    expect(table).toContain(lang === 'fr' ? 'Sur demande (3)' : 'On request (3)');
    expect(text).toContain(lang === 'fr' ? '\n16 clientèles\n' : '\n16 clienteles\n');
    // Inheritance is no condition: no row of the table says it, and the heirs are listed apart.
    expect(table).not.toMatch(lang === 'fr' ? /hérité/ : /inherited/);
    expect(table).not.toContain('ips-premiere-ligne');
    const heirs = text.slice(text.indexOf(lang === 'fr' ? 'Aussi par héritage' : 'Also through inheritance'));
    expect(heirs).toContain('(ips-premiere-ligne)');
    expect(heirs).toContain('(ips-sante-mentale)');
    const j = await json(['show', 'messagerie-securisee'], lang);
    expect((j['access'] as unknown[]).length).toBe(16);
    expect((j['inherited'] as { clientele: { id: string }; inherited_from: string }[]).map((a) => [a.clientele.id, a.inherited_from])).toEqual([
      ['ips-premiere-ligne', 'ips'],
      ['ips-sante-mentale', 'ips'],
    ]);
    // The notes come once.
    expect(text.split(lang === 'fr' ? 'sauf par un oculariste' : 'except by an ocularist')).toHaveLength(2);
  });
});

/** Every name of every entry, and of every application a service holds, with the entry it leads to. */
function namedEntries(): { found: Entity; name: string }[] {
  const out: { found: Entity; name: string }[] = [];
  for (const found of entitiesOf(index)) {
    for (const name of namesOf(found)) if (name !== found.entity.id) out.push({ found, name });
    if (found.kind === 'service') for (const sub of found.entity.sub_applications) out.push({ found, name: sub.name }, { found, name: sub.name_en });
  }
  return out;
}

/** For each pair of names of two different entries, the words of the first whose families the second has too. */
function sharedWords(): { a: Entity; b: Entity; words: string[] }[] {
  const named = namedEntries().map((n) => ({ ...n, families: new Set(spelledWords(n.name).map(familyOf)) }));
  const out: { a: Entity; b: Entity; words: string[] }[] = [];
  for (const x of named) {
    for (const y of named) {
      if (x.found.entity === y.found.entity) continue;
      const words = [...new Set(spelledWords(x.name).filter((w) => y.families.has(familyOf(w))))];
      if (words.length > 0) out.push({ a: x.found, b: y.found, words });
    }
  }
  return out;
}

const KINDS: readonly EntityKind[] = ['service', 'clientele', 'category'];

describe('property: a name that occurs in the names of two entries never resolves by its words', () => {
  const pairs = sharedWords();

  test('there are many such pairs to draw from', () => {
    expect(pairs.length).toBeGreaterThan(1000);
  });

  test('every pair, with all the words both hold', () => {
    for (const { a, words } of pairs) {
      for (const kinds of [[a.kind], KINDS]) {
        const r = resolveName(index, words.join(' '), kinds);
        // Resolving is allowed only as a name or a reading of a name (an exact form, a plural), never by words.
        if (r.ok) expect({ words, read: r.by_words }).toEqual({ words, read: null });
      }
    }
  });

  test('any subset of those words, in any order', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs).chain((p) => fc.tuple(fc.constant(p), fc.shuffledSubarray(p.words, { minLength: 1 }))),
        ([p, words]) => {
          const typed = words.join(' ');
          const r = resolveName(index, typed, [p.a.kind]);
          return !r.ok || r.by_words === null;
        },
      ),
      { numRuns: 3000, seed: 19 },
    );
  });

  test('a name read by its words is never a name of another entry', () => {
    const owners = new Map<string, Entity['entity']>();
    for (const { found, name } of namedEntries()) owners.set(normalizeName(name), found.entity);
    for (const { found, name } of namedEntries()) {
      const words = spelledWords(name);
      for (let i = 0; i < words.length; i++) {
        const typed = words.slice(0, i + 1).join(' ');
        const r = resolveName(index, typed, [found.kind]);
        if (r.ok && r.by_words !== null) {
          const owner = owners.get(normalizeName(typed));
          if (owner !== undefined) expect(owner).toBe(r.found.entity);
        }
      }
    }
  });
});

describe('an exact comparison without suggestions (check-source) stops before the word tables, and decides as the full one', () => {
  const KINDS: readonly (readonly EntityKind[])[] = [['clientele'], ['service'], ['clientele', 'service']];
  const names = entitiesOf(index).flatMap((e) => namesOf(e));
  const words = [...new Set(names.flatMap((n) => n.split(/\s+/)))];
  // Names of the catalogue, their plurals and cut-off forms, single words (shared terms such as GMF among them),
  // page phrasings read by their words elsewhere, and random mixes of the catalogue's words.
  const samples = [
    ...names,
    ...names.map((n) => `${n}s`),
    ...names.map((n) => n.slice(0, Math.max(1, n.length - 2))),
    ...words,
    'GMF',
    'messagerie',
    'infirmière',
    'médecin de famille',
    'pharmacien(ne)',
  ];
  const decision = (input: string, kinds: readonly EntityKind[], suggestions: boolean): string => {
    const r = resolveName(index, input, kinds, { exact: true, suggestions });
    return r.ok ? `${r.found.kind}:${r.found.entity.id}:${r.condition?.fr ?? ''}` : 'no';
  };

  test.each(KINDS.map((k) => [k.join('+'), k] as const))('every sample, kinds %s', (_label, kinds) => {
    const differ = samples.filter((s) => decision(s, kinds, false) !== decision(s, kinds, true));
    expect(differ).toEqual([]);
  });

  test('random mixes of the catalogue words (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }), fc.constantFrom(...KINDS), (picked, kinds) => {
        const input = picked.join(' ');
        expect(decision(input, kinds, false)).toBe(decision(input, kinds, true));
      }),
      { numRuns: 500 },
    );
  });

  test('without suggestions, a name that is not one is unknown with none (GMF, a shared term, is ambiguous with them)', () => {
    expect(resolveName(index, 'GMF', ['clientele'], { exact: true, suggestions: false })).toMatchObject({ ok: false, reason: 'unknown', suggestions: [] });
    const ranked = resolveName(index, 'GMF', ['clientele'], { exact: true });
    expect(ranked.ok).toBe(false);
    expect(ranked.ok ? [] : ranked.suggestions.length).toBeGreaterThan(1);
  });
});
