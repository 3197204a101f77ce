import { presentMatrix } from '../../present/present-catalog';
import { buildMatrix, type MatrixResult } from '../../query/build-matrix';
import { defineCommand } from '../command';
import { CATEGORY_OPTION, filterFrom, type QuerySpec } from './shared';

const spec: QuerySpec<MatrixResult> = {
  name: 'matrix',
  args: [],
  options: [CATEGORY_OPTION],
  examples: [{ line: 'matrix' }, { line: 'matrix --category medicaments' }, { line: 'matrix --format csv > matrix.csv', argv: ['matrix', '--format', 'csv'] }],
  formats: { presenters: presentMatrix, default: 'table' },
  outputSchema: 'matrix_output',
  fromCatalog: true,
  run: (ctx, { opts, show }) => {
    show(buildMatrix(ctx.catalogIndex(), filterFrom(ctx, opts).category));
    return { kind: 'answered' };
  },
};

/** `matrix`. */
export const matrixCommand = defineCommand(spec);
