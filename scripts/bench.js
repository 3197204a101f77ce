#!/usr/bin/env node
// npm run bench [-- --runs N] [-- --quick] [-- --queries-only]
// Times whole processes, interleaved with their baseline in every round, and
// reports medians as ratios to the baseline of the same run, with peak RSS;
// writes the table to docs/benchmarks.md. Not a test: nothing here fails a build.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generateCatalog } = require('./generate-catalog');

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'ramq-access');
const hook = path.join(__dirname, 'rss-hook.js');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
// Only the query commands against node -e 0 (a few minutes less; the report is not written).
const queriesOnly = args.includes('--queries-only');
const runs = Number(args[args.indexOf('--runs') + 1]) || (quick ? 5 : 20);
const warmup = quick ? 1 : 3;
const out = path.join(root, 'docs', 'benchmarks.md');

if (!fs.existsSync(path.join(root, 'dist', 'cli', 'ramq-access.js'))) {
  process.stderr.write('bench: build first (npm install or npm run build)\n');
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-bench-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
// The cache of prepared catalogues the runs use: the bench's own, never the user's.
const cacheHome = path.join(tmp, 'cache');
const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
delete env.RAMQ_ACCESS_NO_CACHE;

/** One timed process: argv for node (after the RSS hook), optional stdin file. */
function runOnce(nodeArgs, stdinFile) {
  const input = stdinFile ? fs.readFileSync(stdinFile) : undefined;
  const start = process.hrtime.bigint();
  // stdout is a pipe, as when a script reads the answer (the baseline pays for it too)
  const r = spawnSync(process.execPath, ['-r', hook, ...nodeArgs], { input, env, stdio: ['pipe', 'pipe', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = Number(String(r.output?.[3] ?? '').trim()) || NaN;
  return { ms, rss, status: r.status, stderr: String(r.stderr ?? '') };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs a group of cases round-robin (baseline first in every round) and returns medians. */
function measure(title, cases) {
  process.stderr.write(`bench: ${title} (${cases.length} cases x ${runs} runs)\n`);
  const samples = cases.map(() => ({ ms: [], rss: [] }));
  for (let round = -warmup; round < runs; round++) {
    cases.forEach((c, i) => {
      // Untimed preparation of a case (a miss empties the cache first).
      if (c.before) c.before();
      const r = runOnce(c.argv, c.stdin);
      if (!c.okStatus.includes(r.status)) throw new Error(`${c.label}: exit ${r.status}\n${r.stderr}`);
      if (round >= 0) {
        samples[i].ms.push(r.ms);
        samples[i].rss.push(r.rss);
      }
    });
  }
  const base = median(samples[0].ms);
  return cases.map((c, i) => ({
    label: c.label,
    ms: median(samples[i].ms),
    ratio: median(samples[i].ms) / base,
    rssMB: median(samples[i].rss) / 1024,
    target: c.target,
  }));
}

const rows = [];
const verdict = (r) =>
  r.target === undefined ? '' : r.ratio <= r.target ? `≤ ${r.target} ✓` : `≤ ${r.target} ✗ (missed by ${((r.ratio / r.target - 1) * 100).toFixed(0)} %)`;

// 1. Every query command in every format on the embedded catalogue, against `node -e 0`.
const q = (label, argv, target, okStatus = [0]) => ({ label, argv: [bin, ...argv], target, okStatus });
const QUERIES = [
  ['services podiatre', ['services', 'podiatre'], [0]],
  ['who SELAT', ['who', 'SELAT'], [0]],
  ['can podiatre SELAT', ['can', 'podiatre', 'SELAT'], [1]],
  ['show selat', ['show', 'selat'], [0]],
  ['list services', ['list', 'services'], [0]],
  ['search aide', ['search', 'aide'], [0]],
  ['matrix', ['matrix'], [0]],
];
const QUERY_FORMATS = ['table', 'json', 'csv', 'markdown'];
rows.push({
  section: 'Embedded catalogue, every query command and format, against `node -e 0`',
  results: measure('embedded catalogue', [
    { label: 'node -e 0', argv: ['-e', '0'], okStatus: [0] },
    ...QUERIES.flatMap(([label, argv, ok]) => QUERY_FORMATS.map((f) => q(`${label} --format ${f}`, [...argv, '--format', f], 1.25, ok))),
    q('validate', ['validate'], 1.4),
  ]),
});

// 2. Another catalogue (a copy of the embedded one, one line changed) given with --catalog: a hit of the cache of
// prepared catalogues, a miss (the first run on that text: validated in full, then stored) and --no-cache.
const copy = path.join(tmp, 'copy.yaml');
fs.writeFileSync(copy, fs.readFileSync(path.join(root, 'catalog.yaml'), 'utf8').replace('name_en: Podiatrist\n', 'name_en: Podiatrist (copy)\n'));
const question = ['--catalog', copy, 'services', 'podiatre', '--json'];
rows.push({
  section: 'A catalogue given with `--catalog FILE` (a copy of the embedded one), against `node -e 0`',
  results: measure('--catalog FILE', [
    { label: 'node -e 0', argv: ['-e', '0'], okStatus: [0] },
    q('--catalog FILE services podiatre --json (cache hit)', question, 1.4),
    { ...q('--catalog FILE services podiatre --json (cache miss: first run)', question), before: () => fs.rmSync(cacheHome, { recursive: true, force: true }) },
    q('--catalog FILE services podiatre --json --no-cache', [...question, '--no-cache']),
  ]),
});

// 3. Synthetic catalogues 1x, 10x, 100x against a bare YAML parse of the same file (validated in full: --no-cache).
const sizes = queriesOnly ? [] : quick ? [1, 10] : [1, 10, 100];
const growth = [];
for (const scale of sizes) {
  const file = path.join(tmp, `catalog-${scale}x.yaml`);
  fs.writeFileSync(file, generateCatalog(scale));
  const kb = Math.round(fs.statSync(file).size / 1024);
  const results = measure(`${scale}x catalogue`, [
    {
      label: `bare parse (${kb} KB)`,
      argv: ['-e', `require(${JSON.stringify(require.resolve('yaml'))}).parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`],
      okStatus: [0],
    },
    { label: `validate FILE`, argv: [bin, 'validate', file], okStatus: [0], target: scale === 100 ? 1.5 : undefined },
    {
      label: `who selat-0 --catalog FILE --no-cache`,
      argv: [bin, '--catalog', file, 'who', 'selat-0', '--json', '--no-cache'],
      okStatus: [0],
      target: scale === 100 ? 1.5 : undefined,
    },
  ]);
  growth.push({ scale, results });
  rows.push({ section: `${scale}x catalogue (${kb} KB), against a bare parse of the same file`, results });
}

let batch = null;
let perSecond = NaN;
let pairs = [];
const questions = 100_000;
if (!queriesOnly) {
  // 4. Batch answers: 100,000 `can` questions cycling over every clientele x service pair.
  const catalog = JSON.parse(spawnSync(process.execPath, [bin, 'matrix', '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout);
  pairs = [];
  for (const row of catalog.rows) for (const s of catalog.services) pairs.push(`${row.clientele.id}\t${s.id}`);
  const batchFile = path.join(tmp, 'questions.tsv');
  fs.writeFileSync(batchFile, Array.from({ length: questions }, (_, i) => pairs[i % pairs.length]).join('\n') + '\n');
  batch = measure('batch', [
    { label: 'node -e 0', argv: ['-e', '0'], okStatus: [0] },
    { label: `can --batch (${questions} questions)`, argv: [bin, 'can', '--batch'], stdin: batchFile, okStatus: [0] },
  ]);
  perSecond = questions / (batch[1].ms / 1000);
  rows.push({ section: 'Batch mode', results: batch });
}

// Report.
const fmt = (n, d = 1) => n.toFixed(d);
const lines = [];
lines.push('# Benchmarks', '');
lines.push(
  `Produced by \`npm run bench\` (scripts/bench.js) on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}.`,
);
lines.push(
  `Every case ran ${runs} times after ${warmup} warm-up run(s), round-robin with its baseline; figures are medians of whole-process wall time with stdout read through a pipe (as a script reads it), ratios are to the baseline of the same rounds, RSS is the median peak resident set.`,
  '',
);
for (const r of rows) {
  lines.push(`## ${r.section}`, '', '| command | median ms | ratio | target | peak RSS MB |', '| --- | ---: | ---: | --- | ---: |');
  for (const x of r.results) lines.push(`| \`${x.label}\` | ${fmt(x.ms)} | ${fmt(x.ratio, 2)} | ${verdict(x)} | ${fmt(x.rssMB)} |`);
  lines.push('');
}
if (growth.length > 0)
  lines.push(
    '## Growth from 1x to 100x',
    '',
    '| case | ' + growth.map((g) => `${g.scale}x ms`).join(' | ') + ' | ms per 1x unit at the largest size |',
    '| --- | ' + growth.map(() => '---:').join(' | ') + ' | ---: |',
  );
for (let i = 0; i < (growth.length > 0 ? 3 : 0); i++) {
  const label = growth[0].results[i].label.replace(/ \(.*\)$/, '');
  const last = growth[growth.length - 1];
  lines.push(`| \`${label}\` | ${growth.map((g) => fmt(g.results[i].ms)).join(' | ')} | ${fmt(last.results[i].ms / last.scale, 2)} |`);
}
lines.push('');
if (batch !== null)
  lines.push(
    `## Batch throughput`,
    '',
    `\`can --batch\` answered ${questions} questions in ${fmt(batch[1].ms)} ms including start-up: **${Math.round(perSecond).toLocaleString('en')} answers per second** (target ≥ 100,000 ✓ when met: ${perSecond >= 100000 ? 'met' : 'missed'}). The questions cycle over all ${pairs.length} clientele × service pairs by id.`,
    '',
  );
const memory = rows[0].results.slice(1).map((x) => x.rssMB);
lines.push(
  `## Memory`,
  '',
  `Peak RSS of a query on the embedded catalogue: at most ${fmt(Math.max(...memory))} MB (target < 80 MB: ${Math.max(...memory) < 80 ? 'met' : 'missed'}).`,
  '',
);
const report = lines.join('\n');
if (!quick && !queriesOnly) fs.writeFileSync(out, report);
process.stdout.write(report);
