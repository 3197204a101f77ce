import { resolveAny } from '../../query/ask';
import { showEntity } from '../../query/show-entity';
import { defineCommand } from '../command';
import { nameFrom } from './shared';

/** `show NAME`. */
export const showCommand = defineCommand({
  name: 'show',
  args: [{ name: 'name', description: (m) => m.args.name, kind: 'name', required: true, variadic: true }],
  options: [],
  examples: [{ line: 'show SELAT' }, { line: 'show IPS --lang en' }, { line: 'show identification-medecin-famille --json' }],
  formats: { default: 'table' },
  outputSchema: 'show_output',
  fromCatalog: true,
  run: (ctx, { args, show }) => {
    const name = nameFrom(ctx, args[0], 'name');
    const index = ctx.catalogIndex();
    const named = ctx.answered(resolveAny(index, name, ['service', 'clientele', 'category']));
    show(showEntity(index, named.found, named.condition));
    return { kind: 'answered' };
  },
});
