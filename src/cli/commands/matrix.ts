import { buildMatrix, matrixCellCount } from '../../query/build-matrix';
import { defineCommand } from '../command';
import { usageError } from '../errors';
import { CATEGORY_OPTION, filterFrom } from './shared';

/** `matrix`. */
export const matrixCommand = defineCommand({
  name: 'matrix',
  args: [],
  options: [CATEGORY_OPTION],
  examples: [{ line: 'matrix' }, { line: 'matrix --category medicaments' }, { line: 'matrix --format csv > matrix.csv', argv: ['matrix', '--format', 'csv'] }],
  formats: { default: 'table' },
  outputSchema: 'matrix_output',
  fromCatalog: true,
  run: (ctx, { opts, format, show }) => {
    const index = ctx.catalogIndex();
    const { category } = filterFrom(ctx, opts);
    // A table, CSV or markdown shows every cell: past a million, no one reads it and it costs minutes; JSON lists only the access that exists.
    const cells = matrixCellCount(index, category);
    if (format !== 'json' && cells > MAX_DENSE_CELLS) throw usageError(ctx.m.errors.matrixTooLarge(cells, MAX_DENSE_CELLS));
    show(buildMatrix(index, category));
    return { kind: 'answered' };
  },
});

/** The most cells `matrix` writes in a format that shows every one of them (table, CSV, markdown); the shipped catalogue has 782. */
export const MAX_DENSE_CELLS = 1_000_000;
