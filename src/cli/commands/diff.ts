import { catalogFromText } from '../../catalog/load-catalog';
import { completeProblem, type Problem } from '../../catalog/problem';
import { makePalette } from '../../present/options';
import { problemsPresenter } from '../../present/problems-on-demand';
import { defineCommand } from '../command';
import { isNotFound, type Context } from '../context';
import { UserError } from '../errors';
import type { Catalog } from '../../catalog/model';

/* eslint-disable @typescript-eslint/no-require-imports */
// Loaded when diff runs: a query never pays for it.
const diffing = (): typeof import('../../query/diff-catalogs') => require('../../query/diff-catalogs') as typeof import('../../query/diff-catalogs');
/* eslint-enable @typescript-eslint/no-require-imports */

type Side =
  { readonly file: string; readonly catalog: Catalog } | { readonly file: string; readonly problems: readonly Problem[]; readonly errno?: string | undefined };

function readSide(ctx: Context, file: string, purpose: string): Side {
  const shown = ctx.shownPath(file);
  const read = ctx.readInput(file, purpose);
  if (!read.ok) return { file: shown, problems: [completeProblem(read.problem)], errno: read.errno };
  // The embedded catalogue, unchanged, is its prepared form (checked at build time); any other text is validated in full.
  const result = catalogFromText(read.text, shown);
  return result.ok ? { file: shown, catalog: result.catalog } : { file: shown, problems: result.problems };
}

/** `diff OLD NEW`. */
export const diffCommand = defineCommand({
  name: 'diff',
  args: [
    { name: 'old', description: (m) => m.args.old, kind: 'file', required: true, variadic: false },
    { name: 'new', description: (m) => m.args.new, kind: 'file', required: true, variadic: false },
  ],
  options: [],
  examples: [
    { line: 'diff old.yaml catalog.yaml', exits: 1 },
    { line: 'git show HEAD:catalog.yaml | ramq-access diff - catalog.yaml', argv: ['diff', '-', 'catalog.yaml'], stdinFile: 'catalog.yaml' },
    { line: 'diff old.yaml catalog.yaml --format markdown', exits: 1 },
  ],
  formats: { default: 'table' },
  outputSchema: 'diff_output',
  run: (ctx, { args, show }) => {
    const before = readSide(ctx, args[0], ctx.m.stdinPurposes.diffOld);
    const after = readSide(ctx, args[1], ctx.m.stdinPurposes.diffNew);
    if (!('catalog' in before) || !('catalog' in after)) {
      const failed = [before, after].filter((s): s is Extract<Side, { problems: readonly Problem[] }> => !('catalog' in s));
      const palette = makePalette(false);
      const problems = failed.flatMap((s) => s.problems);
      const lines = [ctx.m.errors.cannotCompare, ...problems.map((p) => problemsPresenter().problemLine(p, palette, ctx.m))];
      const io = failed.some((s) => s.errno !== undefined && !isNotFound(s.errno));
      const missing = failed.some((s) => isNotFound(s.errno));
      throw new UserError(
        lines,
        { kind: io ? 'io-error' : missing ? 'usage-error' : 'catalog-error' },
        { input: failed.length === 1 ? failed[0]!.file : '', problems },
        problems,
      );
    }
    const { diffCatalogs, diffNames, isEmptyDiff } = diffing();
    const diff = diffCatalogs(before.catalog, after.catalog);
    show({ diff, before: before.file, after: after.file, names: diffNames(before.catalog, after.catalog) });
    return { kind: 'diffed', changed: !isEmptyDiff(diff) };
  },
});
