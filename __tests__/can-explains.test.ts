/**
 * A "no" from `can` explains itself, through the CLI in both languages: who does hold the service, by
 * tier (with their conditions), and every note that concerns the clientele or says how the service is
 * reached; a service with no access list says so and shows its notes. JSON and --batch carry the same.
 */
import { collapseSpace, runCli } from './helpers';

interface Holder {
  clientele: { id: string };
  tier: string;
  conditions: { fr: string; en: string }[];
}
interface Note {
  kind: string;
  clienteles: string[];
  fr: string;
  en: string;
}
interface CanJson {
  eligible: boolean;
  holders: Holder[];
  notes: Note[];
}

// The questions of the issue, as a person types them.
const STAFF_ELIGIBILITY = ['personnel administratif', 'Vérification de l’admissibilité'];
const PHARMACIST_LOOKUP = ['pharmacist', 'family doctor lookup'];

async function can(args: readonly string[], lang: 'fr' | 'en', ...more: string[]): Promise<{ text: string; code: number }> {
  const out = await runCli(['can', ...args, '--lang', lang, ...more], { NO_COLOR: '1' });
  expect(out.stderr).toBe('');
  return { text: out.stdout, code: out.code };
}

async function canJson(args: readonly string[], ...more: string[]): Promise<CanJson> {
  return JSON.parse((await runCli(['can', ...args, '--json', ...more])).stdout) as CanJson;
}

describe('office staff and Vérification de l’admissibilité: no, and why', () => {
  test('French: the holders by tier, then the note on requesting access for office staff', async () => {
    const { text, code } = await can(STAFF_ELIGIBILITY, 'fr');
    expect(code).toBe(1);
    const flat = collapseSpace(text);
    expect(flat).toMatch(
      /^Non : la source ne donne pas accès à Vérification de l’admissibilité \[verification-admissibilite\] à Personnel administratif \[personnel-administratif\]\. Qui y a accès :/,
    );
    expect(flat).toContain(
      '- À la création du compte : Chirurgien-dentiste ou chirurgienne-dentiste ; Denturologiste ; Hygiéniste dentaire ; Infirmier diplômé ou infirmière diplômée en soins infirmiers avec droit de prescrire ; Infirmier praticien spécialisé ou infirmière praticienne spécialisée ; Médecin omnipraticien ou omnipraticienne ; Médecin spécialiste ; Optométriste ; Spécialiste en chirurgie buccale et maxillo-faciale',
    );
    expect(flat).toContain('- Sur demande : Développeur de logiciel ; Personnel des établissements du réseau de la santé');
    expect(flat).toContain("Note (obtenir l’accès) : Le texte de la source dit qu'on peut demander l'accès pour un membre de son personnel administratif");
  });

  test('English: the same, in English', async () => {
    const { text, code } = await can(STAFF_ELIGIBILITY, 'en');
    expect(code).toBe(1);
    const flat = collapseSpace(text);
    expect(flat).toContain(
      'No: the source does not give Administrative staff [personnel-administratif] access to Eligibility check [verification-admissibilite]. Who has access:',
    );
    expect(flat).toContain('- At account creation: Dentist; Denturist; Dental hygienist;');
    expect(flat).toContain('- On request: Software developer; Health network establishment staff');
    expect(flat).toContain("Note (obtaining access): The source's text says access can be requested for a member of your office staff");
  });

  test('JSON: the holders (id, tier, conditions) and the note with the clienteles it concerns', async () => {
    const doc = await canJson(STAFF_ELIGIBILITY);
    expect(doc.eligible).toBe(false);
    expect(doc.holders.map((h) => [h.tier, h.clientele.id])).toEqual([
      ['creation', 'chirurgien-dentiste'],
      ['creation', 'denturologiste'],
      ['creation', 'hygieniste-dentaire'],
      ['creation', 'infirmier-prescripteur'],
      ['creation', 'ips'],
      ['creation', 'medecin-omnipraticien'],
      ['creation', 'medecin-specialiste'],
      ['creation', 'optometriste'],
      ['creation', 'specialiste-chirurgie-buccale'],
      ['request', 'developpeur-logiciel'],
      ['request', 'personnel-etablissements'],
    ]);
    expect(doc.notes).toEqual([
      {
        kind: 'obtaining',
        clienteles: ['personnel-administratif', 'developpeur-logiciel'],
        fr: expect.stringContaining('personnel administratif'),
        en: expect.stringContaining('office staff'),
      },
      // Then what the page says about administrative staff in every service: most services on request, none named.
      {
        kind: 'delegation',
        clienteles: ['personnel-administratif'],
        fr: expect.stringContaining('la plupart des services en ligne'),
        en: expect.stringContaining('most online services'),
      },
    ]);
  });

  test('markdown lists the holders, CSV carries their ids and the notes in both languages', async () => {
    const md = (await runCli(['can', ...STAFF_ELIGIBILITY, '--format', 'markdown', '--lang', 'en'])).stdout;
    expect(md).toContain('\n\nWho has access:\n\n- At account creation: Dentist; ');
    expect(md).toContain('\n- On request: Software developer; Health network establishment staff\n');
    const csv = (await runCli(['can', ...STAFF_ELIGIBILITY, '--format', 'csv'])).stdout.trim().split('\r\n');
    expect(csv[0]).toBe('clientele,service,eligible,tier,conditions,conditions_en,inherited_from,holders,notes,notes_en');
    // One line per tier in the holders cell (a quoted cell with a line break).
    expect(csv[1]).toContain('\nrequest developpeur-logiciel personnel-etablissements","obtaining: Le texte de la source');
    // The notes cell holds a line per note: the staff's own note comes after the service's.
    expect(csv[1]).toContain('administratif.\ndelegation: La page dit aussi');
    expect(csv[1]).toContain('"obtaining: The source\'s text says');
  });
});

describe('a pharmacist and the unnamed family-doctor lookup: no list, and how it is reached', () => {
  test.each([
    [
      'fr',
      'Non : la source ne donne aucune liste d’accès pour Identification du médecin de famille [identification-medecin-famille] ; elle ne nomme donc aucun accès pour Pharmacien ou pharmacienne [pharmacien].',
      "Note (canal) : Offert seulement à travers le logiciel d'un développeur",
      "Note (utilisation) : La source dit qu'il peut aussi servir au personnel des établissements du réseau de la santé, des cliniques médicales et des pharmacies",
    ],
    [
      'en',
      'No: the source gives no access list for Family doctor lookup [identification-medecin-famille], so it names no access for Pharmacist [pharmacien].',
      "Note (channel): Only available through a software developer's product",
      'Note (usage): The source says staff of health network establishments, medical clinics and pharmacies can use it too',
    ],
  ] as const)('%s: says the source gives no list, then the channel and the note on pharmacies', async (lang, sentence, channel, usage) => {
    const { text, code } = await can(PHARMACIST_LOOKUP, lang);
    expect(code).toBe(1);
    const flat = collapseSpace(text);
    expect(flat.startsWith(sentence)).toBe(true);
    expect(flat).toContain(channel);
    expect(flat).toContain(usage);
    // no holders heading: there is no one to list
    expect(flat).not.toMatch(/Qui y a accès|Who has access/);
  });

  test('JSON: no holders, the channel note (about everyone) and the usage note (about pharmacists among others)', async () => {
    const doc = await canJson(PHARMACIST_LOOKUP);
    expect(doc.holders).toEqual([]);
    // The naming note about everyone too: the service's name is the project's, not the page's.
    expect(doc.notes.map((n) => [n.kind, n.clienteles])).toEqual([
      ['naming', []],
      ['channel', []],
      ['usage', ['personnel-etablissements', 'pharmacien', 'personnel-administratif']],
    ]);
  });

  test('a developer asking gets the channel note but not the one about pharmacies', async () => {
    expect((await canJson(['developpeur-logiciel', 'identification-medecin-famille'])).notes.map((n) => n.kind)).toEqual(['naming', 'channel']);
  });
});

describe('other answers stay coherent', () => {
  test('holders keep their conditions; the delegation note concerns office staff', async () => {
    const flat = collapseSpace((await can(['personnel administratif', 'messagerie sécurisée'], 'fr')).text);
    expect(flat).toContain(
      "- Sur demande : Audioprothésiste (accès aux états de compte seulement) ; Oculariste (accès aux états de compte seulement) ; Personnel administratif de l'audioprothésiste ou de l'oculariste",
    );
    expect(flat).toContain(
      "Note (délégation) : L'accès ne peut pas être délégué, sauf par un oculariste ou un audioprothésiste à son personnel administratif.",
    );
  });

  test('a "no" caused by --tier lists the holders at that tier only, and the notes', async () => {
    const flat = collapseSpace((await can(['audioprothésiste', 'messagerie sécurisée'], 'en', '--tier', 'creation')).text);
    expect(flat).toContain(
      'No: Hearing aid acoustician [audioprothesiste] does not get Secure messaging [messagerie-securisee] at account creation, only on request.',
    );
    expect(flat).toContain('Who has access at account creation: - Dentist; Denturist;');
    expect(flat).not.toContain('Ocularist (statements');
    expect(flat).toContain('Note (delegation):');
    const doc = await canJson(['audioprothésiste', 'messagerie sécurisée'], '--tier', 'creation');
    expect(new Set(doc.holders.map((h) => h.tier))).toEqual(new Set(['creation']));
    // No one at the tier asked: one sentence.
    expect(collapseSpace((await can(['podiatre', 'selat'], 'fr', '--tier', 'creation')).text)).toContain('Personne n’y a accès à la création du compte.');
  });

  test('a "yes" shows the notes that bear on it, and never the holders', async () => {
    const flat = collapseSpace((await can(['médecin spécialiste', 'PMA'], 'fr')).text);
    expect(flat).toMatch(/^Oui : /);
    expect(flat).toContain(
      "Note (obtenir l’accès) : L'accès s'obtient auprès du représentant désigné ou de la représentante désignée de son centre de procréation assistée (CPA).",
    );
    expect(flat).not.toContain('Qui y a accès');
    expect(collapseSpace((await can(['podiatre', 'messagerie sécurisée'], 'en')).text)).not.toContain('Note');
  });

  test('--batch gives the same JSON fields per line as a single question', async () => {
    const out = await runCli(['can', '--batch'], {}, false, 'personnel administratif\tVérification de l’admissibilité\npharmacist\tfamily doctor lookup\n');
    expect(out.code).toBe(0);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as CanJson);
    expect(lines).toEqual([await canJson(STAFF_ELIGIBILITY), await canJson(PHARMACIST_LOOKUP)]);
    expect(lines[0]!.holders).toHaveLength(11);
    expect(lines[1]!.notes).toHaveLength(3);
  });
});
