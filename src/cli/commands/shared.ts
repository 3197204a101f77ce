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

/** The filter of a run, built once from its options and shared by the single question and every batch line. */
export function filterFrom(ctx: Context, opts: Options): QueryFilter {
  const category =
    typeof opts['category'] === 'string' ? ctx.answered(resolveOne(ctx.catalogIndex(), opts['category'], 'category')).found.entity.id : undefined;
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
