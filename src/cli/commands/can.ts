import { canToJson } from '../../present/present-access';
import { askCan, badQuestion, resolveCan } from '../../query/ask';
import { defineCommand } from '../command';
import { usageError } from '../errors';
import { filterFrom, TIER_OPTION } from './shared';

/** `can CLIENTELE SERVICE`. */
export const canCommand = defineCommand({
  name: 'can',
  args: [
    { name: 'clientele', description: (m) => m.args.clienteleOfCan, kind: 'clientele', required: 'unless-batch', variadic: false },
    { name: 'service', description: (m) => m.args.service, kind: 'service', required: 'unless-batch', variadic: false },
  ],
  options: [TIER_OPTION],
  examples: [
    { line: 'can "hygiéniste dentaire" facturacte' },
    { line: 'can audioprothésiste "messagerie sécurisée" --tier creation', exits: 1 },
    { line: "printf 'podiatre\\tSELAT\\n' | ramq-access can --batch", argv: ['can', '--batch'], stdin: 'podiatre\tSELAT\n' },
  ],
  formats: { default: 'table' },
  outputSchema: 'can_output',
  fromCatalog: true,
  batch: {
    line: (m) => m.batchLines.pair,
    prepare: (ctx, opts) => {
      const index = ctx.catalogIndex();
      const filter = filterFrom(ctx, opts);
      return (line) => {
        const parts = line.split('\t');
        return parts.length === 2 ? resolveCan(index, parts[0]!, parts[1]!, filter) : badQuestion(line, null);
      };
    },
    toJson: canToJson,
  },
  run: (ctx, { args, opts, show }) => {
    const [clientele, service] = args;
    // An empty name ("") is a missing one; the batch's "clientele<TAB>service" wording is for lines.
    if (clientele === undefined || clientele.trim() === '') throw usageError(ctx.m.errors.missingArgument(ctx.m.placeholders.clientele));
    if (service === undefined || service.trim() === '') throw usageError(ctx.m.errors.missingArgument(ctx.m.placeholders.service));
    const result = ctx.answered(askCan(ctx.catalogIndex(), clientele, service, filterFrom(ctx, opts)));
    show(result);
    return { kind: 'can', eligible: result.eligible };
  },
});
