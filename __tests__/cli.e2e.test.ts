import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, CATALOG, collapseSpace, FIXTURES, frenchSpaces, hasAnsi, ROOT, runBin } from './helpers';

describe('through the real binary', () => {
  test('services podiatrist: a table, exit 0', () => {
    const out = runBin(['services', 'podiatrist']);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(/^Podiatre \[podiatre\]/);
    expect(out.stdout).toContain('À la création du compte (4)');
    expect(out.stdout).toContain('patient-medicaments-exception');
    expect(hasAnsi(out.stdout)).toBe(false);
  });

  test('services podiatrist --json: one document, the documented shape', () => {
    const out = runBin(['services', 'podiatrist', '--json']);
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

  test('a script can pipe the JSON, as with jq', () => {
    const script = `"${process.execPath}" "${BIN}" services podiatrist --json | "${process.execPath}" -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).services.map(x=>x.id).join("\\n")))'`;
    const out = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    expect(out.stdout.trim().split('\n')).toEqual(['messagerie-securisee', 'mon-dossier', 'liste-medicaments', 'patient-medicaments-exception']);
  });

  test('who SELAT --tier request, table and JSON', () => {
    const table = runBin(['who', 'SELAT', '--tier', 'request']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Sur demande (9)');
    const json = JSON.parse(runBin(['who', 'SELAT', '--tier', 'request', '--json']).stdout);
    expect(json.service).toMatchObject({ id: 'selat', abbreviation: 'SELAT', category: 'facturation-remuneration' });
    expect(json.access).toHaveLength(9);
    expect(json.access.every((a: { tier: string; inherited_from: null }) => a.tier === 'request' && a.inherited_from === null)).toBe(true);
  });

  test('who --expand adds heirs, marked', () => {
    const json = JSON.parse(runBin(['who', 'messagerie-securisee', '--expand', '--json']).stdout);
    const heirs = json.access.filter((a: { inherited_from: string | null }) => a.inherited_from !== null);
    expect(heirs.map((a: { clientele: { id: string } }) => a.clientele.id).sort()).toEqual(['ips-premiere-ligne', 'ips-sante-mentale']);
  });

  test('can "hygiéniste dentaire" facturacte: yes, exit 0', () => {
    const out = runBin(['can', 'hygiéniste dentaire', 'facturacte']);
    expect(out.code).toBe(0);
    // The sentence is wrapped to 80 columns.
    expect(collapseSpace(out.stdout)).toMatch(
      /^Oui : Hygiéniste dentaire \[hygieniste-dentaire\] a accès à FacturActe \[facturacte\] : à la création du compte\./,
    );
    const json = JSON.parse(runBin(['can', 'dental hygienist', 'FacturActe', '--json']).stdout);
    expect(json).toMatchObject({ eligible: true, tier: 'creation', conditions: [], inherited_from: null });
  });

  test('can podiatrist SELAT: no, exit 1', () => {
    const out = runBin(['can', 'podiatrist', 'SELAT', '--lang', 'en']);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^No: the source does not give Podiatrist \[podiatre\] access to/);
    const json = JSON.parse(runBin(['can', 'podiatrist', 'SELAT', '--json']).stdout);
    expect(json).toMatchObject({ eligible: false, tier: null, conditions: [], inherited_from: null, access: [] });
  });

  test('services --own: what an IPS in primary care gets that a plain IPS does not', () => {
    const doc = JSON.parse(runBin(['services', 'IPS en soins de première ligne', '--own', '--json']).stdout);
    expect(doc.services.map((s: { id: string }) => s.id)).toEqual(['gamf', 'inscription-clientele-professionnels']);
  });

  test('can with an inherited grant and a condition says so', () => {
    const out = runBin(['can', 'IPSPL', 'PME', '--lang', 'en']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('Access inherited from ips.');
    const cond = runBin(['can', 'oculariste', 'messagerie sécurisée']);
    expect(cond.stdout).toContain(frenchSpaces('Condition : accès aux états de compte seulement'));
    const tier = runBin(['can', 'oculariste', 'messagerie sécurisée', '--tier', 'creation']);
    expect(tier.code).toBe(1);
    expect(tier.stdout).toContain('seulement sur demande');
  });

  test.each([
    ['English', 'podiatrist', 'podiatre'],
    ['French feminine', 'Infirmière praticienne spécialisée en soins de première ligne', 'ips-premiere-ligne'],
    ['abbreviation', 'IPS', 'ips'],
    ['ASCII punctuation', "Personnel administratif de l'audioprothesiste ou de l'oculariste", 'personnel-administratif-audioprothesiste-oculariste'],
  ])('services with an %s name', (_kind, name, id) => {
    const out = runBin(['services', name, '--json']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).clientele.id).toBe(id);
  });

  test('an unknown name: exit 2, one line, suggestions; with --json, the error document on stdout', () => {
    const out = runBin(['services', 'podiatr', '--json']);
    expect(out.code).toBe(2);
    expect(JSON.parse(out.stdout)).toEqual({
      command: 'services',
      error: {
        code: 'UNKNOWN_NAME',
        message: frenchSpaces('clientèle inconnue : « podiatr »'),
        input: 'podiatr',
        suggestions: [{ kind: 'clientele', id: 'podiatre', name: 'Podiatre', name_en: 'Podiatrist' }],
      },
    });
    expect(runBin(['services', 'podiatr']).stdout).toBe('');
    expect(out.stderr).toBe(frenchSpaces('ramq-access: clientèle inconnue : « podiatr » ; vouliez-vous dire : podiatre (Podiatre)\n'));
    // in English, with the name's English form
    expect(runBin(['services', 'podiatr', '--lang', 'en']).stderr).toBe('ramq-access: unknown clientele "podiatr"; did you mean: podiatre (Podiatrist)\n');
  });

  test('an ambiguous name: exit 2, the candidates with ids', () => {
    const out = runBin(['services', 'médecin', '--lang', 'en']);
    expect(out.code).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/"médecin" is ambiguous; it could mean: .*medecin-resident .*medecin-omnipraticien .*medecin-specialiste/);
  });

  test('show a service and a clientele, table and JSON', () => {
    const s = runBin(['show', 'SELAT']);
    expect(s.code).toBe(0);
    expect(s.stdout).toContain('Rechercher une personne assurée');
    const sj = JSON.parse(runBin(['show', 'PMA', '--json']).stdout);
    expect(sj.kind).toBe('service');
    expect(sj.service.notes[0].kind).toBe('obtaining');
    const c = JSON.parse(runBin(['show', 'IPS', '--json']).stdout);
    expect(c.kind).toBe('clientele');
    expect(c.children.map((k: { id: string }) => k.id)).toEqual(['ips-premiere-ligne', 'ips-sante-mentale']);
    const unnamed = runBin(['show', 'identification-medecin-famille', '--lang', 'en']);
    expect(unnamed.stdout).toContain('descriptive name');
    expect(unnamed.stdout).toContain('The source gives no access list for this service.');
  });

  test('list, search and matrix', () => {
    expect(JSON.parse(runBin(['list', 'services', '--json']).stdout).services).toHaveLength(23);
    expect(JSON.parse(runBin(['list', 'clienteles', '--json']).stdout).clienteles).toHaveLength(29);
    expect(JSON.parse(runBin(['list', 'categories', '--json']).stdout).categories).toHaveLength(4);
    expect(runBin(['list', 'things']).code).toBe(2);
    const search = JSON.parse(runBin(['search', 'medicaments', 'exception', '--json']).stdout);
    expect(search.results[0].id).toBe('patient-medicaments-exception');
    const matrix = runBin(['matrix']);
    expect(matrix.code).toBe(0);
    expect(Math.max(...matrix.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
    const csv = runBin(['matrix', '--format', 'csv']).stdout.trim().split('\r\n');
    expect(csv).toHaveLength(30);
    expect(csv[0]!.split(',')).toHaveLength(25);
  });

  test('csv and markdown formats', () => {
    const csv = runBin(['who', 'messagerie-securisee', '--format', 'csv']).stdout.split('\r\n');
    expect(csv[0]).toBe('service,tier,clientele,name,name_en,kind,conditions,conditions_en,inherited_from,also,also_en');
    expect(csv).toContain(
      'messagerie-securisee,request,oculariste,Oculariste,Ocularist,profession,accès aux états de compte seulement,statements of account only,,,',
    );
    const md = runBin(['services', 'podiatre', '--format', 'markdown']).stdout;
    expect(md).toContain('| Accès | Service | Id | Conditions |');
  });

  test('English output from --lang or the locale', () => {
    expect(runBin(['services', 'podiatre', '--lang', 'en']).stdout).toContain('At account creation (4)');
    expect(runBin(['services', 'podiatre'], { env: { LANG: 'en_CA.UTF-8' } }).stdout).toContain('At account creation (4)');
    expect(runBin(['services', 'podiatre'], { env: { LANG: 'C' } }).stdout).toContain('À la création du compte (4)');
  });

  test('--catalog and RAMQ_ACCESS_CATALOG choose another catalogue; the default does not depend on the current directory', () => {
    const minimal = path.join(FIXTURES, 'valid', 'minimal.yaml');
    expect(JSON.parse(runBin(['--catalog', minimal, 'list', 'services', '--json']).stdout).services).toHaveLength(2);
    expect(JSON.parse(runBin(['list', 'services', '--json'], { env: { RAMQ_ACCESS_CATALOG: minimal } }).stdout).services).toHaveLength(2);
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-cwd-'));
    expect(JSON.parse(runBin(['list', 'services', '--json'], { cwd: elsewhere }).stdout).services).toHaveLength(23);
    fs.rmSync(elsewhere, { recursive: true });
  });

  test('usage errors: exit 2 with commander suggestions', () => {
    const unknownOption = runBin(['services', 'podiatre', '--jsn']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toBe(
      frenchSpaces(`ramq-access: option inconnue : --jsn ; vouliez-vous dire --json ?\nSaisissez « ramq-access services --help » pour plus d’informations.\n`),
    );
    expect(unknownOption.stderr).toContain('--json');
    const unknownCommand = runBin(['servics']);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('services');
    expect(runBin(['who', 'selat', '--tier', 'sometimes']).code).toBe(2);
    expect(runBin([]).code).toBe(2);
    expect(runBin(['--help']).code).toBe(0);
    const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
    expect(runBin(['--version']).stdout).toMatch(new RegExp(`^${version.replace(/\./g, '\\.')}\nSource\u00a0: .*, vérifiée le \\d{4}-\\d{2}-\\d{2}\n$`));
  });

  test('colors: off when piped, on with FORCE_COLOR or --color, off again with NO_COLOR or --no-color', () => {
    expect(hasAnsi(runBin(['services', 'podiatre']).stdout)).toBe(false);
    expect(hasAnsi(runBin(['services', 'podiatre'], { env: { FORCE_COLOR: '1' } }).stdout)).toBe(true);
    expect(hasAnsi(runBin(['services', 'podiatre', '--color']).stdout)).toBe(true);
    expect(hasAnsi(runBin(['services', 'podiatre'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout)).toBe(false);
    expect(hasAnsi(runBin(['services', 'podiatre', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout)).toBe(false);
    expect(hasAnsi(runBin(['services', 'podiatre', '--json'], { env: { FORCE_COLOR: '1' } }).stdout)).toBe(false);
  });

  test('the shipped catalogue is the default', () => {
    expect(runBin(['validate']).stdout).toContain(CATALOG);
  });
});
