/**
 * The page as a browser shows it, in any markup: the text copy and five HTML renderings of the same page
 * (make-html.js) all agree with the catalogue with one checksum, and every mutation of the page is found in every
 * rendering. Then the reader's visibility rule, case by case: what a browser shows is read, what it never renders
 * is not, what styling hides marks its line; charsets; nesting past a browser's limit.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodePageBytes } from '../src/page/decode-page';
import { hidingSelectors, styleHides } from '../src/page/page-styles';
import { readAccessLists, readPageLists, readSourcePage } from '../src/page/source-page';
import { FIXTURES, runCli } from './helpers';

const SOURCE = path.join(FIXTURES, 'source');
const COPY = path.join(SOURCE, 'liste-des-services-en-ligne.txt');
const TEXT = fs.readFileSync(COPY, 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { renderings, pages } = require(path.join(SOURCE, 'make-html.js')) as {
  renderings: (text: string) => Record<string, string | Buffer>;
  pages: () => Record<string, string | Buffer>;
};

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-markup-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));
let serial = 0;
function temp(name: string, content: string | Buffer): string {
  const file = path.join(TMP, `${serial++}-${name}`);
  fs.writeFileSync(file, content);
  return file;
}

interface Report {
  code: number;
  form: string;
  sha256: string;
  counts: { lists: number; items: number; matched: number; findings: number };
  kinds: string[];
}
async function check(file: string): Promise<Report> {
  const r = await runCli(['check-source', file, '--json']);
  const json = JSON.parse(r.stdout) as { form: string; sha256: string; counts: Report['counts']; findings: { kind: string }[] };
  return { code: r.code, form: json.form, sha256: json.sha256, counts: json.counts, kinds: json.findings.map((f) => f.kind) };
}

/** The text with the first `find` replaced by `replacement` (a page repeats items: the first is the one meant). */
function mutateFirst(text: string, find: string, replacement: string): string {
  const at = text.indexOf(find);
  if (at === -1) throw new Error(`"${find}" is not in the text`);
  return text.slice(0, at) + replacement + text.slice(at + find.length);
}

let COPY_SHA = '';
beforeAll(async () => {
  COPY_SHA = (await check(COPY)).sha256;
});
const NAMES = Object.keys(renderings(TEXT));

describe('one page in every markup', () => {
  // (check-source.test.ts checks that the files are what make-html.js makes)
  test('the corpus holds the text copy and at least four HTML renderings, each also a file of the fixtures', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(pages()).filter((name) => name.startsWith('liste-des-services-en-ligne')).length).toBe(NAMES.length);
  });

  test.each(NAMES)('%s: exit 0, all 116 items matched, the checksum of the text copy', async (name) => {
    const report = await check(temp(`${name}.html`, renderings(TEXT)[name]!));
    expect(report).toEqual({
      code: 0,
      form: 'html',
      sha256: COPY_SHA,
      counts: expect.objectContaining({ lists: 22, items: 116, matched: 116, findings: 0 }),
      kinds: [],
    });
  });

  const MUTATIONS: [string, (t: string) => string, string][] = [
    ['an item dropped', (t) => mutateFirst(t, '- Podiatre\n', ''), 'grant-not-on-page'],
    [
      'an item moved from creation to request',
      (t) =>
        mutateFirst(
          mutateFirst(t, '- Podiatre\n', ''),
          'Clientèles qui peuvent demander l’accès au service\n',
          'Clientèles qui peuvent demander l’accès au service\n- Podiatre\n',
        ),
      'tier-differs',
    ],
    [
      'an item added',
      (t) =>
        mutateFirst(
          t,
          'particulières?\n- Médecin omnipraticien ou omnipraticienne\n',
          'particulières?\n- Médecin omnipraticien ou omnipraticienne\n- Denturologiste\n',
        ),
      'grant-not-in-catalogue',
    ],
    ['a condition changed', (t) => mutateFirst(t, '(accès aux états de compte seulement)', '(accès aux relevés seulement)'), 'condition-differs'],
    [
      'a new service',
      (t) => mutateFirst(t, 'Qui a accès à Mon dossier?\n', 'Qui a accès au service en ligne Téléconsultation?\n- Podiatre\nQui a accès à Mon dossier?\n'),
      'new-service',
    ],
  ];
  const CASES = MUTATIONS.flatMap(([what, change, kind]) => [
    ['text copy', what, change, kind] as const,
    ...NAMES.map((name) => [name, what, change, kind] as const),
  ]);

  test.each(CASES)('%s, %s: found (exit 1)', async (name, _what, change, kind) => {
    const text = change(TEXT);
    const report = await check(name === 'text copy' ? temp('copie.txt', text) : temp(`${name}.html`, renderings(text)[name]!));
    expect(report.code).toBe(1);
    expect(report.kinds).toContain(kind);
  });
});

/** The lines a page reads as, `- ` before an item and ` [hidden]` after a line styling hides. */
const lines = (html: string): string[] => readSourcePage(html).lines.map((l) => `${l.item ? '- ' : ''}${l.text}${l.hidden ? ' [hidden]' : ''}`);

describe('what a browser shows is read', () => {
  test('a heading that is the label of a button, its panel hidden until the button opens it', () => {
    const html =
      '<h3><button aria-expanded="false" aria-controls="p1"><span>Qui a accès à FacturActe?</span></button></h3>' +
      '<div id="p1" hidden><p>Clientèles qui peuvent demander l’accès au service</p><ul><li>Podiatre</li></ul></div>';
    expect(lines(html)).toEqual(['Qui a accès à FacturActe?', 'Clientèles qui peuvent demander l’accès au service', '- Podiatre']);
    expect(readAccessLists(readSourcePage(html))[0]!.items.map((i) => [i.text, i.tier])).toEqual([['Podiatre', 'request']]);
  });

  test('a closed <details>, hidden="until-found", an open <dialog>, a list inside a <button>, aria-hidden text', () => {
    expect(lines('<details><summary>Qui a accès à X?</summary><ul><li>Un</li></ul></details>')).toEqual(['Qui a accès à X?', '- Un']);
    expect(lines('<div hidden="until-found"><ul><li>Deux</li></ul></div>')).toEqual(['- Deux']);
    expect(lines('<dialog open><ul><li>Trois</li></ul></dialog>')).toEqual(['- Trois']);
    expect(lines('<button><ul><li>Quatre</li></ul></button>')).toEqual(['- Quatre']);
    expect(lines('<ul><li aria-hidden="true">Cinq</li></ul>')).toEqual(['- Cinq']);
  });

  test('text after a comment closed by "--!>" (browsers end the comment there)', () => {
    expect(lines('<p>Avant</p><!-- note --!><ul><li>Après</li></ul>')).toEqual(['Avant', '- Après']);
  });

  test('misnested and implied tags as the HTML standard builds them', () => {
    expect(lines('<ul><li>Un<li>Deux</ul><p>Trois<p>Quatre')).toEqual(['- Un', '- Deux', 'Trois', 'Quatre']);
    expect(lines('<table><li>Hors de la table</table>')).toEqual(['- Hors de la table']);
  });
});

describe('what a browser never renders is not', () => {
  test.each(['noembed', 'noframes', 'canvas', 'video', 'audio', 'datalist', 'noscript', 'template', 'select', 'object', 'iframe', 'script', 'style'])(
    '<%s>',
    (tag) => {
      expect(lines(`<p>Vu</p><${tag}><ul><li>Podiatre</li></ul></${tag}>`)).toEqual(['Vu']);
    },
  );

  test('a closed <dialog>, a hidden element no button opens, screen-reader-only text, the site chrome', () => {
    expect(lines('<p>Vu</p><dialog><ul><li>Un</li></ul></dialog><div hidden><ul><li>Deux</li></ul></div><span class="visually-hidden">Trois</span>')).toEqual([
      'Vu',
    ]);
    expect(
      lines(
        '<header><ul><li>Menu</li></ul></header><nav><ul><li>Lien</li></ul></nav><aside><ul><li>Côté</li></ul></aside><p>Vu</p><footer><ul><li>Pied</li></ul></footer>',
      ),
    ).toEqual(['Vu']);
  });

  test('only <main> (or role="main") when the page has one; a <header> inside it is content', () => {
    expect(lines('<div><ul><li>Vous êtes : dentiste</li></ul></div><main><header><h1>Titre</h1></header><p>Vu</p></main><div><p>Témoins</p></div>')).toEqual([
      'Titre',
      'Vu',
    ]);
    expect(lines('<p>Hors</p><div role="main"><p>Dedans</p></div>')).toEqual(['Dedans']);
  });
});

describe('what styling hides marks its line, and is never what the page says', () => {
  test('inline display:none and visibility:hidden, and rules of the page’s own <style>', () => {
    expect(lines('<ul><li style="display: none">Un</li><li style="visibility:hidden">Deux</li><li>Trois</li></ul>')).toEqual([
      '- Un [hidden]',
      '- Deux [hidden]',
      '- Trois',
    ]);
    expect(lines('<style>.x li { display:none }</style><ul class="x"><li>Un</li></ul><ul><li>Deux</li></ul>')).toEqual(['- Un [hidden]', '- Deux']);
    expect(lines('<ul><li>Podiatre <span style="display:none">(accès aux états de compte seulement)</span></li></ul>')).toEqual([
      '- Podiatre (accès aux états de compte seulement) [hidden]',
    ]);
  });

  test('a hidden item is marked in its list; hidden text is out of the checksum', () => {
    const page = readSourcePage('<h3>Qui a accès à X?</h3><ul><li>Un</li><li style="display:none">Deux</li></ul>');
    expect(readAccessLists(page)[0]!.items.map((i) => [i.text, i.hidden])).toEqual([
      ['Un', false],
      ['Deux', true],
    ]);
    expect(page.sha256).toBe(readSourcePage('Qui a accès à X?\n- Un').sha256);
  });

  test('a panel a button opens is content even while a rule keeps it collapsed', () => {
    expect(
      lines('<style>.panel { display: none }</style><button aria-controls="p">Qui a accès à X?</button><div id="p" class="panel"><ul><li>Un</li></ul></div>'),
    ).toEqual(['Qui a accès à X?', '- Un']);
  });

  test('which style rules hide: top level, @media screen, @supports; not @media print or a width', () => {
    expect(
      hidingSelectors(
        'a{color:red} .b{display:none} /* .c{display:none} */ @media print{.d{display:none}} @media screen{.e{visibility:hidden}} @media (max-width:600px){.f{display:none}} @supports (display:grid){.g{display:none!important}}',
      ),
    ).toEqual(['.b', '.e', '.g']);
    expect([styleHides('display:block'), styleHides('color:red;display : none'), styleHides('visibility: collapse')]).toEqual([false, true, true]);
  });
});

describe('lists outside the access lists', () => {
  test('an audience list before the first access list is no finding; items right after a renamed sub-heading are stray', () => {
    const page = readSourcePage(
      [
        'Vous êtes :',
        '- Dentiste',
        '- Podiatre',
        'Qui a accès à X?',
        '- Un',
        'Clientèles admissibles',
        '- Deux',
        'Un paragraphe.',
        'Un autre.',
        '- Trois',
      ].join('\n'),
    );
    const { lists, stray } = readPageLists(page);
    expect(lists.map((l) => l.items.map((i) => i.text))).toEqual([['Un']]);
    expect(stray.map((s) => s.items.map((i) => i.text))).toEqual([['Deux']]);
  });

  test('the audience switcher of a site, outside <nav>, is no difference (exit 0)', async () => {
    const html = [
      '<div class="audience"><p>Vous êtes :</p><ul><li>Dentiste</li><li>Infirmière</li></ul></div>',
      TEXT.split('\n')
        .map((l) => (l.startsWith('- ') ? `<li>${l.slice(2)}</li>` : `<p>${l}</p>`))
        .join('\n'),
    ].join('\n');
    expect((await check(temp('audience.html', `<!DOCTYPE html><body>${html}</body>`))).code).toBe(0);
  });
});

describe('charsets', () => {
  const page = (charset: string): string =>
    `<!DOCTYPE html><html><head><meta charset="${charset}"></head><body><h3>Qui a accès à la messagerie?</h3><ul><li>Diététiste</li></ul></body></html>`;
  const latin1 = (s: string): Buffer => Buffer.from(s.replace(/’/g, '\u0092'), 'latin1');

  test('<meta charset>, <meta http-equiv>, the HTTP charset, a byte-order mark, else strict UTF-8', () => {
    const text = (r: ReturnType<typeof decodePageBytes>): string => (r.ok ? r.text : `problem: ${r.problem.detail.id}`);
    expect(text(decodePageBytes(latin1(page('windows-1252')), 'p'))).toContain('Diététiste');
    expect(text(decodePageBytes(latin1(page('ISO-8859-1')), 'p'))).toContain('Diététiste');
    expect(
      text(decodePageBytes(latin1('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><p>l’été</p>'), 'p')),
    ).toContain('l’été');
    expect(text(decodePageBytes(latin1('<p>été</p>'), 'p', 'windows-1252'))).toContain('été');
    // the HTTP charset outranks the page's own declaration, a byte-order mark outranks both
    expect(text(decodePageBytes(Buffer.from(page('windows-1252')), 'p', 'utf-8'))).toContain('Diététiste');
    expect(text(decodePageBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('windows-1252'))]), 'p'))).toContain('Diététiste');
    expect(text(decodePageBytes(latin1(page('nonsense')), 'p'))).toBe('problem: notUtf8');
    expect(text(decodePageBytes(latin1('Qui a accès à X?\n- Un'), 'p'))).toBe('problem: notUtf8');
  });

  test('check-source reads a windows-1252 page as its <meta> says (exit 0 on the real page)', async () => {
    expect(await check(path.join(SOURCE, 'liste-des-services-en-ligne-drupal-windows-1252.html'))).toMatchObject({ code: 0, sha256: COPY_SHA });
  });
});

describe('pages no browser builds are refused (exit 3), in bounded time', () => {
  test('elements nested past 512 levels', async () => {
    const file = temp('profond.html', `<!DOCTYPE html><h3>Qui a accès à X?</h3>${'<div>'.repeat(600)}<ul><li>Un</li></ul>`);
    const r = await runCli(['check-source', file, '--lang', 'en']);
    expect([r.code, r.stdout]).toEqual([3, '']);
    expect(r.stderr).toMatch(/^ramq-access: cannot read the page .*nested more than 512 deep/);
    expect(readSourcePage(`${'<div>'.repeat(500)}<p>Un</p>`).lines.map((l) => l.text)).toEqual(['Un']);
  });

  test('more elements than any saved page has', async () => {
    const r = await runCli([
      'check-source',
      temp('elements.html', `<!DOCTYPE html><h3>Qui a accès à X?</h3><ul>${'<li>Podiatre'.repeat(100_001)}</ul>`),
      '--lang',
      'en',
    ]);
    expect([r.code, r.stdout]).toEqual([3, '']);
    expect(r.stderr).toMatch(/more than 100,000 elements/);
  });

  test('more hiding rules than the check applies', async () => {
    const rules = Array.from({ length: 300 }, (_, i) => `.c${i}{display:none}`).join('');
    const r = await runCli(['check-source', temp('regles.html', `<!DOCTYPE html><style>${rules}</style><h3>Qui a accès à X?</h3><ul><li>Un</li></ul>`)]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('règles qui masquent');
  });
});

describe('--write on crafted pages: never exit 70, never a grant from what a browser does not show, byte-identical when refused', () => {
  const CATALOG_TEXT = fs.readFileSync(path.join(__dirname, '..', 'catalog.yaml'), 'utf8');
  const DAY = { SOURCE_DATE_EPOCH: '1768435200' };
  const accordion = renderings(TEXT)['accordion'] as string;
  const write = async (html: string | Buffer, extra: string[] = []): Promise<{ code: number; stderr: string; catalog: string }> => {
    const catalog = temp('catalog.yaml', CATALOG_TEXT);
    const r = await runCli(['check-source', temp('page.html', html), '--catalog', catalog, '--write', '--lang', 'en', ...extra], DAY);
    return { code: r.code, stderr: r.stderr, catalog: fs.readFileSync(catalog, 'utf8') };
  };
  const AMP = 'Activités médicales particulières?</span>';
  const firstItemAfter = (html: string, marker: string): number => {
    const at = html.indexOf(marker);
    if (at === -1) throw new Error(`no "${marker}" in the page`);
    return html.indexOf('<li>', at);
  };
  const denturologists = (catalog: string): number => catalog.split('\n').filter((l) => l.includes('clientele: denturologiste')).length;

  test('the same item, shown, is written (so the cases below can fail)', async () => {
    const at = firstItemAfter(accordion, AMP);
    const r = await write(accordion.slice(0, at) + '<li>Denturologiste</li>' + accordion.slice(at));
    expect(r.code).toBe(0);
    expect(denturologists(r.catalog)).toBe(denturologists(CATALOG_TEXT) + 1);
  });

  test('panels hidden but named by no button read empty: refused (exit 3), the catalogue untouched', async () => {
    const r = await write(accordion.replace(/ aria-controls="panneau-\d+"/g, ''));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^ramq-access: .*empty/);
    expect(r.catalog).toBe(CATALOG_TEXT);
  });

  test('half the items missing: refused (exit 3) unless --force', async () => {
    let n = 0;
    const half = accordion.replace(/ {6}<li>.*<\/li>\n/g, (li) => (n++ % 2 === 0 ? '' : li));
    const refused = await write(half);
    expect([refused.code, refused.catalog === CATALOG_TEXT]).toEqual([3, true]);
    expect(refused.stderr).toContain('--force');
    const forced = await write(half, ['--force']);
    expect(forced.code).not.toBe(70);
    expect(forced.catalog).not.toBe(CATALOG_TEXT);
  });

  test.each([
    ['an inline display:none', (li: string) => li.replace('<li>', '<li style="display:none">')],
    ['a rule of the page’s own <style>', (li: string) => li.replace('<li>', '<li class="qc-hidden">')],
    ['a <noembed>', (li: string) => `<noembed><ul>${li}</ul></noembed>`],
    ['a <template>', (li: string) => `<template>${li}</template>`],
    ['a closed <dialog>', (li: string) => `<dialog><ul>${li}</ul></dialog>`],
  ])('an item added in %s is never written', async (_how, hide) => {
    const at = firstItemAfter(accordion, AMP);
    const page = accordion.slice(0, at) + hide('<li>Denturologiste</li>') + accordion.slice(at);
    const r = await write(page);
    expect(r.code).not.toBe(70);
    expect(denturologists(r.catalog)).toBe(denturologists(CATALOG_TEXT));
  });

  test('a condition written in hidden text is reported (hidden-on-page), not written', async () => {
    const at = firstItemAfter(accordion, AMP);
    const end = accordion.indexOf('</li>', at);
    const page = `${accordion.slice(0, end)}<span style="display:none"> (membre d’un GMF seulement)</span>${accordion.slice(end)}`;
    const catalog = temp('catalog.yaml', CATALOG_TEXT);
    const file = temp('page.html', page);
    const report = JSON.parse((await runCli(['check-source', file, '--catalog', catalog, '--json'])).stdout) as { findings: { kind: string }[] };
    expect(report.findings.map((f) => f.kind)).toEqual(['hidden-on-page']);
    const r = await runCli(['check-source', file, '--catalog', catalog, '--write'], DAY);
    expect(r.code).toBe(1);
    expect(fs.readFileSync(catalog, 'utf8')).toBe(CATALOG_TEXT);
  });
});
