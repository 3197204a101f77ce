/** Word families for search: which words share a family key (see src/query/stem-word.ts for the reasoning), and which must not. */
import { normalizeName } from '../src/catalog/normalize-name';
import { stemWord } from '../src/query/stem-word';

// As search calls it: on the normalised word, so accents and case never decide a family.
const key = (word: string): string => stemWord(normalizeName(word));

describe('one family, whatever the form, with or without accents', () => {
  test.each([
    ['déléguer', ['délégation', 'déléguer', 'délégué', 'déléguée', 'déléguées', 'délégués', 'délègue', 'déléguez', 'DELEGUEE', 'deleguees']],
    ['delegate', ['delegate', 'delegates', 'delegated', 'delegating', 'delegation', 'delegations']],
    ['inscrire', ['inscription', 'inscriptions', 'inscrire', 'inscrit', 'inscrits', 'inscrite', 'inscrites']],
    ['prescrire', ['prescription', 'prescrire', 'prescrit', 'prescrite', 'prescribe', 'prescribed', 'prescribing']],
    ['facturer', ['facturation', 'facturer', 'facture', 'factures', 'facturé', 'facturée', 'facturées']],
    [
      'vérifier',
      ['vérification', 'vérifications', 'vérifier', 'vérifie', 'vérifié', 'vérifiée', 'verify', 'verified', 'verifies', 'verifying', 'verification'],
    ],
    ['médicament', ['médicament', 'médicaments', 'Medicaments']],
    ['pharmacien', ['pharmacien', 'pharmacienne', 'pharmaciens', 'pharmaciennes']],
    ['pharmacie', ['pharmacie', 'pharmacies', 'pharmacy']],
    ['infirmier', ['infirmier', 'infirmière', 'infirmiers', 'infirmières']],
    ['autoriser', ['autorisation', 'autoriser', 'autorisé', 'autorisée', 'autorisées']],
    ['authorize', ['authorization', 'authorisation', 'authorize', 'authorise', 'authorized', 'authorised', 'authorising']],
    ['administratif', ['administratif', 'administrative', 'administratifs', 'administratives']],
    ['candidat', ['candidat', 'candidate', 'candidats', 'candidates']],
    ['prescripteur', ['prescripteur', 'prescriptrice', 'prescripteurs']],
    ['rembourser', ['rembourser', 'remboursement', 'remboursements', 'remboursé']],
    ['renouveler', ['renouveler', 'renouvellement']],
    ['médical', ['médical', 'médicale', 'médicaux', 'médicales']],
    ['clinique', ['clinique', 'cliniques', 'clinic', 'clinics']],
    ['développeur', ['développeur', 'développeuse', 'développeurs']],
    ['hôpital', ['hôpital', 'hôpitaux']],
  ])('%s', (_family, words) => {
    const keys = new Set(words.map(key));
    expect([...keys].map((k) => [k, words.filter((w) => key(w) === k)])).toHaveLength(1);
  });
});

describe('families kept apart', () => {
  // The person is not the place nor the thing: a search for a profession must not bring what is named after its trade.
  test.each([
    ['pharmacien', 'pharmacie'],
    ['pharmacienne', 'pharmacies'],
    ['pharmacist', 'pharmacy'],
    ['prescripteur', 'prescription'],
    ['prescriber', 'prescribe'],
    ['dentiste', 'dentaire'],
    ['infirmier', 'infirmerie'],
    ['gestionnaire', 'gestion'],
    ['médecin', 'médecine'],
    ['médecins', 'médecines'],
    ['usager', 'usage'],
    ['facteur', 'facture'],
    // short words are their own family
    ['note', 'not'],
    ['notes', 'not'],
    ['mois', 'moi'],
    ['date', 'dater'],
    // look-alikes
    ['contrat', 'contre'],
    ['format', 'formation'],
    ['médicament', 'médical'],
    ['médicament', 'medication'],
    ['délai', 'délégué'],
    ['delete', 'delegate'],
    ['SELAT', 'sel'],
  ])('%s / %s', (a, b) => {
    expect([a, key(a)]).not.toEqual([a, key(b)]);
  });
});

describe('what is left alone', () => {
  test.each(['pme', 'ips', 'ramq', 'gamf', 'cisss', 'selat', 'dos', 'aide', 'note', 'covid19', 'a1c'])('%s keeps its own form', (word) => {
    expect(stemWord(word)).toBe(word);
  });

  test('a key keeps at least four letters and is never longer than the word', () => {
    for (const w of ['déléguées', 'vérifications', 'inscrites', 'pharmaciennes', 'authorising', 'hôpitaux']) {
      const k = key(w);
      expect(k.length).toBeGreaterThanOrEqual(4);
      expect(k.length).toBeLessThanOrEqual(normalizeName(w).length);
    }
  });
});
