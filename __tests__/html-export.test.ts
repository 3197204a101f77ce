/** The exported HTML page, opened in headless Chromium (Debian's package, driven by playwright-core). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { messagesFor } from '../src/present/messages/messages';
import { FIXTURES, ROOT, runCli } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env['CI']) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium package`);
const describeBrowser = haveChromium ? describe : describe.skip;

// With UPDATE_SCREENSHOTS=1 the screenshots go to docs/screenshots (the README shows them); else to a temporary folder.
const UPDATING = process.env['UPDATE_SCREENSHOTS'] === '1';
const SCREENSHOTS = UPDATING ? path.join(ROOT, 'docs', 'screenshots') : fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-shots-'));
afterAll(() => {
  if (!UPDATING) fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
});

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-html-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function exportTo(name: string, args: string[] = []): Promise<string> {
  const out = await runCli(['export', '--format', 'html', ...args]);
  expect(out.code).toBe(0);
  const file = path.join(dir, name);
  fs.writeFileSync(file, out.stdout);
  return file;
}

test('the page is self-contained: no network, no external script, style or font', async () => {
  const html = fs.readFileSync(await exportTo('plain.html'), 'utf8');
  expect(html).toMatch(/^<!doctype html>/);
  expect(html).not.toMatch(/<(link|img|iframe)\b/i);
  expect(html).not.toMatch(/\b(src|href)\s*=/i);
  expect(html).not.toMatch(/https?:\/\//);
  expect(html).not.toMatch(/@import|url\(/);
  expect(html).toContain("default-src 'none'");
});

test('export --format json holds the whole catalogue', async () => {
  const doc = JSON.parse((await runCli(['export', '--format', 'json'])).stdout);
  expect(doc.catalog.services).toHaveLength(23);
});

describeBrowser('in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60000);
  afterAll(async () => browser?.close());

  async function open(file: string, viewport = { width: 390, height: 844 }): Promise<Page> {
    await page?.close();
    page = await browser.newPage({ viewport });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (r) => !r.url().startsWith('file:') && errors.push(`network request: ${r.url()}`));
    await page.goto(`file://${file}`);
    return page;
  }

  const visibleServices = async (): Promise<string[]> =>
    page.$$eval('#services article.service:not(.hidden)', (cards) =>
      cards.map((c) => (c as unknown as { dataset: Record<string, string | undefined> }).dataset['id'] ?? ''),
    );

  test('shows every service, then filters by clientele, tier, category and search; screenshot on a phone-sized screen', async () => {
    await open(await exportTo('fr.html'));
    expect(await visibleServices()).toHaveLength(23);
    expect(await page.textContent('#count')).toBe('23 service(s) sur 23');

    await page.selectOption('#f-clientele', 'podiatre');
    expect(await visibleServices()).toEqual(['messagerie-securisee', 'mon-dossier', 'liste-medicaments', 'patient-medicaments-exception']);
    const podiatreRows = await page.$$eval('#matrix tbody tr:not(.hidden)', (rows) =>
      rows.map((r) => (r as unknown as { dataset: Record<string, string | undefined> }).dataset['clientele']),
    );
    expect(podiatreRows).toEqual(['podiatre']);
    const screenshot = path.join(SCREENSHOTS, 'export-podiatre-phone.png');
    await page.screenshot({ path: screenshot });
    expect(fs.statSync(screenshot).size).toBeGreaterThan(10000);

    await page.selectOption('#f-clientele', 'audioprothesiste');
    await page.selectOption('#f-tier', 'request');
    expect(await visibleServices()).toEqual(['messagerie-securisee', 'selat']);
    expect(await page.textContent('#service-messagerie-securisee')).toContain('Conditions\u00a0: accès aux états de compte seulement');

    await page.selectOption('#f-clientele', '');
    await page.selectOption('#f-tier', '');
    await page.selectOption('#f-category', 'medicaments');
    expect(await visibleServices()).toEqual(['liste-medicaments', 'patient-medicaments-exception']);

    await page.selectOption('#f-category', '');
    await page.fill('#f-search', 'aides techniques');
    expect(await visibleServices()).toEqual(['selat']);
    await page.fill('#f-search', 'zzzz');
    expect(await visibleServices()).toEqual([]);
    expect(await page.isVisible('#none')).toBe(true);

    // nothing is wider than the phone's screen except the matrix, which scrolls in its own box
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  }, 60000);

  test('inherited grants are marked, in English with --lang en', async () => {
    await open(await exportTo('en.html', ['--lang', 'en']), { width: 1200, height: 844 });
    await page.selectOption('#f-clientele', 'ips-premiere-ligne');
    const text = await page.textContent('#service-messagerie-securisee');
    expect(text).toContain('inherited from');
    expect(await page.textContent('h1')).toBe('Access to RAMQ online services');
    await page.selectOption('#f-clientele', 'oculariste');
    expect(await page.textContent('#service-messagerie-securisee')).toContain('Conditions: statements of account only');
    expect(await page.getAttribute('section.filters', 'aria-label')).toBe('Filters');
    expect(errors).toEqual([]);
  }, 60000);

  test('catalogue text cannot inject markup or script', async () => {
    const hostile = path.join(dir, 'hostile.yaml');
    fs.writeFileSync(
      hostile,
      fs
        .readFileSync(path.join(FIXTURES, 'valid', 'minimal.yaml'), 'utf8')
        .replace('fr: Échanger des messages.', 'fr: "</script><script>document.title=\'pwned\'</script><b>bold</b>"')
        // a long name, so that its short label is derived from it; and a condition, so that it gets a numbered note
        .replace('name: Courrier', 'name: "<img src=x onerror=document.title=1> Courrier des très longues listes de messages"')
        .replace('fr: états de compte seulement', 'fr: "<b>états</b> de compte"'),
    );
    const out = await runCli(['--catalog', hostile, 'export']);
    expect(out.code).toBe(0);
    const file = path.join(dir, 'hostile.html');
    fs.writeFileSync(file, out.stdout);
    await open(file, { width: 1200, height: 844 });
    expect(await page.title()).toBe(messagesFor('fr').html.title);
    expect(await page.textContent('#service-mail')).toContain('</script><script>');
    expect(await page.$$('#service-mail b')).toHaveLength(0);
    // the matrix: short label, key and numbered conditions are text too
    expect(await page.textContent('#matrix thead')).toContain('<img');
    expect(await page.textContent('#matrix-keys')).toContain('<img src=x onerror=document.title=1> Courrier');
    expect(await page.textContent('#matrix-notes')).toContain('<b>états</b> de compte');
    expect(await page.$$('#matrix-section img, #matrix-section b')).toHaveLength(0);
    expect(errors).toEqual([]);
  }, 60000);

  test('ids such as "constructor" and "prototype" work like any other', async () => {
    const out = await runCli(['--catalog', path.join(FIXTURES, 'bad', 'accepted-prototype-names-as-ids.yaml'), 'export']);
    expect(out.code).toBe(0);
    const file = path.join(dir, 'prototype.html');
    fs.writeFileSync(file, out.stdout);
    await open(file, { width: 1280, height: 800 });
    const rows = await page.$$eval('#matrix tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-clientele')));
    expect(rows).toContain('constructor');
    expect(await page.$$('#matrix thead th[data-service]')).toHaveLength(2);
    await page.selectOption('#f-clientele', 'constructor');
    expect(errors).toEqual([]);
  }, 60000);

  // What a test can read of the page: its visible text and the text of its titles, placeholders and labels.
  const pageText = async (): Promise<string> =>
    page.evaluate<string>(`(() => {
      const parts = [document.title, document.body.innerText];
      document.querySelectorAll('[title], [placeholder], [aria-label]').forEach((e) =>
        ['title', 'placeholder', 'aria-label'].forEach((a) => { if (e.getAttribute(a)) parts.push(e.getAttribute(a)); }));
      return parts.join('\\n');
    })()`);

  /** Where the matrix and the page stand after the matrix's frame is scrolled down and right. */
  interface Scrolled {
    canScrollX: boolean;
    canScrollY: boolean;
    frameTop: number;
    frameLeft: number;
    pageX: number;
    pageYMoved: number;
    overflow: number;
    headerOffset: number;
    headerOnTop: boolean;
    rowHeaderOffset: number;
    rowHeaderOnTop: boolean;
  }
  const scrollTheMatrix = async (): Promise<Scrolled> =>
    page.evaluate<Scrolled>(`(() => {
      const frame = document.getElementById('matrix-wrap');
      const pageY = window.scrollY;
      const canScrollX = frame.scrollWidth > frame.clientWidth, canScrollY = frame.scrollHeight > frame.clientHeight;
      frame.scrollTop = 200; frame.scrollLeft = 200;
      const box = frame.getBoundingClientRect();
      const corner = document.querySelector('#matrix thead th.row').getBoundingClientRect();
      // a column header that is in view, right of the sticky first column
      const header = [...document.querySelectorAll('#matrix thead th[data-service]')]
        .map((th) => th.getBoundingClientRect()).find((r) => r.left >= corner.right && r.right <= box.right);
      const row = [...document.querySelectorAll('#matrix tbody tr:not(.hidden)')]
        .map((tr) => tr.querySelector('th').getBoundingClientRect()).find((r) => r.top >= corner.bottom && r.bottom <= box.bottom);
      const on = (r, selector) => { const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); return !!hit && !!hit.closest(selector); };
      return {
        canScrollX, canScrollY, frameTop: frame.scrollTop, frameLeft: frame.scrollLeft,
        pageX: window.scrollX, pageYMoved: window.scrollY - pageY,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        headerOffset: header.top - box.top, headerOnTop: on(header, '#matrix thead'),
        rowHeaderOffset: row.left - box.left, rowHeaderOnTop: on(row, '#matrix tbody th.row'),
      };
    })()`);

  let catalogue: { services: { id: string; name: string; name_en: string }[] };
  let serviceIds: Set<string>;
  beforeAll(async () => {
    catalogue = JSON.parse((await runCli(['export', '--format', 'json'])).stdout).catalog as typeof catalogue;
    serviceIds = new Set(catalogue.services.map((s) => s.id));
  });

  // The other language's strings, cut at their slots, long enough to be told from catalogue text and not also this language's.
  const foreignStrings = (lang: 'fr' | 'en'): string[] => {
    // The page's interface strings in each language (messages' `html`).
    const mine = messagesFor(lang).html;
    const other = messagesFor(lang === 'fr' ? 'en' : 'fr').html;
    return (Object.keys(mine) as (keyof typeof mine)[])
      .filter((k) => mine[k] !== other[k])
      .flatMap((k) => other[k].split(/\{\w+\}/))
      .map((part) => part.trim())
      .filter((part) => part.length >= 6 && !Object.values(mine).some((m) => m.includes(part)));
  };

  describe.each([
    ['fr', 1280, 800],
    ['fr', 390, 844],
    ['en', 1280, 800],
    ['en', 390, 844],
  ] as const)('the matrix in %s at %ix%i', (lang, width, height) => {
    test('has short column labels, a key of full names, and strings in the page language only', async () => {
      await open(await exportTo(`matrix-${lang}.html`, ['--lang', lang]), { width, height });
      const headers = await page.$$eval('#matrix thead th[data-service]', (ths) =>
        ths.map((th) => ({ text: (th.textContent ?? '').trim(), title: th.getAttribute('title') ?? '' })),
      );
      expect(headers).toHaveLength(catalogue.services.length);
      for (const [i, h] of headers.entries()) {
        expect(serviceIds.has(h.text)).toBe(false);
        const s = catalogue.services[i]!;
        expect(h.title).toContain(lang === 'fr' ? s.name : s.name_en);
      }
      const key = (await page.textContent('#matrix-keys')) ?? '';
      for (const s of catalogue.services) expect(key).toContain(lang === 'fr' ? s.name : s.name_en);

      const text = await pageText();
      for (const foreign of foreignStrings(lang)) expect(text).not.toContain(foreign);
      if (lang === 'fr') {
        expect(text).toContain('Conditions\u00a0: ');
        expect(text).not.toMatch(/Conditions:/);
      } else {
        expect(text).toContain('Conditions: ');
        expect(text).not.toMatch(/Conditions\s:/);
      }
      expect(errors).toEqual([]);
    }, 60000);

    test('scrolls inside its frame, never the page, and keeps its headers in view', async () => {
      await open(await exportTo(`matrix-${lang}.html`, ['--lang', lang]), { width, height });
      expect(await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')).toBeLessThanOrEqual(0);
      // as a reader scrolls the page down to the matrix: its frame's bottom at the bottom of the screen
      await page.evaluate(`document.getElementById('matrix-wrap').scrollIntoView({ block: 'end' })`);
      if (lang === 'fr') await page.screenshot({ path: path.join(SCREENSHOTS, `matrix-${width}.png`) });
      const s = await scrollTheMatrix();
      if (lang === 'fr') {
        const file = path.join(SCREENSHOTS, `matrix-${width}-scrolled.png`);
        await page.screenshot({ path: file });
        expect(fs.statSync(file).size).toBeGreaterThan(10000);
      }
      expect(s.canScrollY || s.canScrollX).toBe(true);
      if (s.canScrollY) expect(s.frameTop).toBeGreaterThan(0);
      if (s.canScrollX) expect(s.frameLeft).toBeGreaterThan(0);
      // on a phone the table is wider than the screen, and it is the frame that scrolls sideways
      if (width < 600) expect(s.canScrollX).toBe(true);
      expect(s.pageX).toBe(0);
      expect(s.pageYMoved).toBe(0);
      expect(s.overflow).toBeLessThanOrEqual(0);
      // sticky: the header row stays at the top of the frame, the clientele column at its left
      expect(s.headerOffset).toBeGreaterThanOrEqual(0);
      expect(s.headerOffset).toBeLessThanOrEqual(2);
      expect(s.headerOnTop).toBe(true);
      if (s.canScrollX) {
        expect(s.rowHeaderOffset).toBeGreaterThanOrEqual(0);
        expect(s.rowHeaderOffset).toBeLessThanOrEqual(2);
        expect(s.rowHeaderOnTop).toBe(true);
      }
      expect(errors).toEqual([]);
    }, 60000);
  });

  test('a clientele that holds a grant and inherits another is one entry, one cell and one line by clientele, the other grant spelled out; the tier filter finds either', async () => {
    await open(await exportTo('rows-fr.html'), { width: 390, height: 844 });
    const service = '#service-inscription-clientele-professionnels';
    const entries = await page.$$eval(`${service} .access li`, (items) =>
      items.map((li) => [(li as unknown as { dataset: Record<string, string> }).dataset['clientele'], li.textContent ?? '']),
    );
    const mine = entries.filter(([id]) => id === 'candidat-ips-premiere-ligne');
    expect(mine).toHaveLength(1);
    expect(mine[0]![1]).toContain('aussi sur demande, par la clientèle «\u00a0Candidat infirmier praticien ou candidate infirmière praticienne\u00a0»');
    expect(entries.map(([id]) => id)).toHaveLength(new Set(entries.map(([id]) => id)).size);
    const cell = await page.getAttribute(
      '#matrix tr[data-clientele="candidat-ips-premiere-ligne"] td[data-service="inscription-clientele-professionnels"]',
      'title',
    );
    expect(cell).toContain('aussi sur demande, par la clientèle');
    // On request: the inherited grant answers, in the card and in the by-clientele list.
    await page.selectOption('#f-clientele', 'candidat-ips-premiere-ligne');
    await page.selectOption('#f-tier', 'request');
    expect(await visibleServices()).toEqual(['inscription-clientele-professionnels']);
    const list = (await page.textContent('#by-clientele-list')) ?? '';
    expect(list).toContain('sur demande (1)');
    expect(list).toContain('hérité de la clientèle «\u00a0Candidat infirmier praticien ou candidate infirmière praticienne\u00a0»');
    await page.selectOption('#f-tier', '');
    expect((await page.textContent('#by-clientele-list')) ?? '').toContain('à la création du compte (1)');
    expect(errors).toEqual([]);
  }, 60000);

  test('on a phone, one clientele’s services by tier, with inherited grants and conditions spelled out', async () => {
    await open(await exportTo('matrix-fr.html'), { width: 390, height: 844 });
    expect(await page.isVisible('#by-clientele')).toBe(true);
    await page.selectOption('#m-clientele', 'ips-premiere-ligne');
    const list = (await page.textContent('#by-clientele-list')) ?? '';
    expect(list).toContain('hérité de la clientèle «\u00a0Infirmier praticien spécialisé ou infirmière praticienne spécialisée\u00a0»');
    expect(list).toContain('Guichet d’accès à un médecin de famille (GAMF)');
    await page.evaluate('document.getElementById("by-clientele").scrollIntoView()');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'by-clientele-390.png') });
    await page.selectOption('#m-clientele', 'audioprothesiste');
    expect(await page.textContent('#by-clientele-list')).toContain('Conditions\u00a0: accès aux états de compte seulement');
    // the page-wide clientele filter picks the same clientele here
    await page.selectOption('#f-clientele', 'podiatre');
    expect(await page.inputValue('#m-clientele')).toBe('podiatre');
    await open(await exportTo('matrix-fr.html'), { width: 1280, height: 800 });
    expect(await page.isVisible('#by-clientele')).toBe(false);
    expect(errors).toEqual([]);
  }, 60000);
});
