import { presentShow } from '../../present/present-catalog';
import { resolveName } from '../../query/resolve-name';
import { showEntity, type ShowResult } from '../../query/show-entity';
import { defineCommand } from '../command';
import { UserError } from '../errors';
import { describeQuestionError } from '../../present/present-question-error';
import { nameFrom, type QuerySpec } from './shared';

const spec: QuerySpec<ShowResult> = {
  name: 'show',
  args: [{ name: 'name', description: (m) => m.args.name, kind: 'name', required: true, variadic: true }],
  options: [],
  examples: [{ line: 'show SELAT' }, { line: 'show IPS --lang en' }, { line: 'show identification-medecin-famille --json' }],
  formats: { presenters: presentShow, default: 'table' },
  outputSchema: 'show_output',
  run: (ctx, { args, show }) => {
    const name = nameFrom(ctx, args[0], 'name');
    const index = ctx.catalogIndex();
    const r = resolveName(index, name, ['service', 'clientele', 'category']);
    if (!r.ok) {
      const error = {
        code: r.reason === 'ambiguous' ? ('AMBIGUOUS_NAME' as const) : ('UNKNOWN_NAME' as const),
        expected: null,
        input: name,
        suggestions: r.suggestions,
      };
      throw new UserError(describeQuestionError(error, ctx.lang), { kind: 'name-error' });
    }
    show(showEntity(index, r.found));
    return { kind: 'answered' };
  },
};

/** `show NAME`. */
export const showCommand = defineCommand(spec);
