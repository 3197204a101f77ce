/**
 * Markdown that is safe to post as a pull-request comment: every markdown presenter's output, for a catalogue
 * (and a page, and file names) full of markup, is rendered by a CommonMark renderer with GitHub's extras
 * (markdown-it with HTML on, as GitHub passes safe HTML through, and linkify, GFM's bare autolinks) and parsed as
 * a browser does (parse5): no catalogue or page text may make an HTML element, a link, an image or a bidi
 * control, and each text must still show as written.
 */
import MarkdownIt from 'markdown-it';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { parse, stringify } from 'yaml';
import { mdText } from '../src/present/markdown';
import { FIXTURES, runCli } from './helpers';

type Node = DefaultTreeAdapterMap['node'];
const md = new MarkdownIt({ html: true, linkify: true });

/** Markup a catalogue or a page could hold, each with a marker so that every one is a distinct name. */
const PAYLOADS = [
  '<!-- hides the rest',
  '<img src=https://evil.example/i.png>',
  '![t](https://evil.example/i.png)',
  '[x](javascript:alert(1))',
  '&#x202E;reversed',
  '<script>alert(1)</script>',
  'https://evil.example/path',
  'www.evil.example',
  'someone@evil.example',
  '**bold** and _em_',
  '`code` and ~~strike~~',
  'pipe | cell',
  '# heading',
  '- item',
  '1. item',
  'back\\slash',
  '<https://evil.example/auto>',
  '[ref]: https://evil.example',
];

/** The elements a markdown presenter may make by itself: the document's own structure, never from the data. */
const ALLOWED = new Set(['p', 'strong', 'em', 'code', 'pre', 'h3', 'h4', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'hr']);
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** What rendering the markdown makes that only the data could have made: unexpected elements, links, images, comments, bidi controls. */
function faults(markdown: string): string[] {
  const out: string[] = [];
  for (const token of md.parse(markdown, {})) {
    for (const t of [token, ...(token.children ?? [])]) {
      if (t.type === 'html_block' || t.type === 'html_inline') out.push(`${t.type}: ${t.content.slice(0, 60)}`);
      if (t.type === 'link_open' || t.type === 'image') out.push(`${t.type}: ${t.attrGet('href') ?? t.attrGet('src') ?? ''}`);
    }
  }
  const html = md.render(markdown);
  if (BIDI.test(html)) out.push('a bidi control in the rendered page');
  const walk = (node: Node): void => {
    if (node.nodeName === '#comment') out.push('an HTML comment');
    else if (!node.nodeName.startsWith('#') && !ALLOWED.has(node.nodeName)) out.push(`<${node.nodeName}>`);
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parseFragment(html) as unknown as Node);
  return out;
}

/** The rendered text of markdown, spaces made one. */
function shownText(markdown: string): string {
  return textOf(parseFragment(md.render(markdown)) as unknown as Node).replace(/\s+/g, ' ');
}

let dir: string;
let catalog: string;
let other: string;
let page: string;

/** The minimal catalogue with every text it shows replaced by a payload (a distinct one per place). */
function hostileCatalogue(shift: number): object {
  const doc = parse(fs.readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8')) as Record<string, unknown> & {
    source: Record<string, string>;
    categories: Record<string, unknown>[];
    clienteles: Record<string, unknown>[];
    services: (Record<string, unknown> & { grants: { conditions: { fr: string; en: string }[] }[] })[];
  };
  let n = shift;
  const next = (): string => `${PAYLOADS[n % PAYLOADS.length]!} ${n++}`;
  doc.source.title = next();
  doc.source.publisher = next();
  for (const c of doc.categories) Object.assign(c, { name: next(), name_en: next() });
  for (const c of doc.clienteles) Object.assign(c, { name: next(), name_en: next(), description: { fr: next(), en: next() } });
  for (const s of doc.services) {
    Object.assign(s, {
      name: next(),
      name_en: next(),
      description: { fr: next(), en: next() },
      notes: [{ kind: 'delegation', clienteles: [], fr: next(), en: next() }],
      sub_applications: [{ name: next(), name_en: next(), description: { fr: next(), en: next() } }],
    });
    for (const g of s.grants) g.conditions = [{ fr: next(), en: next() }];
  }
  return doc;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-md-'));
  catalog = path.join(dir, 'hostile <img src=x>.yaml');
  other = path.join(dir, 'other\nline `tick` [x](y).yaml');
  fs.writeFileSync(catalog, stringify(hostileCatalogue(0)));
  fs.writeFileSync(other, stringify(hostileCatalogue(7)));
  page = path.join(dir, 'page ![i](https:evil.example) <b>.txt');
  const items = PAYLOADS.map((p) => `- ${p}`).join('\n');
  fs.writeFileSync(page, `Administration\nCourrier\nQui a accès au service en ligne ${PAYLOADS[1]!}?\n${items}\n`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the hostile catalogues are valid: every text above is one a catalogue may hold', async () => {
  for (const file of [catalog, other]) expect((await runCli(['validate', file])).code).toBe(0);
});

const QUESTIONS: readonly (readonly string[])[] = [
  ['services', 'nurse'],
  ['services', 'nurse-special'],
  ['services', 'clerk'],
  ['who', 'mail'],
  ['who', 'files', '--expand'],
  ['can', 'nurse', 'files'],
  ['can', 'clerk', 'mail'],
  ['can', 'nurse-special', 'files'],
  ['show', 'mail'],
  ['show', 'files'],
  ['show', 'nurse'],
  ['show', 'admin'],
  ['list', 'services'],
  ['list', 'clienteles'],
  ['list', 'categories'],
  ['search', 'evil'],
  ['matrix'],
];

describe.each(['fr', 'en'])('every markdown presenter (%s)', (lang) => {
  test.each(QUESTIONS.map((q) => [q.join(' '), q] as const))('%s', async (_title, argv) => {
    const out = await runCli(['--catalog', catalog, ...argv, '--format', 'markdown', '--lang', lang]);
    expect([out.code, out.stderr]).toEqual([argv[0] === 'can' ? out.code : 0, '']);
    expect(faults(out.stdout)).toEqual([]);
  });

  test('diff, between two hostile catalogues with hostile file names', async () => {
    const out = await runCli(['diff', catalog, other, '--format', 'markdown', '--lang', lang]);
    expect(out.code).toBe(1);
    expect(faults(out.stdout)).toEqual([]);
    // The file names' newline does not start a line of its own: the title is one line.
    expect(out.stdout.split('\n')[0]).toMatch(/^### ramq-access diff: /);
    expect(out.stdout.split('\n')[0]).toContain('tick');
  });

  test('check-source, a hostile page against a hostile catalogue', async () => {
    const out = await runCli(['--catalog', catalog, 'check-source', page, '--format', 'markdown', '--lang', lang]);
    expect(out.code).toBe(1);
    expect(faults(out.stdout)).toEqual([]);
    expect(out.stdout.split('\n')[0]).toMatch(/^### ramq-access check-source: /);
  });
});

describe('the escaper shows each text as written', () => {
  test.each(PAYLOADS)('%s', (payload) => {
    for (const where of [
      (t: string) => t,
      (t: string) => `**${t}**`,
      (t: string) => `| a |\n| --- |\n| ${t} |`,
      (t: string) => `- ${t}`,
      (t: string) => `_${t}_`,
    ]) {
      const markdown = where(mdText(payload));
      expect(faults(markdown)).toEqual([]);
      expect(shownText(markdown)).toContain(payload.replace(/\s+/g, ' '));
    }
  });

  test('a catalogue text shows as written in an answer', async () => {
    const out = await runCli(['--catalog', catalog, 'show', 'mail', '--format', 'markdown']);
    const shown = shownText(out.stdout);
    for (const payload of [
      '<img src=https://evil.example/i.png>',
      '&#x202E;reversed',
      '<!-- hides the rest',
      '![t](https://evil.example/i.png)',
      'https://evil.example/path',
    ]) {
      expect(shown).toContain(payload);
    }
  });
});
