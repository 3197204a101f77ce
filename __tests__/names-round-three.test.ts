/**
 * Issue 31: names as people say them, round three. Never a wrong entry: a
 * word the page's texts give two entries never reads as one of them; people's
 * words for a clientele (job titles, words from France, a specialty, the staff
 * of a CISSS) find it or are refused with it first; singulars, category
 * headings and the words every service name carries are understood; the
 * suggestions point the right way; and search finds the staff clienteles by
 * their note and by job titles. Two properties hold over the whole catalogue.
 */
import fc from 'fast-check';
import { loadCatalog } from '../src/catalog/load-catalog';
import { normalizeName } from '../src/catalog/normalize-name';
import { boundedDistance } from '../src/catalog/similarity';
import { indexCatalog } from '../src/query/catalog-index';
import { familyOf, spelledWords } from '../src/query/name-words';
import { entitiesOf, namesOf, resolveName, type Entity, type EntityKind, type Resolution } from '../src/query/resolve-name';
import { searchCatalog } from '../src/query/search-catalog';
import { CATALOG, runCli } from './helpers';

const loaded = loadCatalog(CATALOG);
if (!loaded.ok) throw new Error('shipped catalogue is invalid');
const catalog = loaded.catalog;
const index = indexCatalog(catalog);
const ALL: readonly EntityKind[] = ['service', 'clientele', 'category'];
const tag = (found: Entity): string => `${found.kind}:${found.entity.id}`;

type Lang = 'fr' | 'en';

/** The error document a question prints with --json (exit 2), or the answer's entry id. */
async function asked(
  argv: readonly string[],
  lang: Lang = 'fr',
): Promise<{
  code: number;
  error?: { code: string; suggestions: { id: string; kind: string }[]; instead?: string };
  id?: string;
  json: Record<string, unknown>;
}> {
  const out = await runCli([...argv, '--json', '--lang', lang], { NO_COLOR: '1' }, false, '');
  const json = JSON.parse(out.stdout) as Record<string, unknown>;
  const error = json['error'] as { code: string; suggestions: { id: string; kind: string }[]; instead?: string } | undefined;
  const entry = (json['clientele'] ?? json['service']) as { id: string } | undefined;
  return { code: out.code, ...(error ? { error } : {}), ...(entry ? { id: entry.id } : {}), json };
}

/** The ids a resolution names: the one it resolved to, or its suggestions in order. */
function idsOf(r: Resolution): string[] {
  return r.ok ? [r.found.entity.id] : r.suggestions.map((s) => s.id);
}

describe('a word the page uses for two entries never reads as one of them', () => {
  test('who registre: the advance-request registry and the DMA service (whose text speaks of the "registre des DMA"), no answer', async () => {
    const r = resolveName(index, 'registre', ['service']);
    expect(r.ok || r.reason).toBe('ambiguous');
    expect(idsOf(r)).toEqual(expect.arrayContaining(['registre-demandes-anticipees-amm', 'directives-medicales-anticipees']));
    const cli = await asked(['who', 'registre']);
    expect(cli.code).toBe(2);
    expect(cli.error?.code).toBe('AMBIGUOUS_NAME');
  });

  test.each([
    ['registres', ['service']],
    ['registry', ['service']],
    ['registre', ALL],
  ] as const)('%s (%j) is refused too', (name, kinds) => {
    const r = resolveName(index, name, kinds);
    expect(r.ok).toBe(false);
    expect(idsOf(r)).toEqual(expect.arrayContaining(['registre-demandes-anticipees-amm', 'directives-medicales-anticipees']));
  });

  test('"registre des DMA": only the DMA service can be meant, and it is', () => {
    expect(resolveName(index, 'registre des DMA', ['service'])).toMatchObject({ ok: true, found: { entity: { id: 'directives-medicales-anticipees' } } });
  });

  test('a word only a note of another entry holds still keeps a name from being read ("Visualiseur DSQ" is not the DMA service)', () => {
    const r = resolveName(index, 'Visualiseur DSQ', ['service']);
    expect(r.ok).toBe(false);
  });
});

describe('job titles of office staff are words people use for the staff clienteles', () => {
  const STAFF = ['personnel-administratif', 'personnel-administratif-audioprothesiste-oculariste', 'personnel-etablissements'];

  test.each([
    ['réceptionniste', 'fr'],
    ['secrétaire médicale', 'fr'],
    ['adjointe administrative', 'fr'],
    ['agente de facturation', 'fr'],
    ['commis à la facturation', 'fr'],
    ['receptionist', 'en'],
    ['medical secretary', 'en'],
    ['administrative assistant', 'en'],
    ['billing clerk', 'en'],
  ] as const)('can "%s" facturacte (%s): refused with staff clienteles only, never a doctor', async (title, lang) => {
    const out = await asked(['can', title, 'facturacte'], lang);
    expect(out.code).toBe(2);
    const ids = out.error?.suggestions.map((s) => s.id) ?? [];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(STAFF).toContain(id);
    expect(ids).toContain('personnel-administratif');
  });

  test('show lists a clientele’s job titles (table and JSON), and they are never a name of it', async () => {
    const table = await runCli(['show', 'personnel-administratif', '--lang', 'fr'], { NO_COLOR: '1' }, false, '');
    expect(table.stdout).toContain('Réceptionniste');
    const en = await runCli(['show', 'personnel-administratif', '--lang', 'en'], { NO_COLOR: '1' }, false, '');
    expect(en.stdout).toContain('receptionist');
    const j = await asked(['show', 'personnel-administratif']);
    expect((j.json['clientele'] as { job_titles: string[] }).job_titles).toEqual(expect.arrayContaining(['Réceptionniste', 'receptionist']));
    for (const c of catalog.clienteles)
      for (const title of c.job_titles) expect({ title, ok: resolveName(index, title, ['clientele']).ok }).toEqual({ title, ok: false });
  });
});

describe('words from France and elsewhere, a specialty, a CISSS', () => {
  test.each([
    ['médecin généraliste', 'medecin-omnipraticien'],
    ['généraliste', 'medecin-omnipraticien'],
    ['podologue', 'podiatre'],
    ['diététicienne', 'dietetiste'],
    ['nutritionniste', 'dietetiste'],
    ['personnel du CISSS', 'personnel-etablissements'],
    ["personnel d'un CIUSSS", 'personnel-etablissements'],
    ['CISSS staff', 'personnel-etablissements'],
    ['hospital staff', 'personnel-etablissements'],
  ])('%s is %s', (name, id) => {
    expect(idsOf(resolveName(index, name, ['clientele']))).toEqual([id]);
    expect(resolveName(index, name, ['clientele']).ok).toBe(true);
  });

  test.each(['psychiatre', 'cardiologue', 'pédiatre', 'dermatologue', 'psychiatrist', 'cardiologist', 'pediatrician', 'anesthésiologiste'])(
    'a medical specialty (%s) is refused, with Médecin spécialiste first: the page lists no specialty',
    (name) => {
      const r = resolveName(index, name, ['clientele']);
      expect(r.ok).toBe(false);
      expect(idsOf(r)[0]).toBe('medecin-specialiste');
    },
  );

  test('a CISSS alone is not read as its staff: the rehabilitation establishments may be one', () => {
    const r = resolveName(index, 'CISSS', ['clientele']);
    expect(r.ok).toBe(false);
    expect(idsOf(r)).toEqual(expect.arrayContaining(['personnel-etablissements', 'etablissement-readaptation-physique']));
  });

  test.each([
    ['médecin de GMF', 'fr'],
    ['médecin membre d’un GMF', 'fr'],
    ['GMF doctor', 'en'],
  ] as const)('"%s" is a general practitioner with the condition of GMF membership', async (name, lang) => {
    const r = resolveName(index, name, ['clientele']);
    expect(r).toMatchObject({ ok: true, found: { entity: { id: 'medecin-omnipraticien' } }, condition: { fr: 'membre d’un GMF' } });
    const out = await asked(['services', name], lang);
    expect(out.id).toBe('medecin-omnipraticien');
    expect(out.json['named_condition']).toEqual(expect.objectContaining({ fr: 'membre d’un GMF' }));
  });

  test('a clientele with no such condition is not one: "pharmacien de GMF", "médecin résident GMF"', () => {
    expect(resolveName(index, 'pharmacien de GMF', ['clientele']).ok).toBe(false);
    expect(resolveName(index, 'médecin résident GMF', ['clientele']).ok).toBe(false);
  });
});

describe('a short name gets the same answer in French and in English', () => {
  const PAIRS: readonly (readonly [fr: string, en: string])[] = [
    ['infirmière praticienne', 'nurse practitioner'],
    ['infirmier praticien', 'nurse practitioner'],
    ['infirmières praticiennes', 'nurse practitioners'],
    ['infirmière praticienne spécialisée', 'specialized nurse practitioner'],
    ['infirmière praticienne en santé mentale', 'mental health nurse practitioner'],
    ['infirmière praticienne en soins de première ligne', 'primary care nurse practitioner'],
    ['candidate infirmière praticienne', 'nurse practitioner candidate'],
    ['infirmière avec droit de prescrire', 'nurse with prescribing rights'],
    ['infirmière', 'nurse'],
    ['médecin', 'doctor'],
    ['médecin de famille', 'family doctor'],
    ['médecin généraliste', 'general practitioner'],
    ['médecin spécialiste', 'specialist physician'],
    ['médecin résident', 'resident physician'],
    ['dentiste', 'dentist'],
    ['hygiéniste', 'hygienist'],
    ['secrétaire', 'secretary'],
    ['réceptionniste', 'receptionist'],
    ['secrétaire médicale', 'medical secretary'],
    ['personnel administratif', 'administrative staff'],
    ['personnel des établissements', 'establishment staff'],
    ['développeur', 'developer'],
    ['centre de réadaptation', 'rehabilitation centre'],
    ['psychiatre', 'psychiatrist'],
  ];
  const outcome = (r: Resolution): string => (r.ok ? `= ${r.found.entity.id}` : `? ${[...idsOf(r)].sort().join(' ')}`);
  test.each(PAIRS)('%s / %s', (fr, en) => {
    expect(outcome(resolveName(index, fr, ['clientele']))).toBe(outcome(resolveName(index, en, ['clientele'])));
  });
});

describe('singulars, headings, distinctive words, the words of every service name', () => {
  /** Each word of a name made singular where the name has it in the plural (French -s, -x, -aux; English -s). */
  function singularOf(name: string): string {
    return name
      .split(' ')
      .map((w) => (/^\p{Lu}+$/u.test(w) || w.length < 4 ? w : w.replace(/aux$/, 'al').replace(/(?<=[^s])s$/, '')))
      .join(' ');
  }

  test('who "plan régional d\'effectifs médicaux" is PREM', () => {
    expect(resolveName(index, "plan régional d'effectifs médicaux", ['service'])).toMatchObject({ ok: true, found: { entity: { id: 'prem' } } });
  });

  test('every name in the plural, said in the singular, is its entry or no entry at all', () => {
    const wrong: string[] = [];
    let resolved = 0;
    let plural = 0;
    for (const found of entitiesOf(index)) {
      for (const name of namesOf(found)) {
        const singular = singularOf(name);
        if (singular === name) continue;
        plural++;
        const r = resolveName(index, singular, [found.kind]);
        if (r.ok && r.found.entity !== found.entity) wrong.push(`${name} -> ${singular} -> ${r.found.entity.id}`);
        if (r.ok && r.found.entity === found.entity) resolved++;
      }
    }
    expect(wrong).toEqual([]);
    expect(plural).toBeGreaterThan(20);
    // Most are their entry; the rest are names another entry shares in the singular.
    expect(resolved / plural).toBeGreaterThan(0.8);
  });

  test.each([
    ['who', 'Facturation et rémunération', 'facturation-remuneration'],
    ['who', 'Inscription des patients', 'inscription-patients'],
    ['who', 'Billing and remuneration', 'facturation-remuneration'],
    ['services', 'Médicaments', 'medicaments'],
  ])('%s "%s": a category heading is said to be one, with its services as suggestions', async (command, name, id) => {
    const out = await asked([command, name]);
    expect(out.code).toBe(2);
    expect(out.error?.code).toBe('WRONG_KIND');
    expect(out.error?.instead).toBe(`ramq-access show ${id}`);
    const suggested = out.error?.suggestions.map((s) => s.id) ?? [];
    expect(suggested[0]).toBe(id);
    const under = catalog.services.filter((s) => s.category === id).map((s) => s.id);
    expect(suggested.slice(1).sort()).toEqual([...under].sort());
    const text = await runCli([command, name], { NO_COLOR: '1' }, false, '');
    expect(text.stderr).toContain('catégorie');
  });

  test('can with a category where the clientele goes is no swapped question', async () => {
    const out = await asked(['can', 'Médicaments', 'podiatre']);
    expect(out.error?.code).toBe('WRONG_KIND');
  });

  test.each([
    ['service en ligne de facturation', ['facturacte', 'facturation-formulaires']],
    ['le service en ligne de facturation', ['facturacte', 'facturation-formulaires']],
    ['online billing service', ['facturacte', 'facturation-formulaires']],
  ])('words every service name carries drive nothing: %s', (name, ids) => {
    const r = resolveName(index, name, ['service']);
    expect(r.ok).toBe(false);
    expect(idsOf(r)).toEqual(expect.arrayContaining(ids));
    expect(idsOf(r)).not.toContain('selat');
    expect(idsOf(r)).not.toContain('directives-medicales-anticipees');
  });

  test('every service, named as the page names it ("le service en ligne X", "service X"), is that service', () => {
    const wrong: string[] = [];
    for (const s of catalog.services) {
      for (const name of [s.name, ...(s.abbreviation === null ? [] : [s.abbreviation])]) {
        for (const said of [`service en ligne ${name}`, `le service en ligne ${name}`, `le service ${name}`, `services en ligne ${name}`]) {
          const r = resolveName(index, said, ['service']);
          if (!r.ok || r.found.entity.id !== s.id) wrong.push(`${said} -> ${r.ok ? r.found.entity.id : idsOf(r).join(',')}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test('a generic word lists every entry of the kind asked whose names carry it', () => {
    const personnel = resolveName(index, 'personnel', ['clientele']);
    expect(personnel.ok).toBe(false);
    expect(idsOf(personnel)).toEqual(
      expect.arrayContaining(['personnel-administratif', 'personnel-administratif-audioprothesiste-oculariste', 'personnel-etablissements']),
    );
    const etablissement = resolveName(index, 'établissement', ['clientele']);
    expect(etablissement.ok).toBe(false);
    expect(idsOf(etablissement)).toEqual(
      expect.arrayContaining([
        'etablissement-readaptation-auditive',
        'etablissement-readaptation-physique',
        'etablissement-readaptation-visuelle',
        'personnel-etablissements',
      ]),
    );
    // Asked as any kind, the service of that name too.
    expect(idsOf(resolveName(index, 'établissement', ALL))).toEqual(expect.arrayContaining(['personnel-etablissements', 'etablissements-reseau-sante']));
    // "chirurgien" is the dentist, the oral surgeon, and a surgeon (a specialist).
    expect(idsOf(resolveName(index, 'chirurgien', ['clientele']))).toEqual(
      expect.arrayContaining(['chirurgien-dentiste', 'specialiste-chirurgie-buccale', 'medecin-specialiste']),
    );
  });

  test('every shared term and job title lists every entry whose names carry all its words', () => {
    const missing: string[] = [];
    const named = entitiesOf(index).flatMap((found) =>
      namesOf(found)
        .filter((n) => n !== found.entity.id)
        .map((name) => ({ found, families: new Set(spelledWords(name).map(familyOf)) })),
    );
    for (const found of entitiesOf(index)) {
      if (found.kind === 'category') continue;
      const terms = [...found.entity.shared_terms, ...(found.kind === 'clientele' ? found.entity.job_titles : [])];
      for (const term of terms) {
        const families = spelledWords(term).map(familyOf);
        const r = resolveName(index, term, ALL);
        const listed = new Set(idsOf(r));
        for (const n of named) if (families.every((f) => n.families.has(f)) && !listed.has(n.found.entity.id)) missing.push(`${term}: ${n.found.entity.id}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  test.each([
    ['candidate IPS santé mentale', 'fr'],
    ['candidate infirmière praticienne spécialisée en santé mentale', 'fr'],
    ['candidat IPS en santé mentale', 'fr'],
    ['candidate nurse practitioner in mental health', 'en'],
  ])('a candidate is not yet an IPS: "%s" suggests the candidates first', (name) => {
    const r = resolveName(index, name, ['clientele']);
    const ids = idsOf(r);
    expect(ids[0]).toMatch(/^candidat-ips/);
    expect(ids.indexOf('candidat-ips')).toBeGreaterThanOrEqual(0);
    if (ids.includes('ips-sante-mentale')) expect(ids.indexOf('ips-sante-mentale')).toBeGreaterThan(ids.indexOf('candidat-ips'));
  });

  test.each(["l'onglet Mon dossier du SELAT", 'onglet Mon dossier SELAT', 'the Mon dossier tab in SELAT'])(
    '"%s": the tab is in SELAT, and the Mon dossier service (which the page says it is not) never comes first',
    (name) => {
      const r = resolveName(index, name, ['service']);
      expect(idsOf(r)[0]).toBe('selat');
      if (r.ok) expect(r.by_words?.sub_application?.name).toBe('Mon dossier');
    },
  );
});

describe('ranking: a name one edit away comes before names further away', () => {
  test.each([
    ['facturate', 'facturacte'],
    ['pharmacie', 'pharmacien'],
    ['FacturActr', 'facturacte'],
    ['Podiatrre', 'podiatre'],
  ])('%s puts %s first', (typed, id) => {
    expect(idsOf(resolveName(index, typed, ['service', 'clientele']))[0]).toBe(id);
  });

  test('over every name: a typo at one edit from the names of one entry only ranks that entry first (sampled)', () => {
    // Each entry's keys, to tell which entries a typo is one edit from.
    const keysOf = entitiesOf(index)
      .filter((f) => f.kind !== 'category')
      .map((found) => ({ found, keys: [...new Set(namesOf(found).map(normalizeName))] }));
    const names = keysOf.flatMap(({ found, keys }) => keys.map((key) => ({ found, key })));
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.nat(),
        fc.nat(25),
        fc.constantFrom('delete', 'insert', 'substitute', 'transpose'),
        ({ found, key }, at, letter, how) => {
          const i = at % Math.max(1, key.length);
          const c = 'abcdefghijklmnopqrstuvwxyz'[letter]!;
          const typo =
            how === 'delete'
              ? key.slice(0, i) + key.slice(i + 1)
              : how === 'insert'
                ? key.slice(0, i) + c + key.slice(i)
                : how === 'substitute'
                  ? key.slice(0, i) + c + key.slice(i + 1)
                  : key.slice(0, i) + (key[i + 1] ?? '') + (key[i] ?? '') + key.slice(i + 2);
          const typed = normalizeName(typo);
          if (typed === '' || typed === key) return;
          const near = keysOf.filter((e) => e.keys.some((k) => boundedDistance(typed, k, 1) <= 1));
          if (near.length !== 1 || near[0]!.found.entity !== found.entity) return;
          // Another entry's exact form (a plural: "gps" is GPs) is that entry, not a typo.
          const r = resolveName(index, typo, ['service', 'clientele']);
          if (r.ok && r.by_words === null && r.found.entity !== found.entity) return;
          if (!r.ok && r.reason === 'ambiguous') return;
          expect({ typo, first: idsOf(r)[0] }).toEqual({ typo, first: found.entity.id });
        },
      ),
      { numRuns: 500, seed: 31 },
    );
  });
});

describe('search finds clienteles by their note and by the words people use for them', () => {
  const STAFF = ['personnel-administratif', 'personnel-administratif-audioprothesiste-oculariste'];

  test.each(['plupart', 'la plupart des services', 'most online services'])('search "%s" finds the two staff clienteles whose note says it', (query) => {
    const r = searchCatalog(index, query);
    const clienteles = r.hits.filter((h) => h.found.kind === 'clientele');
    expect(clienteles.map((h) => h.found.entity.id)).toEqual(expect.arrayContaining(STAFF));
    for (const h of clienteles.filter((x) => STAFF.includes(x.found.entity.id))) expect(h.fields).toContain('notes');
  });

  test.each([
    ['réceptionniste', 'fr'],
    ['receptionist', 'en'],
    ['secrétaire médicale', 'fr'],
    ['medical secretary', 'en'],
    ['billing clerk', 'en'],
  ] as const)('search %s --lang %s finds the staff clienteles by their job titles, and says so', async (query, lang) => {
    const out = await runCli(['search', ...query.split(' '), '--json', '--lang', lang], { NO_COLOR: '1' }, false, '');
    expect(out.code).toBe(0);
    const results = (JSON.parse(out.stdout) as { results: { id: string; fields: string[]; matches: { field: string }[] }[] }).results;
    const admin = results.find((h) => h.id === 'personnel-administratif');
    expect(admin?.fields).toContain('job_titles');
    expect(admin?.matches.every((m) => m.field === 'job_titles')).toBe(true);
    const table = await runCli(['search', ...query.split(' '), '--format', 'markdown', '--lang', lang], { NO_COLOR: '1' }, false, '');
    expect(table.stdout).toContain(
      lang === 'fr'
        ? '| personnel-administratif | Personnel administratif | titres d’emploi |'
        : '| personnel-administratif | Administrative staff | job titles |',
    );
  });

  test('search psychiatre finds the medical specialist', () => {
    expect(searchCatalog(index, 'psychiatre').hits.map((h) => h.found.entity.id)).toContain('medecin-specialiste');
  });
});

/** Every name and form of the catalogue, with the entry it leads to (job titles and shared terms, with each entry that has them). */
function everyForm(): { owners: ReadonlySet<string>; name: string }[] {
  const byKey = new Map<string, { owners: Set<string>; name: string }>();
  const add = (name: string, found: Entity): void => {
    const key = normalizeName(name);
    const known = byKey.get(key) ?? { owners: new Set<string>(), name };
    known.owners.add(tag(found));
    byKey.set(key, known);
  };
  for (const found of entitiesOf(index)) {
    for (const name of namesOf(found)) add(name, found);
    if (found.kind === 'category') continue;
    for (const term of found.entity.shared_terms) add(term, found);
    if (found.kind === 'clientele') for (const title of found.entity.job_titles) add(title, found);
    if (found.kind === 'service') for (const sub of found.entity.sub_applications) for (const name of [sub.name, sub.name_en]) add(name, found);
  }
  return [...byKey.values()];
}

describe('property: no name, form or one-edit typo of one reads as another entry', () => {
  const forms = everyForm();
  const owned = new Map(forms.map((f) => [normalizeName(f.name), f.owners]));

  /** A resolution that names another entry than the form's own, unless the typo is exactly a name or reading of that entry. */
  function wrong(owners: ReadonlySet<string>, typed: string): string | null {
    const typedOwners = owned.get(normalizeName(typed));
    if (typedOwners !== undefined && [...typedOwners].some((o) => !owners.has(o))) return null;
    const r = resolveName(index, typed, ALL, { suggestions: false });
    if (!r.ok || owners.has(tag(r.found))) return null;
    // Another entry's exact form (a plural: "gps" is GPs) is that entry, not a typo of this one.
    if (r.by_words === null) return null;
    return `${typed} -> ${tag(r.found)}`;
  }

  test('every name and form resolves to its own entry or to none', () => {
    const bad = forms.flatMap((f) => {
      const r = resolveName(index, f.name, ALL, { suggestions: false });
      return r.ok && !f.owners.has(tag(r.found)) ? [`${f.name} -> ${tag(r.found)}`] : [];
    });
    expect(bad).toEqual([]);
  });

  test('every deletion and transposition of every form (all of them)', () => {
    const bad: string[] = [];
    for (const { owners, name } of forms) {
      const key = normalizeName(name);
      for (let i = 0; i < key.length; i++) {
        const deleted = wrong(owners, key.slice(0, i) + key.slice(i + 1));
        if (deleted !== null) bad.push(deleted);
        if (i + 1 < key.length && key[i] !== key[i + 1]) {
          const swapped = wrong(owners, key.slice(0, i) + key[i + 1]! + key[i]! + key.slice(i + 2));
          if (swapped !== null) bad.push(swapped);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test('substitutions and insertions of any letter anywhere in any form (sampled)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...forms), fc.nat(), fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz '), fc.boolean(), (form, at, c, insert) => {
        const key = normalizeName(form.name);
        const i = at % (key.length + 1);
        const typed = insert ? key.slice(0, i) + c + key.slice(i) : key.slice(0, i) + c + key.slice(i + 1);
        expect(wrong(form.owners, typed)).toBeNull();
      }),
      { numRuns: 20_000, seed: 31 },
    );
  });
});

describe('property: a word the texts of two entries share never resolves alone', () => {
  /** Every text of an entry: its names, and what the catalogue says of it (descriptions, notes, conditions, applications). */
  function textsOf(found: Entity): string[] {
    const names = namesOf(found).filter((n) => n !== found.entity.id);
    switch (found.kind) {
      case 'service': {
        const s = found.entity;
        return [
          ...names,
          s.description.fr,
          s.description.en,
          ...s.notes.flatMap((n) => [n.fr, n.en]),
          ...s.grants.flatMap((g) => g.conditions.flatMap((c) => [c.fr, c.en])),
          ...s.sub_applications.flatMap((a) => [a.name, a.name_en, a.description.fr, a.description.en]),
        ];
      }
      case 'clientele': {
        const c = found.entity;
        const conditions = catalog.services.flatMap((s) =>
          s.grants.filter((g) => g.clientele === c.id).flatMap((g) => g.conditions.flatMap((k) => [k.fr, k.en])),
        );
        return [...names, ...(c.description === null ? [] : [c.description.fr, c.description.en]), ...c.notes.flatMap((n) => [n.fr, n.en]), ...conditions];
      }
      case 'category':
        return names;
    }
  }

  // Each word, as written, and the entries whose texts hold its family.
  const holders = new Map<string, Set<Entity['entity']>>();
  const kindOf = new Map<Entity['entity'], EntityKind>();
  const spelled = new Map<string, Set<string>>();
  for (const found of entitiesOf(index)) {
    kindOf.set(found.entity, found.kind);
    for (const text of textsOf(found)) {
      for (const word of spelledWords(text)) {
        const family = familyOf(word);
        const set = holders.get(family) ?? new Set();
        set.add(found.entity);
        holders.set(family, set);
        const words = spelled.get(family) ?? new Set();
        words.add(word);
        spelled.set(family, words);
      }
    }
  }
  const shared = [...holders].filter(([, set]) => set.size > 1);

  test('there are many such words', () => expect(shared.length).toBeGreaterThan(100));

  test('each of them, as written, asked as the kind of each entry that holds it and as any kind', () => {
    const bad: string[] = [];
    for (const [family, set] of shared) {
      const kinds = new Set([...set].map((e) => kindOf.get(e)!));
      for (const word of spelled.get(family) ?? []) {
        for (const asked of [ALL, ...[...kinds].map((k) => [k])]) {
          // Asked as one kind, the word is shared when two entries of that kind hold it.
          if (asked.length === 1 && [...set].filter((e) => kindOf.get(e) === asked[0]).length < 2) continue;
          const r = resolveName(index, word, asked, { suggestions: false });
          if (r.ok && r.by_words !== null) bad.push(`${word} (${asked.join('+')}) -> ${r.found.entity.id}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
