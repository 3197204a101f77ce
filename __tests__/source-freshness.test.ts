/**
 * Answers say how fresh they are: every command that answers from the
 * catalogue ends its table and markdown with the source line, carries
 * `source` in its JSON (batch lines included), and so do the HTML page and
 * --version, in the language of the run. A catalogue never checked says so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COMMANDS } from '../src/cli/commands';
import { loadCatalog } from '../src/catalog/load-catalog';
import { CATALOG, collapseSpace, NBSP, runCli } from './helpers';

type Lang = 'fr' | 'en';

const loaded = loadCatalog(CATALOG);
if (!loaded.ok) throw new Error('shipped catalogue is invalid');
const source = loaded.catalog.source;

const LINE: Record<Lang, string> = {
  fr: `Source${NBSP}: ${source.publisher}, ${source.title}, vérifiée le ${source.checked}`,
  en: `Source: ${source.publisher}, ${source.title}, checked ${source.checked}`,
};

/** One question per command that answers from the catalogue. */
const QUESTIONS: Readonly<Record<string, readonly string[]>> = {
  services: ['services', 'podiatre'],
  who: ['who', 'selat'],
  can: ['can', 'podiatre', 'selat'],
  show: ['show', 'pme'],
  list: ['list', 'services'],
  search: ['search', 'délégation'],
  matrix: ['matrix'],
};

const run = async (argv: readonly string[], lang: Lang, stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> =>
  await runCli([...argv, '--lang', lang], { NO_COLOR: '1' }, false, stdin);

test('the shipped catalogue records a check', () => {
  expect(source.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
});

test('every command that answers from the catalogue is asked here, and only those', () => {
  const answering = COMMANDS.filter((c) => c.formats.includes('table') && !['validate', 'diff', 'check-source'].includes(c.name)).map((c) => c.name);
  expect(Object.keys(QUESTIONS).sort()).toEqual([...answering].sort());
});

describe.each(['fr', 'en'] as const)('--lang %s', (lang) => {
  test.each(Object.entries(QUESTIONS))('%s: the table ends with the source line', async (_name, argv) => {
    const out = await run(argv, lang);
    expect([0, 1]).toContain(out.code);
    const tail = out.stdout.slice(out.stdout.search(/^Source\u00a0?:/m));
    // The table wraps the line at a plain space; the no-break space before the colon stays.
    expect(collapseSpace(tail)).toBe(collapseSpace(LINE[lang]));
  });

  test.each(Object.entries(QUESTIONS))('%s: markdown ends with the source line', async (name, argv) => {
    if (!COMMANDS.find((c) => c.name === name)?.formats.includes('markdown')) return;
    const out = await run([...argv, '--format', 'markdown'], lang);
    expect(out.stdout.trimEnd().endsWith(`_${LINE[lang]}_`)).toBe(true);
  });

  test.each(Object.entries(QUESTIONS))('%s: the JSON carries source', async (_name, argv) => {
    const out = await run([...argv, '--json'], lang);
    expect((JSON.parse(out.stdout) as { source: unknown }).source).toEqual({
      title: source.title,
      publisher: source.publisher,
      url: source.url,
      checked: source.checked,
      sha256: source.sha256,
    });
  });

  test('batch lines carry source, as the --json document of the same question does', async () => {
    const out = await run(['services', '--batch'], lang, 'podiatre\n');
    const single = await run(['services', 'podiatre', '--json'], lang);
    expect(JSON.parse(out.stdout)).toEqual(JSON.parse(single.stdout));
    expect((JSON.parse(out.stdout) as { source: { checked: string } }).source.checked).toBe(source.checked);
  });

  test('the HTML page and --version show the source line', async () => {
    expect((await run(['export', '--format', 'html'], lang)).stdout).toContain(`<footer><p>${LINE[lang].replace(/'/g, '&#39;')}</p>`);
    expect((await run(['--version'], lang)).stdout.split('\n')[1]).toBe(LINE[lang]);
  });

  test('a catalogue never checked says so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-fresh-'));
    try {
      const file = path.join(dir, 'catalog.yaml');
      fs.writeFileSync(
        file,
        fs
          .readFileSync(CATALOG, 'utf8')
          .replace(/^ {2}checked: .*\n/m, '')
          .replace(/^ {2}sha256: .*\n/m, ''),
      );
      const out = await run(['services', 'podiatre', '--catalog', file], lang);
      expect(collapseSpace(out.stdout)).toContain(
        lang === 'fr' ? 'Liste des services en ligne, jamais vérifiée contre la page' : 'Liste des services en ligne, never checked against the page',
      );
      expect(
        (JSON.parse((await run(['services', 'podiatre', '--json', '--catalog', file], lang)).stdout) as { source: { checked: null } }).source.checked,
      ).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
