import { whoToJson } from '../../present/present-access';
import { askWho, resolveWho } from '../../query/ask';
import { defineCommand } from '../command';
import { filterFrom, nameFrom, TIER_OPTION } from './shared';

/** `who SERVICE`. */
export const whoCommand = defineCommand({
  name: 'who',
  args: [{ name: 'service', description: (m) => m.args.serviceOfWho, kind: 'service', required: 'unless-batch', variadic: true }],
  options: [TIER_OPTION, { long: 'expand', description: (m) => m.options.expand }],
  examples: [
    { line: 'who SELAT --tier request' },
    { line: 'who messagerie-securisee --expand' },
    { line: 'who PME --json' },
    { line: "printf 'SELAT\\nPME\\n' | ramq-access who --batch --tier request", argv: ['who', '--batch', '--tier', 'request'], stdin: 'SELAT\nPME\n' },
  ],
  formats: { default: 'table' },
  outputSchema: 'who_output',
  fromCatalog: true,
  batch: {
    line: (m) => m.batchLines.service,
    prepare: (ctx, opts) => {
      const index = ctx.catalogIndex();
      const filter = filterFrom(ctx, opts);
      return (line) => resolveWho(index, line, filter);
    },
    toJson: whoToJson,
  },
  run: (ctx, { args, opts, show }) => {
    const name = nameFrom(ctx, args[0], 'service');
    show(ctx.answered(askWho(ctx.catalogIndex(), name, filterFrom(ctx, opts))));
    return { kind: 'answered' };
  },
});
