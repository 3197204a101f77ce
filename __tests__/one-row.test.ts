/**
 * One row per service (services) and per clientele (who --expand), through the CLI in both languages:
 * a clientele that holds a grant and inherits another is listed once, with the best grant, the other kept
 * beside it; the count under the table is the number of rows.
 */
import { runCli, withoutSource } from './helpers';

interface Grant {
  tier: string;
  conditions: { fr: string; en: string }[];
  inherited_from: string | null;
}
type Row = Grant & { also: Grant[] };

const PAIR = ['candidat-ips-premiere-ligne', 'inscription-clientele-professionnels'] as const;

/** The rows of a boxed table, each as the text of its cells (a cell's lines joined); tier sections, which span the width, are left out. */
function tableRows(output: string): string[][] {
  const rows: string[][] = [];
  let current: string[][] | null = null;
  const flush = (): void => {
    if (current !== null && current.length > 1) rows.push(current.map((lines) => lines.filter(Boolean).join(' ')));
  };
  for (const line of output.split('\n')) {
    if (line.startsWith('├') || line.startsWith('└')) {
      flush();
      current = null;
    } else if (line.startsWith('│')) {
      const parts = line.split('│').slice(1, -1);
      current ??= parts.map(() => []);
      parts.forEach((p, i) => current![i]?.push(p.trim()));
    }
  }
  // The first block is the header's.
  return rows.slice(1);
}

describe('services candidat-ips-premiere-ligne: inscription-clientele-professionnels once', () => {
  test.each([
    ['fr', 'aussi sur demande, par Candidat infirmier praticien ou candidate infirmière praticienne', '1 service'],
    ['en', 'also on request, through Nurse practitioner candidate', '1 service'],
  ])('table (%s): one row, the inherited request shown in it, and the count is the rows', async (lang, also, count) => {
    const out = await runCli(['services', PAIR[0], '--lang', lang], { NO_COLOR: '1' }, false, '', 80);
    expect(out.code).toBe(0);
    const rows = tableRows(out.stdout);
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toContain(PAIR[1]);
    expect(rows[0]![2]).toBe(also);
    expect(withoutSource(out.stdout).trimEnd().split('\n').at(-1)).toBe(count);
    expect(out.stdout.split(PAIR[1])).toHaveLength(2);
  });

  test('JSON: one entry per service id, the best grant in the entry, the other in also', async () => {
    const doc = JSON.parse((await runCli(['services', PAIR[0], '--json'])).stdout) as { services: (Row & { id: string })[] };
    expect(doc.services.map((s) => s.id)).toEqual([PAIR[1]]);
    expect(doc.services[0]).toMatchObject({
      tier: 'creation',
      conditions: [],
      inherited_from: null,
      also: [{ tier: 'request', conditions: [], inherited_from: 'candidat-ips' }],
    });
  });

  test('--tier request and --own filter the grants before the rows are made', async () => {
    const request = JSON.parse((await runCli(['services', PAIR[0], '--tier', 'request', '--json'])).stdout) as { services: Row[] };
    expect(request.services).toEqual([expect.objectContaining({ tier: 'request', inherited_from: 'candidat-ips', also: [] })]);
    const own = JSON.parse((await runCli(['services', PAIR[0], '--own', '--json'])).stdout) as { services: Row[] };
    expect(own.services).toEqual([expect.objectContaining({ tier: 'creation', inherited_from: null, also: [] })]);
  });

  test('csv and markdown keep the other grant on the same line', async () => {
    const csv = (await runCli(['services', PAIR[0], '--format', 'csv'])).stdout.trim().split('\r\n');
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/,request inherited_from=candidat-ips,request inherited_from=candidat-ips$/);
    const md = (await runCli(['services', PAIR[0], '--format', 'markdown', '--lang', 'en'])).stdout;
    expect(md.split('\n').filter((l) => l.includes(PAIR[1]))).toEqual([expect.stringContaining('also on request, through Nurse practitioner candidate')]);
  });

  test('batch lines are the same document', async () => {
    const out = await runCli(['services', '--batch'], {}, false, `${PAIR[0]}\n`);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(JSON.parse((await runCli(['services', PAIR[0], '--json'])).stdout));
  });

  test('show of the clientele lists the service once too', async () => {
    const doc = JSON.parse((await runCli(['show', PAIR[0], '--json'])).stdout) as { services: { id: string }[] };
    expect(doc.services.map((s) => s.id)).toEqual([PAIR[1]]);
  });
});

describe('who --expand: each clientele once', () => {
  test.each(['fr', 'en'])(
    'table (%s) and JSON: candidat-ips-premiere-ligne once, in the creation tier, its inherited request beside it; the count is the rows',
    async (lang) => {
      const out = await runCli(['who', PAIR[1], '--expand', '--lang', lang], { NO_COLOR: '1' }, false, '', 100);
      expect(out.code).toBe(0);
      const rows = tableRows(out.stdout);
      const mine = rows.filter((r) => r[0]!.includes(PAIR[0]));
      expect(mine).toHaveLength(1);
      expect(mine[0]![1]).toBe(
        lang === 'fr'
          ? 'aussi sur demande, par Candidat infirmier praticien ou candidate infirmière praticienne'
          : 'also on request, through Nurse practitioner candidate',
      );
      // The count follows the table (the service's notes come after it).
      const lines = withoutSource(out.stdout).split('\n');
      expect(lines[lines.findIndex((l) => l.startsWith('└')) + 1]).toBe(lang === 'fr' ? `${rows.length} clientèles` : `${rows.length} clienteles`);
      const doc = JSON.parse((await runCli(['who', PAIR[1], '--expand', '--json', '--lang', lang])).stdout) as {
        access: (Row & { clientele: { id: string } })[];
      };
      const ids = doc.access.map((a) => a.clientele.id);
      expect(ids).toHaveLength(new Set(ids).size);
      expect(ids).toHaveLength(rows.length);
      expect(doc.access.find((a) => a.clientele.id === PAIR[0])).toMatchObject({
        tier: 'creation',
        inherited_from: null,
        also: [{ tier: 'request', inherited_from: 'candidat-ips' }],
      });
    },
  );

  test('no service, expanded, names a clientele twice', async () => {
    const services = (JSON.parse((await runCli(['list', 'services', '--json'])).stdout) as { services: { id: string }[] }).services;
    for (const s of services) {
      const ids = (JSON.parse((await runCli(['who', s.id, '--expand', '--json'])).stdout) as { access: { clientele: { id: string } }[] }).access.map(
        (a) => a.clientele.id,
      );
      expect({ service: s.id, repeated: ids.filter((id, i) => ids.indexOf(id) !== i) }).toEqual({ service: s.id, repeated: [] });
    }
  });
});

test('the matrix: one JSON entry per service a clientele reaches, the best one (its symbol), the others in also', async () => {
  const doc = JSON.parse((await runCli(['matrix', '--json'])).stdout) as { rows: { clientele: { id: string }; access: (Row & { service: string })[] }[] };
  for (const row of doc.rows) {
    const ids = row.access.map((a) => a.service);
    expect(ids).toHaveLength(new Set(ids).size);
  }
  const row = doc.rows.find((r) => r.clientele.id === PAIR[0])!;
  expect(row.access).toEqual([
    expect.objectContaining({ service: PAIR[1], tier: 'creation', inherited_from: null, also: [expect.objectContaining({ tier: 'request' })] }),
  ]);
});
