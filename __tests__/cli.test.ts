/**
 * The CLI's questions, answers and errors, run in process with fake I/O (runCli): exit codes, JSON fields, columns
 * and laws. Their wording is in the snapshot file (snapshots.test.ts, one case per command line); what needs a real
 * process (a pipe, the binary finding its catalogue from elsewhere) is in e2e.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CATALOG, FIXTURES, hasAnsi, ROOT, runCli } from './helpers';

describe('questions and answers', () => {
  test('services podiatrist: a table, exit 0, nothing on stderr, no color when piped (wording: snapshot)', async () => {
    const out = await runCli(['services', 'podiatrist']);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^Podiatre \[podiatre\]/);
    expect(out.stdout).toContain('patient-medicaments-exception');
    expect(hasAnsi(out.stdout)).toBe(false);
  });

  test('services podiatrist --json: one document, the documented shape', async () => {
    const out = await runCli(['services', 'podiatrist', '--json']);
    expect(out.code).toBe(0);
    const doc = JSON.parse(out.stdout);
    expect(doc.clientele).toEqual({ id: 'podiatre', name: 'Podiatre', name_en: 'Podiatrist', kind: 'profession', parent: null });
    expect(doc.services.map((s: { id: string }) => s.id)).toEqual([
      'messagerie-securisee',
      'mon-dossier',
      'liste-medicaments',
      'patient-medicaments-exception',
    ]);
    expect(doc.services[3]).toEqual({
      id: 'patient-medicaments-exception',
      name: 'Patient et médicaments d’exception',
      name_en: 'Patient and exception drugs',
      abbreviation: 'PME',
      category: 'medicaments',
      tier: 'creation',
      conditions: [],
      inherited_from: null,
      also: [],
    });
  });

  test('who SELAT --tier request, table and JSON', async () => {
    const table = await runCli(['who', 'SELAT', '--tier', 'request']);
    expect(table.code).toBe(0);
    const json = JSON.parse((await runCli(['who', 'SELAT', '--tier', 'request', '--json'])).stdout);
    expect(json.service).toMatchObject({ id: 'selat', abbreviation: 'SELAT', category: 'facturation-remuneration' });
    expect(json.access).toHaveLength(9);
    expect(json.access.every((a: { tier: string; inherited_from: null }) => a.tier === 'request' && a.inherited_from === null)).toBe(true);
  });

  test('who --expand adds heirs, marked', async () => {
    const json = JSON.parse((await runCli(['who', 'messagerie-securisee', '--expand', '--json'])).stdout);
    const heirs = json.access.filter((a: { inherited_from: string | null }) => a.inherited_from !== null);
    expect(heirs.map((a: { clientele: { id: string } }) => a.clientele.id).sort()).toEqual(['ips-premiere-ligne', 'ips-sante-mentale']);
  });

  test('can "hygiéniste dentaire" facturacte: yes, exit 0', async () => {
    const out = await runCli(['can', 'hygiéniste dentaire', 'facturacte']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Oui/);
    const json = JSON.parse((await runCli(['can', 'dental hygienist', 'FacturActe', '--json'])).stdout);
    expect(json).toMatchObject({ eligible: true, tier: 'creation', conditions: [], inherited_from: null });
  });

  test('can podiatrist SELAT: no, exit 1', async () => {
    const out = await runCli(['can', 'podiatrist', 'SELAT', '--lang', 'en']);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^No: /);
    const json = JSON.parse((await runCli(['can', 'podiatrist', 'SELAT', '--json'])).stdout);
    expect(json).toMatchObject({ eligible: false, tier: null, conditions: [], inherited_from: null, access: [] });
  });

  test('services --own: what an IPS in primary care gets that a plain IPS does not', async () => {
    const doc = JSON.parse((await runCli(['services', 'IPS en soins de première ligne', '--own', '--json'])).stdout);
    expect(doc.services.map((s: { id: string }) => s.id)).toEqual(['gamf', 'inscription-clientele-professionnels']);
  });

  test('can with an inherited grant and a condition says so; in another tier, no (wording: snapshot)', async () => {
    const inherited = await runCli(['can', 'IPSPL', 'PME', '--json']);
    expect(inherited.code).toBe(0);
    expect(JSON.parse(inherited.stdout)).toMatchObject({ eligible: true, inherited_from: 'ips' });
    const cond = await runCli(['can', 'oculariste', 'messagerie sécurisée', '--json']);
    expect(cond.code).toBe(0);
    expect(JSON.parse(cond.stdout).conditions).toEqual([{ fr: 'accès aux états de compte seulement', en: 'statements of account only' }]);
    const tier = await runCli(['can', 'oculariste', 'messagerie sécurisée', '--tier', 'creation', '--json']);
    expect(tier.code).toBe(1);
    expect(JSON.parse(tier.stdout)).toMatchObject({ eligible: false, tier: null, access: [] });
  });

  test.each([
    ['English', 'podiatrist', 'podiatre'],
    ['French feminine', 'Infirmière praticienne spécialisée en soins de première ligne', 'ips-premiere-ligne'],
    ['abbreviation', 'IPS', 'ips'],
    ['ASCII punctuation', "Personnel administratif de l'audioprothesiste ou de l'oculariste", 'personnel-administratif-audioprothesiste-oculariste'],
  ])('services with an %s name', async (_kind, name, id) => {
    const out = await runCli(['services', name, '--json']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).clientele.id).toBe(id);
  });

  test('show a service and a clientele, table and JSON', async () => {
    const s = await runCli(['show', 'SELAT']);
    expect(s.code).toBe(0);
    const sj = JSON.parse((await runCli(['show', 'PMA', '--json'])).stdout);
    expect(sj.kind).toBe('service');
    expect(sj.service.notes[0].kind).toBe('obtaining');
    const c = JSON.parse((await runCli(['show', 'IPS', '--json'])).stdout);
    expect(c.kind).toBe('clientele');
    expect(c.children.map((k: { id: string }) => k.id)).toEqual(['ips-premiere-ligne', 'ips-sante-mentale']);
    // A service with no name of its own and no access list: its table is in the snapshot file.
    const unnamed = JSON.parse((await runCli(['show', 'identification-medecin-famille', '--json'])).stdout);
    expect([unnamed.service.name_is_descriptive, unnamed.access]).toEqual([true, []]);
  });

  test('list, search and matrix', async () => {
    expect(JSON.parse((await runCli(['list', 'services', '--json'])).stdout).services).toHaveLength(23);
    expect(JSON.parse((await runCli(['list', 'clienteles', '--json'])).stdout).clienteles).toHaveLength(29);
    expect(JSON.parse((await runCli(['list', 'categories', '--json'])).stdout).categories).toHaveLength(4);
    expect((await runCli(['list', 'things'])).code).toBe(2);
    const search = JSON.parse((await runCli(['search', 'medicaments', 'exception', '--json'])).stdout);
    expect(search.results[0].id).toBe('patient-medicaments-exception');
    const matrix = await runCli(['matrix']);
    expect(matrix.code).toBe(0);
    expect(Math.max(...matrix.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
    const csv = (await runCli(['matrix', '--format', 'csv'])).stdout.trim().split('\r\n');
    expect(csv).toHaveLength(30);
    expect(csv[0]!.split(',')).toHaveLength(25);
  });

  test('csv: the documented columns, one row per grant (markdown: snapshot)', async () => {
    const csv = (await runCli(['who', 'messagerie-securisee', '--format', 'csv'])).stdout.split('\r\n');
    expect(csv[0]).toBe('service,tier,clientele,name,name_en,kind,conditions,conditions_en,inherited_from,also,also_en');
    expect(csv).toContain(
      'messagerie-securisee,request,oculariste,Oculariste,Ocularist,profession,accès aux états de compte seulement,statements of account only,,,',
    );
    expect((await runCli(['services', 'podiatre', '--format', 'markdown'])).code).toBe(0);
  });

  test('English output from --lang or the locale; French from LANG=C or no locale', async () => {
    const english = (await runCli(['services', 'podiatre', '--lang', 'en'])).stdout;
    const french = (await runCli(['services', 'podiatre', '--lang', 'fr'])).stdout;
    expect(english).not.toBe(french);
    expect((await runCli(['services', 'podiatre'], { LANG: 'en_CA.UTF-8' })).stdout).toBe(english);
    expect((await runCli(['services', 'podiatre'], { LANG: 'C' })).stdout).toBe(french);
    expect((await runCli(['services', 'podiatre'], { LANG: undefined })).stdout).toBe(french);
  });

  test('--catalog and RAMQ_ACCESS_CATALOG choose another catalogue', async () => {
    const minimal = path.join(FIXTURES, 'valid', 'minimal.yaml');
    expect(JSON.parse((await runCli(['--catalog', minimal, 'list', 'services', '--json'])).stdout).services).toHaveLength(2);
    expect(JSON.parse((await runCli(['list', 'services', '--json'], { RAMQ_ACCESS_CATALOG: minimal })).stdout).services).toHaveLength(2);
  });

  test('the shipped catalogue is the default', async () => {
    expect((await runCli(['validate'])).stdout).toContain(CATALOG);
  });
});

describe('errors', () => {
  test('an unknown name: exit 2, one line, suggestions; with --json, the error document on stdout (wording: snapshot)', async () => {
    const out = await runCli(['services', 'podiatr', '--json']);
    expect(out.code).toBe(2);
    expect(JSON.parse(out.stdout)).toEqual({
      command: 'services',
      error: {
        code: 'UNKNOWN_NAME',
        message: expect.any(String),
        input: 'podiatr',
        suggestions: [{ kind: 'clientele', id: 'podiatre', name: 'Podiatre', name_en: 'Podiatrist' }],
      },
    });
    for (const lang of ['fr', 'en']) {
      const text = await runCli(['services', 'podiatr', '--lang', lang]);
      expect(text.code).toBe(2);
      expect(text.stdout).toBe('');
      // One line, naming the suggestion by its id and by its name in the output's language.
      expect(text.stderr).toMatch(/^ramq-access: [^\n]*podiatr[^\n]*podiatre \(Podiatr(e|ist)\)\n$/);
    }
  });

  test('an ambiguous name: exit 2, one line, the candidates with ids', async () => {
    const out = await runCli(['services', 'médecin', '--lang', 'en']);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/medecin-resident .*medecin-omnipraticien .*medecin-specialiste/);
  });

  test('usage errors: exit 2 with commander suggestions (wording: snapshot)', async () => {
    const unknownOption = await runCli(['services', 'podiatre', '--jsn']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain('--json');
    expect(unknownOption.stderr).toContain('ramq-access services --help');
    const unknownCommand = await runCli(['servics']);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('services');
    expect((await runCli(['who', 'selat', '--tier', 'sometimes'])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
    expect((await runCli(['--help'])).code).toBe(0);
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    expect((await runCli(['--version'])).stdout).toMatch(
      new RegExp(`^ramq-access ${version.replace(/\./g, '\\.')}\nSource\u00a0: .*, vérifiée le \\d{4}-\\d{2}-\\d{2}\n$`),
    );
  });
});

test('colors: off when piped, on with FORCE_COLOR or --color, off again with NO_COLOR or --no-color, never in JSON', async () => {
  expect(hasAnsi((await runCli(['services', 'podiatre'])).stdout)).toBe(false);
  expect(hasAnsi((await runCli(['services', 'podiatre'], { FORCE_COLOR: '1' })).stdout)).toBe(true);
  expect(hasAnsi((await runCli(['services', 'podiatre', '--color'])).stdout)).toBe(true);
  expect(hasAnsi((await runCli(['services', 'podiatre'], { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout)).toBe(false);
  expect(hasAnsi((await runCli(['services', 'podiatre', '--no-color'], { FORCE_COLOR: '1' })).stdout)).toBe(false);
  expect(hasAnsi((await runCli(['services', 'podiatre', '--json'], { FORCE_COLOR: '1' })).stdout)).toBe(false);
});
