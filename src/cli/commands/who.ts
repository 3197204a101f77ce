import { presentWho, whoToJson } from '../../present/present-access';
import type { WhoResult } from '../../query/access';
import { askWho } from '../../query/ask';
import { defineCommand } from '../command';
import { filterFrom, nameFrom, TIER_OPTION, type QuerySpec } from './shared';

const spec: QuerySpec<WhoResult> = {
  name: 'who',
  summary: 'every clientele the catalogue names for a service, by tier, with conditions',
  args: [{ name: 'service', description: 'a service, by name, abbreviation or id (SELAT, FacturActe, ...)', kind: 'service', required: true, variadic: true }],
  options: [TIER_OPTION, { flags: '--expand', description: 'also list the clienteles that inherit a grant from a parent clientele' }],
  examples: [
    { line: 'who SELAT --tier request' },
    { line: 'who messagerie-securisee --expand' },
    { line: 'who PME --json' },
    { line: "printf 'SELAT\\nPME\\n' | ramq-access who --batch --tier request", argv: ['who', '--batch', '--tier', 'request'], stdin: 'SELAT\nPME\n' },
  ],
  formats: { presenters: presentWho, default: 'table' },
  outputSchema: 'who_output',
  batch: {
    line: 'one service',
    prepare: (ctx, opts) => {
      const index = ctx.catalogIndex();
      const filter = filterFrom(ctx, opts);
      return (line) => askWho(index, line, filter);
    },
    toJson: whoToJson,
  },
  run: (ctx, { args, opts, show }) => {
    const name = nameFrom(args[0], 'service');
    show(ctx.answered(askWho(ctx.catalogIndex(), name, filterFrom(ctx, opts))));
    return { kind: 'answered' };
  },
};

/** `who SERVICE`. */
export const whoCommand = defineCommand(spec);
