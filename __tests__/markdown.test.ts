import MarkdownIt from 'markdown-it';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import fs from 'node:fs';
import path from 'node:path';
import { mdCode, mdFence } from '../src/present/markdown';
import { messagesFor } from '../src/present/messages/messages';
import { makePalette } from '../src/present/options';
import { diffMarkdown, type DiffReport } from '../src/present/present-diff';
import { CATALOG, FIXTURES, runCli } from './helpers';

// Markdown is checked the way its readers read it: rendered by a CommonMark renderer (markdown-it), the HTML
// parsed as a browser does (parse5), and the text of each <code> element compared with what it must show.

type Node = DefaultTreeAdapterMap['node'];
const md = new MarkdownIt();

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** The text of every element of a tag name in rendered Markdown, in document order. */
function rendered(markdown: string, tag: string): string[] {
  const found: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeName === tag) found.push(textOf(node));
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parseFragment(md.render(markdown)) as unknown as Node);
  return found;
}

const NAMES = [
  '<stdin>',
  'drafts/<branch>/catalog.yaml',
  'a`b.yaml',
  '`catalog.yaml',
  'catalog.yaml`',
  'a``b```c.yaml',
  '``',
  'pipe|name.yaml',
  '*bold*_and_under_.yaml',
  '\\back\\slash\\',
  ' spaced name ',
  '[link](x) &amp; <b>html</b>',
];

describe('mdCode: one code span helper, read back by a CommonMark renderer', () => {
  test.each(NAMES)('%j shows as itself in <code>', (name) => {
    expect(rendered(`before ${mdCode(name)} after`, 'code')).toEqual([name]);
    expect(rendered(`### title: ${mdCode(name)} → ${mdCode('x.yaml')}`, 'code')).toEqual([name, 'x.yaml']);
  });

  test('no backslash escape is put inside a span (CommonMark shows it)', () => {
    expect(mdCode('<stdin>')).toBe('`<stdin>`');
    expect(mdCode('a`b')).toBe('``a`b``');
    expect(mdCode('`a')).toBe('`` `a ``');
  });

  test('mdFence: a fence longer than any backtick run in its lines, so that none closes it', () => {
    const lines = ['+ ``` not a fence', '```', '- ````x'];
    expect(rendered(mdFence('diff', lines), 'code')).toEqual([`${lines.join('\n')}\n`]);
  });
});

describe('markdown presenters name files and ids through mdCode', () => {
  const SHIPPED = fs.readFileSync(CATALOG, 'utf8');

  test('diff: the title shows <stdin> and a name with backticks, pipes and stars as they are', async () => {
    const out = await runCli(['diff', '-', CATALOG, '--format', 'markdown'], {}, false, SHIPPED);
    expect(rendered(out.stdout, 'code')).toEqual(['<stdin>', CATALOG]);
    for (const name of NAMES.filter((n) => n.trim() === n)) {
      const named = await runCli(['diff', CATALOG, '-', '--format', 'markdown', '--stdin-filepath', name], {}, false, SHIPPED);
      expect(rendered(named.stdout, 'code')).toEqual([CATALOG, name]);
    }
  });

  test('diff: a line holding backticks stays as it is in its code block', () => {
    const report: DiffReport = {
      diff: { changes: [{ type: 'added', entry: 'service', id: 'x', name: 'a ```b``` c' }], effects: [] },
      before: 'a.yaml',
      after: 'b.yaml',
      names: { service: new Map(), clientele: new Map(), category: new Map() },
    };
    const options = { m: messagesFor('en'), lang: 'en' as const, palette: makePalette(false), width: 80, lineWidth: 80, cwd: '/', version: '0', source: null };
    expect(rendered(diffMarkdown(report, options), 'code')).toEqual(['a.yaml', 'b.yaml', '+ service x "a ```b``` c" added\n']);
  });

  test('check-source: the page and the catalogue in its title', async () => {
    const page = fs.readFileSync(path.join(FIXTURES, 'source', 'liste-des-services-en-ligne.txt'), 'utf8');
    for (const name of ['<stdin>', 'saved `copy` | <page>.txt']) {
      const argv = ['check-source', '-', '--format', 'markdown', ...(name === '<stdin>' ? [] : ['--stdin-filepath', name])];
      const out = await runCli(argv, {}, false, page);
      expect(rendered(out.stdout.split('\n')[0]!, 'code')).toEqual([name, CATALOG]);
    }
  });

  test('services and matrix: ids in code spans', async () => {
    const services = await runCli(['services', 'podiatre', '--format', 'markdown', '--lang', 'en']);
    expect(rendered(services.stdout, 'code')).toEqual(['podiatre']);
    const matrix = await runCli(['matrix', '--format', 'markdown']);
    expect(rendered(matrix.stdout, 'code')).toContain('selat');
  });
});
