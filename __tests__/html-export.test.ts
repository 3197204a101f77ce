/** The exported HTML page, opened in headless Chromium (Debian's package, driven by playwright-core). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { FIXTURES, runBin } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium && process.env['CI']) throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium package`);
const describeBrowser = haveChromium ? describe : describe.skip;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-html-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function exportTo(name: string, args: string[] = []): string {
  const out = runBin(['export', '--format', 'html', ...args]);
  expect(out.code).toBe(0);
  const file = path.join(dir, name);
  fs.writeFileSync(file, out.stdout);
  return file;
}

test('the page is self-contained: no network, no external script, style or font', () => {
  const html = fs.readFileSync(exportTo('plain.html'), 'utf8');
  expect(html).toMatch(/^<!doctype html>/);
  expect(html).not.toMatch(/<(link|img|iframe)\b/i);
  expect(html).not.toMatch(/\b(src|href)\s*=/i);
  expect(html).not.toMatch(/https?:\/\//);
  expect(html).not.toMatch(/@import|url\(/);
  expect(html).toContain("default-src 'none'");
});

test('export --format json holds the whole catalogue', () => {
  const doc = JSON.parse(runBin(['export', '--format', 'json']).stdout);
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

  async function open(file: string, width = 390): Promise<Page> {
    page = await browser.newPage({ viewport: { width, height: 844 } });
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
    await open(exportTo('fr.html'));
    expect(await visibleServices()).toHaveLength(23);
    expect(await page.textContent('#count')).toBe('23 service(s) sur 23');

    await page.selectOption('#f-clientele', 'podiatre');
    expect(await visibleServices()).toEqual(['messagerie-securisee', 'mon-dossier', 'liste-medicaments', 'patient-medicaments-exception']);
    const podiatreRows = await page.$$eval('#matrix tbody tr:not(.hidden)', (rows) =>
      rows.map((r) => (r as unknown as { dataset: Record<string, string | undefined> }).dataset['clientele']),
    );
    expect(podiatreRows).toEqual(['podiatre']);
    const screenshot = path.join(os.tmpdir(), 'ramq-access-export-podiatre.png');
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
    await open(exportTo('en.html', ['--lang', 'en']), 1200);
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
        .replace('fr: Échanger des messages.', 'fr: "</script><script>document.title=\'pwned\'</script><b>bold</b>"'),
    );
    const out = runBin(['--catalog', hostile, 'export']);
    expect(out.code).toBe(0);
    const file = path.join(dir, 'hostile.html');
    fs.writeFileSync(file, out.stdout);
    await open(file, 1200);
    expect(await page.title()).not.toBe('pwned');
    expect(await page.textContent('#service-mail')).toContain('</script><script>');
    expect(await page.$$('#service-mail b')).toHaveLength(0);
  }, 60000);
});
