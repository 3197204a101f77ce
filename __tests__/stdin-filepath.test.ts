import fs from 'node:fs';
import path from 'node:path';
import { corpusFile } from './corpus';
import { CATALOG, FIXTURES, runCli } from './helpers';

// A piped catalogue or page is named by --stdin-filepath wherever the tool names a file, as prettier and eslint do.
const SHIPPED = fs.readFileSync(CATALOG, 'utf8');
const DRAFT = fs.readFileSync(corpusFile('unknown-clientele.yaml'), 'utf8');
const PAGE = fs.readFileSync(path.join(FIXTURES, 'source', 'liste-des-services-en-ligne.txt'), 'utf8');
const NAMED = 'drafts/catalog.yaml';

describe('--stdin-filepath names the file read from "-"', () => {
  test('validate: table, json, github and sarif name it, and never <stdin>', async () => {
    const table = await runCli(['validate', '-', '--stdin-filepath', NAMED], {}, false, DRAFT);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/^drafts\/catalog\.yaml:56:20: UNKNOWN_CLIENTELE /);

    const json = JSON.parse((await runCli(['validate', '-', '--json', '--stdin-filepath', NAMED], {}, false, DRAFT)).stdout);
    expect(json.files.map((f: { file: string }) => f.file)).toEqual([NAMED]);

    const github = (await runCli(['validate', '-', '--format', 'github', '--stdin-filepath', NAMED], {}, false, DRAFT)).stdout;
    expect(github).toMatch(/^::error file=drafts\/catalog\.yaml,line=56,col=20,/);

    const sarif = JSON.parse((await runCli(['validate', '-', '--format', 'sarif', '--stdin-filepath', NAMED], {}, false, DRAFT)).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'drafts/catalog.yaml', uriBaseId: '%SRCROOT%' });

    for (const out of [table.stdout, JSON.stringify(json), github, JSON.stringify(sarif)]) {
      expect(out).not.toContain('<stdin>');
      expect(out).not.toContain('%3Cstdin%3E');
    }
  });

  test('the option given before the command: `git show :catalog.yaml | ramq-access --stdin-filepath catalog.yaml validate - --format github`', async () => {
    const out = await runCli(['--stdin-filepath', NAMED, 'validate', '-', '--format', 'github'], {}, false, DRAFT);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^::error file=drafts\/catalog\.yaml,line=56,col=20,/);
  });

  test('validate with no file and --catalog -: the catalogue in use is named', async () => {
    const out = await runCli(['validate', '--catalog', '-', '--stdin-filepath', NAMED], {}, false, SHIPPED);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^drafts\/catalog\.yaml: catalogue valide/);
  });

  test('fmt: the patch of --check and the problems of an invalid catalogue name it', async () => {
    const messy = SHIPPED.replace(/^version: 1$/m, '"version": 1');
    const check = await runCli(['fmt', '--check', '-', '--stdin-filepath', NAMED], {}, false, messy);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^--- a\/drafts\/catalog\.yaml\n\+\+\+ b\/drafts\/catalog\.yaml\n/);
    const invalid = await runCli(['fmt', '-', '--stdin-filepath', NAMED], {}, false, DRAFT);
    expect(invalid.code).toBe(3);
    expect(invalid.stderr).toContain('drafts/catalog.yaml:56:20: UNKNOWN_CLIENTELE');
    expect(invalid.stderr).not.toContain('<stdin>');
  });

  test('diff: the side read from "-" is named in JSON and in the table', async () => {
    const json = JSON.parse((await runCli(['diff', '-', CATALOG, '--json', '--stdin-filepath', 'base/catalog.yaml'], {}, false, SHIPPED)).stdout);
    expect(json.before).toBe('base/catalog.yaml');
    const table = await runCli(['diff', CATALOG, '-', '--stdin-filepath', 'base/catalog.yaml'], {}, false, SHIPPED);
    expect(table.stdout.split('\n')[0]).toBe(`${CATALOG} -> base/catalog.yaml`);
  });

  test('check-source: the page read from "-", or the catalogue read from --catalog -, is named', async () => {
    const page = JSON.parse((await runCli(['check-source', '-', '--json', '--stdin-filepath', 'saved/liste.txt'], {}, false, PAGE)).stdout);
    expect(page.page).toBe('saved/liste.txt');
    const pageFile = path.join(FIXTURES, 'source', 'liste-des-services-en-ligne.txt');
    const catalogue = JSON.parse((await runCli(['check-source', pageFile, '--json', '--catalog', '-', '--stdin-filepath', NAMED], {}, false, SHIPPED)).stdout);
    expect(catalogue.catalog).toBe(NAMED);
  });

  test('a query reading its catalogue from --catalog - names it in the catalogue’s problems', async () => {
    const out = await runCli(['who', 'selat', '--catalog', '-', '--stdin-filepath', NAMED], {}, false, DRAFT);
    expect(out.code).toBe(3);
    expect(out.stderr).toContain('drafts/catalog.yaml:56:20: UNKNOWN_CLIENTELE');
  });
});

describe('--stdin-filepath is refused (exit 2, with the reason) by a run that reads no file from standard input', () => {
  const refusals: readonly (readonly string[])[] = [
    ['validate', CATALOG],
    ['fmt', '--check', CATALOG],
    ['diff', CATALOG, CATALOG],
    ['check-source', path.join(FIXTURES, 'source', 'liste-des-services-en-ligne.txt')],
    ['who', 'selat'],
    ['who', '--batch'],
    ['services', 'podiatre', '--json'],
    ['export', '--json'],
    ['completion', 'bash'],
  ];
  test.each(refusals)('%s %s', async (...argv) => {
    const out = await runCli([...argv, '--stdin-filepath', NAMED, '--lang', 'en'], {}, false, SHIPPED);
    expect(out.code).toBe(2);
    // Asked for JSON (--json, --batch), the refusal is a JSON document too; else nothing goes to stdout.
    const json = argv.includes('--json') || argv.includes('--batch');
    expect(out.stdout === '' ? null : (JSON.parse(out.stdout) as { error: { code: string } }).error.code).toBe(json ? 'USAGE_ERROR' : null);
    expect(out.stderr).toBe(
      `ramq-access: --stdin-filepath names the file read from standard input; this run reads none (a "-" file, or --catalog -)\nTry 'ramq-access ${argv[0]!} --help' for more information.\n`,
    );
  });

  test('an empty path is refused', async () => {
    const out = await runCli(['validate', '-', '--stdin-filepath', '', '--lang', 'en'], {}, false, SHIPPED);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe("ramq-access: --stdin-filepath needs a path that is not empty\nTry 'ramq-access validate --help' for more information.\n");
  });
});
