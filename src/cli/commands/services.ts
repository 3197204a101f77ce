import { servicesToJson } from '../../present/present-access';
import { askServices, resolveServices } from '../../query/ask';
import { defineCommand } from '../command';
import { CATEGORY_OPTION, filterFrom, nameFrom, TIER_OPTION } from './shared';

/** `services CLIENTELE`. */
export const servicesCommand = defineCommand({
  name: 'services',
  args: [{ name: 'clientele', description: (m) => m.args.clientele, kind: 'clientele', required: 'unless-batch', variadic: true }],
  options: [TIER_OPTION, CATEGORY_OPTION, { long: 'own', description: (m) => m.options.own }],
  examples: [
    { line: 'services podiatrist' },
    { line: 'services "infirmière praticienne spécialisée" --tier creation' },
    { line: 'services IPSPL --own --json' },
    {
      line: "printf 'podiatre\\nIPSPL\\n' | ramq-access services --batch --category medicaments",
      argv: ['services', '--batch', '--category', 'medicaments'],
      stdin: 'podiatre\nIPSPL\n',
    },
  ],
  formats: { default: 'table' },
  outputSchema: 'services_output',
  fromCatalog: true,
  batch: {
    line: (m) => m.batchLines.clientele,
    prepare: (ctx, opts) => {
      const index = ctx.catalogIndex();
      const filter = filterFrom(ctx, opts);
      return (line) => resolveServices(index, line, filter);
    },
    toJson: servicesToJson,
  },
  run: (ctx, { args, opts, show }) => {
    const name = nameFrom(ctx, args[0], 'clientele');
    show(ctx.answered(askServices(ctx.catalogIndex(), name, filterFrom(ctx, opts))));
    return { kind: 'answered' };
  },
});
