import { presentList, type ListResult, type ListWhat } from '../../present/present-catalog';
import { defineCommand } from '../command';
import type { QuerySpec } from './shared';

const WHAT: readonly ListWhat[] = ['services', 'clienteles', 'categories'];

const spec: QuerySpec<ListResult> = {
  name: 'list',
  args: [{ name: 'what', description: (m) => m.args.listWhat, kind: { choices: WHAT }, required: true, variadic: false }],
  options: [],
  examples: [{ line: 'list services' }, { line: 'list clienteles --format csv' }, { line: 'list categories --json' }],
  formats: { presenters: presentList, default: 'table' },
  outputSchema: 'list_output',
  fromCatalog: true,
  run: (ctx, { args, show }) => {
    show({ catalog: ctx.catalog(), what: args[0] as ListWhat });
    return { kind: 'answered' };
  },
};

/** `list services|clienteles|categories`. */
export const listCommand = defineCommand(spec);
