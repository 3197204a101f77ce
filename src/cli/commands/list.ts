import type { ListWhat } from '../../present/present-catalog';
import { defineCommand } from '../command';

const WHAT = ['services', 'clienteles', 'categories'] as const satisfies readonly ListWhat[];

/** `list services|clienteles|categories`. */
export const listCommand = defineCommand({
  name: 'list',
  args: [{ name: 'what', description: (m) => m.args.listWhat, kind: { choices: WHAT }, required: true, variadic: false }],
  options: [],
  examples: [{ line: 'list services' }, { line: 'list clienteles --format csv' }, { line: 'list categories --json' }],
  formats: { default: 'table' },
  outputSchema: 'list_output',
  fromCatalog: true,
  run: (ctx, { args, show }) => {
    show({ catalog: ctx.catalog(), what: args[0] });
    return { kind: 'answered' };
  },
});
