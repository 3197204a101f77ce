#!/usr/bin/env node
// Build step: bundles the CLI into one file (dist/cli/ramq-access.js), which
// bin/ramq-access loads; one file to read and compile starts faster than a
// hundred modules. YAML, ajv, jsdiff, parse5, css-select and unhomoglyph's confusables table stay external: only
// validation, fmt, diff and check-source load them, on demand.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');
const { PLAIN_WIDTH_SOURCE } = require('./plain-width');

const root = path.join(__dirname, '..');

// commander requires child_process at load time for executable subcommands, which this CLI
// never uses; loading it (and net, which it pulls in) was a tenth of a query's start-up.
// The shim loads the real module on first use only.
function lazyBuiltins(names) {
  return {
    name: 'lazy-builtins',
    setup(build) {
      const filter = new RegExp(`^(${names.map((n) => n.replace(/[:]/g, '\\$&')).join('|')})$`);
      build.onResolve({ filter }, (args) => (args.namespace === 'lazy-builtin' ? undefined : { path: args.path, namespace: 'lazy-builtin' }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
        contents: `let real; const load = () => (real ??= require(${JSON.stringify(args.path)}));
module.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load(), ownKeys: () => Reflect.ownKeys(load()), getOwnPropertyDescriptor: (_, key) => Object.getOwnPropertyDescriptor(load(), key) });`,
        loader: 'js',
      }));
    },
  };
}
// string-width (through cli-table3) builds emoji-regex's huge RegExp anew for every cell it
// measures, and runs it on every string; one table cost a tenth of a query's start-up in
// regex work. The shim answers string-width's only use, replace(), by first asking a tiny
// character class that every emoji match contains (checked over the whole BMP, with keycap
// and variation-selector tails, and every astral emoji holds a surrogate from D83C to D83E);
// only text that passes meets the real RegExp, built once. Behaviour is unchanged.
function reuseEmojiRegex() {
  return {
    name: 'reuse-emoji-regex',
    setup(build) {
      build.onLoad({ filter: /[\\/]emoji-regex[\\/]index\.js$/ }, async (args) => {
        const original = await require('node:fs/promises').readFile(args.path, 'utf8');
        return {
          contents: `const make = (() => { const module = { exports: {} }; (function (module, exports) { ${original}\n})(module, module.exports); return module.exports; })();
const maybeEmoji = /[\\u00a9\\u00ae\\u2000-\\u3300\\ud83c-\\ud83e\\ufe0f\\u200d]/;
let real;
const shared = {
  [Symbol.replace](text, replacement) {
    if (!maybeEmoji.test(text)) return text;
    real ??= make();
    real.lastIndex = 0;
    return text.replace(real, replacement);
  },
};
module.exports = function emojiRegex() { return shared; };`,
          loader: 'js',
        };
      });
    },
  };
}

// cli-table3 measures every cell with string-width, often several times, and each call
// strips ANSI codes with a RegExp that ansi-regex builds anew; on a 25-row table that was
// most of the table's cost. For text made only of the characters of scripts/plain-width.js,
// string-width's answer is the string's length; the shim answers those at once and hands
// everything else to the real function, so that behaviour is unchanged.
function fastStringWidth() {
  return {
    name: 'fast-string-width',
    setup(build) {
      build.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) => {
        const original = await require('node:fs/promises').readFile(args.path, 'utf8');
        return {
          contents: `const real = (() => { const module = { exports: {} }; (function (module, exports) { ${original}\n})(module, module.exports); return module.exports; })();
const plain = new RegExp(${JSON.stringify(PLAIN_WIDTH_SOURCE)});
const stringWidth = (string) => (typeof string === 'string' && plain.test(string) ? string.length : real(string));
module.exports = stringWidth;
module.exports.default = stringWidth;`,
          loader: 'js',
          resolveDir: require('node:path').dirname(args.path),
        };
      });
    },
  };
}

// cli-table3 draws each line of each cell after working out, for a debug message shown only when its debugging is
// on (never, here), the cell's whole text cut to ten columns: a width measure of the whole text, then a cut made one
// character at a time, measuring again after each. On a listing that was most of drawing the table. The shim leaves
// that text empty; the line drawn is unchanged. A cli-table3 whose cell.js no longer has the line fails the build.
function noDebugTruncation() {
  const line = 'let content = utils.truncate(this.content, 10, this.truncate);';
  return {
    name: 'no-debug-truncation',
    setup(build) {
      build.onLoad({ filter: /[\\/]cli-table3[\\/]src[\\/]cell\.js$/ }, async (args) => {
        const original = await require('node:fs/promises').readFile(args.path, 'utf8');
        if (!original.includes(line)) throw new Error(`cli-table3's cell.js no longer has "${line}": review the no-debug-truncation shim`);
        return {
          contents: original.replace(line, "let content = ''; // only a debug message, never shown, used it"),
          loader: 'js',
          resolveDir: require('node:path').dirname(args.path),
        };
      });
    },
  };
}

// The schema's precompiled validator (a sixth of the bundle's size) runs only when a catalogue is validated: it
// stays the file the build wrote beside validate-catalog.js (dist/catalog/, the same depth as dist/cli/), loaded then.
function validatorApart() {
  return {
    name: 'validator-apart',
    setup(build) {
      build.onResolve({ filter: /^\.\/catalog-validator$/ }, () => ({ path: '../catalog/catalog-validator.js', external: true }));
    },
  };
}

esbuild
  .build({
    entryPoints: [path.join(root, 'dist', 'cli', 'main.js')],
    outfile: path.join(root, 'dist', 'cli', 'ramq-access.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: !process.env.NO_MINIFY, // NO_MINIFY=1 npm run build: a readable bundle, for profiling
    keepNames: true,
    legalComments: 'none',
    external: ['yaml', 'ajv', 'diff', 'parse5', 'css-select', 'unhomoglyph'],
    logLevel: 'warning',
    plugins: [lazyBuiltins(['child_process', 'node:child_process']), reuseEmojiRegex(), fastStringWidth(), noDebugTruncation(), validatorApart()],
  })
  .then(() => {
    // Only ASCII: a source with one character past it is held by V8 as two bytes a character, which made reading
    // and compiling the bundle a few milliseconds slower on every run. The few left (in regular expressions and
    // strings) are written as \\u escapes, which mean the same there; a raw template literal would not, so one fails the build.
    const outfile = path.join(root, 'dist', 'cli', 'ramq-access.js');
    const bundled = fs.readFileSync(outfile, 'utf8');
    if (/String\.raw`[^`]*[\u0080-\uffff]/.test(bundled)) throw new Error('a String.raw template holds a character past ASCII: it cannot be escaped');
    if (/\\[\u0080-\uffff]/.test(bundled)) throw new Error('a character past ASCII follows a backslash: escaping it would change its meaning');
    fs.writeFileSync(
      outfile,
      bundled.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    );
    // V8's code cache for the bundle, made in a fresh process by the Node that will run it.
    const { spawnSync } = require('node:child_process');
    const questions = [
      ['services', 'podiatre', '--json'],
      ['services', 'podiatre'],
      ['who', 'SELAT', '--json'],
      ['who', 'SELAT'],
      ['can', 'podiatre', 'SELAT'],
      ['show', 'selat'],
      ['list', 'services'],
      ['search', 'aide', '--json'],
      ['matrix', '--format', 'csv'],
      ['--version'],
    ];
    const code = `const { writeCodeCache } = require(${JSON.stringify(path.join(root, 'dist', 'cli', 'start.js'))}); writeCodeCache(${JSON.stringify(questions)}).catch((e) => { console.error(e); process.exitCode = 1; });`;
    const r = spawnSync(process.execPath, ['-e', code], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('could not write the code cache');
  })
  .catch((error) => {
    process.stderr.write(`bundle: ${error.message}\n`);
    process.exitCode = 1;
  });
