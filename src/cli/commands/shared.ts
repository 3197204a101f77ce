import { TIERS, type Tier } from '../../catalog/model';
import type { QueryFormat } from '../../present/formats';
import { resolveOne, type QueryFilter } from '../../query/ask';
import type { CommandSpec, Options, OptionSpec } from '../command';
import type { Context } from '../context';
import { usageError } from '../errors';

/** `--tier`: the same in services, who, can and their batch modes. */
export const TIER_OPTION: OptionSpec = { flags: '--tier <tier>', description: (m) => m.options.tier, value: { choices: TIERS } };

/** `--category`: a category by id or name, resolved once per run. */
export const CATEGORY_OPTION: OptionSpec = { flags: '--category <category>', description: (m) => m.options.category, value: 'category' };

/**
 * The category `--category` names, by id or name. The catalogue's categories are
 * the option's values, few enough to list: a value that names none is a usage
 * error listing them all, as `--tier` lists its values.
 */
function categoryFrom(ctx: Context, value: string): string {
  const index = ctx.catalogIndex();
  const answer = resolveOne(index, value, 'category');
  if (answer.ok) return answer.result.found.entity.id;
  const flags = CATEGORY_OPTION.flags.replace('<category>', `<${ctx.m.placeholders.category}>`);
  throw usageError(ctx.m.errors.invalidChoice(value, ctx.m.errors.optionNamed(flags), index.catalog.categories.map((c) => c.id).join(', ')));
}

/** The filter of a run, built once from its options and shared by the single question and every batch line. */
export function filterFrom(ctx: Context, opts: Options): QueryFilter {
  const category = typeof opts['category'] === 'string' ? categoryFrom(ctx, opts['category']) : undefined;
  return {
    tier: opts['tier'] as Tier | undefined,
    category,
    own: opts['own'] === true,
    expand: opts['expand'] === true,
  };
}

/** The words of a variadic name argument as one name; a usage error when there are none. */
export function nameFrom(ctx: Context, value: string | readonly string[] | undefined, argument: string): string {
  const words = typeof value === 'string' ? [value] : (value ?? []);
  if (words.length === 0) throw usageError(ctx.m.errors.missingArgument((ctx.m.placeholders as Readonly<Record<string, string>>)[argument] ?? argument));
  return words.join(' ');
}

/** The declaration of a query command: it offers the four query formats. */
export type QuerySpec<R> = CommandSpec<R, QueryFormat>;
