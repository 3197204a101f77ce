#!/usr/bin/env node
// npm run bench [-- --runs N] [-- --quick] [-- --queries-only] [-- --batch-only]
// Times whole processes, interleaved with their baseline in every round, and
// reports medians as ratios to the baseline of the same run, with peak RSS;
// writes the table to docs/benchmarks.md. Not a test: nothing here fails a build.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generateCatalog } = require('./generate-catalog');
const { spellingsOf, distinctNames, distinctPairs } = require('./batch-questions');

const root = path.join(__dirname, '..');
const bin = path.join(root, 'bin', 'ramq-access');
const hook = path.join(__dirname, 'rss-hook.js');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
// Only the query commands against node -e 0 (a few minutes less; the report is not written).
const queriesOnly = args.includes('--queries-only');
// Only the batch section, against `node -e 0` and jq (the report is not written).
const batchOnly = args.includes('--batch-only');
const runs = Number(args[args.indexOf('--runs') + 1]) || (quick ? 5 : 20);
const warmup = quick ? 1 : 3;
const out = path.join(root, 'docs', 'benchmarks.md');

if (!fs.existsSync(path.join(root, 'dist', 'cli', 'ramq-access.js'))) {
  process.stderr.write('bench: build first (npm install or npm run build)\n');
  process.exit(2);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ramq-bench-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
// NODE_EXTRA_CA_CERTS makes every Node process read a file of certificates before it starts (some 30 ms of the 50 a bare `node -e 0` takes here):
// it would time that file, not the tool.
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;

/** GNU time, which reports the peak RSS of a program that is not node (jq); without it, that RSS is not known. */
const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** One timed process: argv for node (after the RSS hook), or another program's (`program`), optional stdin file. */
function runOnce(nodeArgs, stdinFile, program, drain) {
  const input = stdinFile ? fs.readFileSync(stdinFile) : undefined;
  const [timed0, argv0] =
    program === undefined
      ? [process.execPath, ['-r', hook, ...nodeArgs]]
      : gnuTime === null
        ? [program, nodeArgs]
        : [gnuTime, ['-f', 'bench-peak-rss-kb %M', program, ...nodeArgs]];
  // A batch writes some 200 MB: collected by spawnSync, that copy took most of the time measured (1.7 s of a job
  // that takes 0.4 s into `cat`). Such a case writes to a pipe that cat drains, ours and jq's alike; the exit
  // status is still the program's (pipefail), and the peak RSS still its own.
  const [command, argv] = drain ? ['bash', ['-c', 'set -o pipefail; "$@" | cat > /dev/null', 'bash', timed0, ...argv0]] : [timed0, argv0];
  const start = process.hrtime.bigint();
  // stdout is a pipe, as when a script reads the answer (the baseline pays for it too)
  const r = spawnSync(command, argv, { input, env, stdio: ['pipe', 'pipe', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  // GNU time says it last on stderr (its -o cannot open the pipe node gives as fd 3: a socket).
  const stderr = String(r.stderr ?? '');
  const timed = /^bench-peak-rss-kb (\d+)\n?$/m.exec(stderr);
  const rss = program === undefined ? Number(String(r.output?.[3] ?? '').trim()) || NaN : timed ? Number(timed[1]) : NaN;
  return { ms, rss, status: r.status, stderr };
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
      const r = runOnce(c.argv, c.stdin, c.program, c.drain);
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
    answers: c.answers,
    jq: c.jq,
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
if (!batchOnly)
  rows.push({
    section: 'Embedded catalogue, every query command and format, against `node -e 0`',
    results: measure('embedded catalogue', [
      { label: 'node -e 0', argv: ['-e', '0'], okStatus: [0] },
      ...QUERIES.flatMap(([label, argv, ok]) => QUERY_FORMATS.map((f) => q(`${label} --format ${f}`, [...argv, '--format', f], 1.2, ok))),
      q('--help', ['--help'], 1.2),
      q('services --help', ['services', '--help'], 1.2),
      q('--version', ['--version'], 1.2),
      q('validate', ['validate'], 1.4),
    ]),
  });

// 2. Another catalogue (a copy of the embedded one, one line changed) given with --catalog: parsed and validated
// in full on every run, against the same question on the embedded (prepared) catalogue.
const copy = path.join(tmp, 'copy.yaml');
fs.writeFileSync(copy, fs.readFileSync(path.join(root, 'catalog.yaml'), 'utf8').replace('name_en: Podiatrist\n', 'name_en: Podiatrist (copy)\n'));
const question = ['--catalog', copy, 'services', 'podiatre', '--json'];
if (!batchOnly)
  rows.push({
    section: 'A catalogue given with `--catalog FILE` (a copy of the embedded one), against `node -e 0`',
    results: measure('--catalog FILE', [
      { label: 'node -e 0', argv: ['-e', '0'], okStatus: [0] },
      q('services podiatre --json (embedded, prepared)', ['services', 'podiatre', '--json']),
      q('--catalog FILE services podiatre --json (validated)', question),
    ]),
  });

// 3. Synthetic catalogues 1x, 10x, 100x against a bare YAML parse of the same file (validated in full, as every --catalog FILE).
const sizes = queriesOnly || batchOnly ? [] : quick ? [1, 10] : [1, 10, 100];
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
      label: `who selat-0 --catalog FILE`,
      argv: [bin, '--catalog', file, 'who', 'selat-0', '--json'],
      okStatus: [0],
      target: scale === 100 ? 1.5 : undefined,
    },
  ]);
  growth.push({ scale, results });
  rows.push({ section: `${scale}x catalogue (${kb} KB), against a bare parse of the same file`, results });
}

/**
 * The same jobs in jq, as a yardstick: `jq -nR` reads the same lines and answers each from the catalogue
 * that `export --json` wrote, through look-up tables built once: every name and id of each entry, in
 * lower case, to its id; and each entry's answer for `services` and `who`. A line is lower-cased
 * (ascii_downcase) and looked up: `can` prints `{clientele, service, eligible, tier}` (the grant of the
 * clientele or of its nearest ancestor that has one), `services` `{clientele, services: [{id, tier}]}`,
 * `who` `{service, access: [{clientele, tier}]}`, and a name not found `{error, input}`. It does less
 * than we do, so that it is a hard yardstick: it folds case only (a line whose accents, spaces, dashes,
 * plural or "Name (ABBR)" differ from a name is not found and gets the short error object), it reads no
 * name by its words, it leaves out conditions, notes and names, and its lines are much shorter (ids and
 * tiers). (Folding accents and spaces in jq, through explode and a table of letters, made it three
 * times slower.)
 */
const JQ_PROGRAM = String.raw`
  $c[0].catalog as $cat
  | def table($entries; names): reduce ($entries[] | . as $e | names | select(. != null) | {key: ascii_downcase, id: $e.id}) as $k ({}; .[$k.key] //= $k.id);
    table($cat.clienteles; .id, .name, .name_en, .forms[], .aliases[], .terms_en[], .abbreviations[]) as $clienteles
  | table($cat.services; .id, .name, .name_en, .abbreviation, .aliases[]) as $services
  | ($cat.clienteles | map({key: .id, value: .parent}) | from_entries) as $parent
  | (reduce ($cat.services[] | . as $s | .grants[] | {s: $s.id, c: .clientele, t: .tier}) as $g ({}; .[$g.s][$g.c] = $g.t)) as $grants
  | def tier($cl; $sv): $grants[$sv][$cl] // (if $parent[$cl] == null then null else tier($parent[$cl]; $sv) end);
    (reduce $cat.clienteles[].id as $cl ({}; .[$cl] = [$cat.services[] | . as $s | tier($cl; $s.id) | select(. != null) | {id: $s.id, tier: .}])) as $servicesOf
  | (reduce $cat.services[] as $s ({}; .[$s.id] = [$s.grants[] | {clientele, tier}])) as $whoOf
  | inputs
  | if $command == "can" then
      split("\t") as [$a, $b] | $clienteles[$a | ascii_downcase] as $cl | $services[($b // "") | ascii_downcase] as $sv
      | if $cl == null or $sv == null then {error: "UNKNOWN_NAME", input: .}
        else tier($cl; $sv) as $t | {clientele: $cl, service: $sv, eligible: ($t != null), tier: $t} end
    elif $command == "services" then
      $clienteles[ascii_downcase] as $cl
      | if $cl == null then {error: "UNKNOWN_NAME", input: .} else {clientele: $cl, services: $servicesOf[$cl]} end
    else
      $services[ascii_downcase] as $sv
      | if $sv == null then {error: "UNKNOWN_NAME", input: .} else {service: $sv, access: $whoOf[$sv]} end
    end
`;

let batch = null;
const questions = 100_000;
let pairs = [];
if (!queriesOnly) {
  // 3. Batch answers, each job against `node -e 0` and against the same job in jq (JQ_PROGRAM): 100,000
  // `can` questions cycling over every clientele x service pair by id (a repeated line is answered from
  // the cache of lines), then 100,000 distinct spellings of known names for can, services and who.
  const exported = spawnSync(process.execPath, [bin, 'export', '--json'], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
  const catalogFile = path.join(tmp, 'catalog.json');
  fs.writeFileSync(catalogFile, exported);
  const { catalog } = JSON.parse(exported);
  pairs = [];
  for (const c of catalog.clienteles) for (const s of catalog.services) pairs.push(`${c.id}\t${s.id}`);
  // Names read by their words (read_as is then not empty); kept only when they answer, as every line below.
  const byWords = {
    clientele: [
      'infirmière avec droit de prescrire',
      'pharmacien(ne)',
      'centre de réadaptation en déficience physique',
      'rehabilitation centre for the hearing impaired',
    ],
    service: ['messagerie', 'aide médicale à mourir', 'transfert de fichiers', 'Gestion des consultations', 'Rechercher une personne assurée'],
  };
  /** The lines among these that `command --batch` answers without an error object. */
  const answering = (command, lines) => {
    const out = spawnSync(process.execPath, [bin, command, '--batch'], { input: lines.map((l) => `${l}\n`).join(''), encoding: 'utf8', maxBuffer: 1 << 30 });
    const answers = out.stdout.split('\n');
    return lines.filter((_, i) => answers[i] !== undefined && !answers[i].startsWith(`{"command":"${command}","error":`));
  };
  const bases = spellingsOf(catalog, byWords);
  const kept = (command, list) => {
    const good = new Set(
      answering(
        command,
        list.map((b) => b.name),
      ),
    );
    return list.filter((b) => good.has(b.name));
  };
  const clienteles = kept('services', bases.clientele);
  const services = kept('who', bases.service);
  const jobs = [
    { command: 'can', what: 'repeated questions by id', lines: Array.from({ length: questions }, (_, i) => pairs[i % pairs.length]) },
    { command: 'can', what: 'distinct spellings', lines: distinctPairs(clienteles, services, questions, 1) },
    { command: 'services', what: 'distinct spellings', lines: distinctNames(clienteles, questions, 2) },
    { command: 'who', what: 'distinct spellings', lines: distinctNames(services, questions, 3) },
  ];
  const cases = [{ label: 'node -e 0', argv: ['-e', '0'], okStatus: [0] }];
  jobs.forEach((job, i) => {
    // Every line must answer: a line that got an error object would time the error path, not the answer.
    const good = answering(job.command, job.lines);
    if (good.length !== job.lines.length) {
      const answered = new Set(good);
      const bad = job.lines.filter((l) => !answered.has(l));
      throw new Error(`${job.command} ${job.what}: ${bad.length} lines do not answer, such as ${JSON.stringify(bad.slice(0, 3))}`);
    }
    const file = path.join(tmp, `batch-${i}.txt`);
    fs.writeFileSync(file, job.lines.map((l) => `${l}\n`).join(''));
    const label = `${job.command} --batch (${questions} ${job.what})`;
    cases.push({ label, argv: [bin, job.command, '--batch'], stdin: file, okStatus: [0], answers: questions, jq: `jq: ${label}`, drain: true });
    cases.push({
      label: `jq: ${label}`,
      program: 'jq',
      argv: ['-ncR', '--arg', 'command', job.command, '--slurpfile', 'c', catalogFile, JQ_PROGRAM],
      stdin: file,
      okStatus: [0],
      answers: questions,
      drain: true,
    });
  });
  batch = measure('batch', cases);
  rows.push({ section: 'Batch mode, against `node -e 0` and against the same job in jq', results: batch, batch: true });
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
  if (r.batch) {
    // Each job against `node -e 0` (the start-up it pays) and against the same job in jq (what it costs elsewhere).
    const byLabel = new Map(r.results.map((x) => [x.label, x]));
    lines.push(
      `## ${r.section}`,
      '',
      '| command | median ms | ratio to `node -e 0` | ratio to jq | target | answers per second | peak RSS MB |',
      '| --- | ---: | ---: | ---: | --- | ---: | ---: |',
    );
    for (const x of r.results) {
      const jq = x.jq === undefined ? undefined : byLabel.get(x.jq);
      const vsJq = jq === undefined ? NaN : x.ms / jq.ms;
      const target = jq === undefined ? '' : vsJq <= 1 ? '≤ jq ✓' : `≤ jq ✗ (missed by ${((vsJq - 1) * 100).toFixed(0)} %)`;
      const perSecond = x.answers === undefined ? '' : Math.round(x.answers / (x.ms / 1000)).toLocaleString('en');
      lines.push(
        `| \`${x.label}\` | ${fmt(x.ms)} | ${fmt(x.ratio, 2)} | ${Number.isNaN(vsJq) ? '' : fmt(vsJq, 2)} | ${target} | ${perSecond} | ${fmt(x.rssMB)} |`,
      );
    }
    lines.push('');
    continue;
  }
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
if (batch !== null) {
  const repeated = batch[1];
  const perSecond = questions / (repeated.ms / 1000);
  lines.push(
    `## Batch throughput`,
    '',
    `\`can --batch\` answered ${questions} repeated questions in ${fmt(repeated.ms)} ms including start-up: **${Math.round(perSecond).toLocaleString('en')} answers per second** (target ≥ 100,000: ${perSecond >= 100000 ? 'met ✓' : 'missed ✗'}). The questions cycle over all ${pairs.length} clientele × service pairs by id. The distinct spellings (scripts/batch-questions.js) are each a name of the catalogue respelt as people type it (case, accents dropped or added, spaces, dashes, apostrophes, a final question mark, plurals, forms, aliases, ids, abbreviations, a few names read by their words), every line different and every line answered without an error object (checked before timing). Batch output (some 200 MB for our lines, much less for jq's) goes to a pipe that \`cat\` drains, for both.`,
    '',
  );
}
if (!batchOnly) {
  const memory = rows[0].results.slice(1).map((x) => x.rssMB);
  lines.push(
    `## Memory`,
    '',
    `Peak RSS of a query on the embedded catalogue: at most ${fmt(Math.max(...memory))} MB (target < 80 MB: ${Math.max(...memory) < 80 ? 'met' : 'missed'}).`,
    '',
  );
}
const report = lines.join('\n');
// What was measured by hand (after this line in docs/benchmarks.md: the figures of one change, with the commands
// that measure them) is not the bench's to rewrite: it is kept after the new report.
const BY_HAND = '<!-- measured by hand: npm run bench keeps what follows -->';
const previous = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
const byHand = previous.indexOf(BY_HAND);
if (!quick && !queriesOnly && !batchOnly) fs.writeFileSync(out, byHand === -1 ? report : `${report}\n${previous.slice(byHand)}`);
process.stdout.write(report);
