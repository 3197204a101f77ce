import { makePalette } from '../../present/options';
import { problemsPresenter } from '../../present/problems-on-demand';
import { defineCommand } from '../command';
import { isNotFound } from '../context';
import { describeWriteRefusal } from '../errors';
import { testHoldMs } from '../test-hold';

/* eslint-disable @typescript-eslint/no-require-imports */
// YAML and jsdiff load only when fmt runs.
const formatting = (): typeof import('../../catalog/format-catalog') =>
  require('../../catalog/format-catalog') as typeof import('../../catalog/format-catalog');
const patching = (): typeof import('../../present/present-format') => require('../../present/present-format') as typeof import('../../present/present-format');
const writing = (): typeof import('../../catalog/write-catalog') => require('../../catalog/write-catalog') as typeof import('../../catalog/write-catalog');
/* eslint-enable @typescript-eslint/no-require-imports */

/** `fmt [FILE...]`. */
export const fmtCommand = defineCommand({
  name: 'fmt',
  args: [{ name: 'files', description: (m) => m.args.files, kind: 'file', required: false, variadic: true }],
  options: [{ long: 'check', description: (m) => m.options.check }],
  readsCatalog: 'without-files',
  examples: [
    { line: 'fmt --check messy.yaml', exits: 1 },
    { line: 'fmt messy.yaml', rewrites: 'messy.yaml' },
    { line: 'fmt - < messy.yaml > catalog.yaml', argv: ['fmt', '-'], stdinFile: 'catalog.yaml' },
  ],
  run: (ctx, { args, opts }) => {
    const palette = makePalette(false);
    const files = args[0];
    const targets = files.length > 0 ? files : [ctx.catalogPath()];
    const check = opts.check;
    // Rewriting the installed package's catalogue would be undone by the next upgrade: a catalogue to write must be named.
    if (files.length === 0 && !check && ctx.catalogIsInstalledPackage()) {
      ctx.warn(ctx.m.checkSource.installedCatalog(ctx.shownPath(targets[0]!)));
      return { kind: 'formatted', invalid: 0, missing: 0, ioErrors: 1, unformatted: 0 };
    }
    let invalid = 0;
    let missing = 0;
    let ioErrors = 0;
    let unformatted = 0;
    for (const file of targets) {
      const shown = ctx.shownPath(file);
      const read = ctx.readInput(file, ctx.m.stdinPurposes.format);
      if (!read.ok) {
        ctx.io.stderr(`${problemsPresenter().problemLines(read.problem, palette, ctx.m, ctx.errWidth).join('\n')}\n`);
        // A file that cannot be decoded (too large, binary, not UTF-8) is not a valid catalogue; the system refusing the read is an I/O error.
        if (read.errno === undefined) invalid++;
        else if (isNotFound(read.errno)) missing++;
        else ioErrors++;
        continue;
      }
      const result = formatting().formatCatalogText(read.text, shown);
      if (!result.ok) {
        for (const p of result.problems) ctx.io.stderr(`${problemsPresenter().problemLines(p, palette, ctx.m, ctx.errWidth).join('\n')}\n`);
        ctx.warn(ctx.m.errors.leftUntouched(shown));
        invalid++;
        continue;
      }
      if (file === '-') {
        if (!check) ctx.emit(result.text);
        else if (result.changed) {
          ctx.emit(patching().formatPatch(shown, read.text, result.text, ctx.m, undefined, ctx.outLineWidth));
          unformatted++;
        }
        continue;
      }
      if (!result.changed) continue;
      if (check) {
        ctx.emit(patching().formatPatch(file, read.text, result.text, ctx.m, undefined, ctx.outLineWidth));
        ctx.warn(ctx.m.errors.notCanonical(file));
        unformatted++;
        continue;
      }
      const written = writing().writeCatalogFile(file, result.text, { expected: read.text, holdMs: testHoldMs(ctx) });
      if (written.ok) ctx.warn(ctx.m.errors.formatted(file));
      else {
        ctx.warn(ctx.m.errors.cannotWriteFile(file, describeWriteRefusal(written.refusal, ctx.m)));
        ioErrors++;
      }
    }
    return { kind: 'formatted', invalid, missing, ioErrors, unformatted };
  },
});
