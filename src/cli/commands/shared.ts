import { TIERS, type Tier } from '../../catalog/model';
import type { Placeholder } from '../../present/messages/messages';
import { resolveOne, type QueryFilter } from '../../query/ask';
import { optionFlags, type OptionSpec } from '../command';
import type { Context } from '../context';
import { usageError } from '../errors';

/** `--tier`: the same in services, who, can and their batch modes. */
export const TIER_OPTION = { long: 'tier', value: 'tier', kind: { choices: TIERS }, description: (m) => m.options.tier } as const satisfies OptionSpec;

/** `--category`: a category by id or name, resolved once per run. */
export const CATEGORY_OPTION = { long: 'category', value: 'category', kind: 'category', description: (m) => m.options.category } as const satisfies OptionSpec;

/**
 * The category `--category` names, by id or name. The catalogue's categories are
 * the option's values, few enough to list: a value that names none is a usage
 * error listing them all, as `--tier` lists its values.
 */
function categoryFrom(ctx: Context, value: string): string {
  const index = ctx.catalogIndex();
  const answer = resolveOne(index, value, 'category');
  if (answer.ok) return answer.result.found.entity.id;
  const choices = index.catalog.categories.map((c) => c.id).join(', ');
  throw usageError(ctx.m.errors.invalidChoice(value, ctx.m.errors.optionNamed(optionFlags(CATEGORY_OPTION, ctx.m)), choices));
}

/** The options a question is filtered by; each command has some of them. */
interface FilterOptions {
  readonly tier?: Tier;
  readonly category?: string;
  readonly own?: boolean;
  readonly expand?: boolean;
}

/** The filter of a run, built once from its options and shared by the single question and every batch line. */
export function filterFrom(ctx: Context, opts: FilterOptions): QueryFilter {
  return {
    tier: opts.tier,
    category: opts.category === undefined ? undefined : categoryFrom(ctx, opts.category),
    own: opts.own === true,
    expand: opts.expand === true,
  };
}

/** The words of a variadic name argument as one name; a usage error when there are none. */
export function nameFrom(ctx: Context, words: readonly string[], argument: Placeholder): string {
  if (words.length === 0) throw usageError(ctx.m.errors.missingArgument(ctx.m.placeholders[argument]));
  return words.join(' ');
}
