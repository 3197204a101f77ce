import { noteKindLabels } from '../../present/labels';
import { MAX_SEARCH_WORDS, searchCatalog, searchWords } from '../../query/search-catalog';
import { defineCommand } from '../command';
import { usageError } from '../errors';
import { nameFrom } from './shared';

/** `search WORDS`. */
export const searchCommand = defineCommand({
  name: 'search',
  args: [{ name: 'words', description: (m) => m.args.words, kind: 'words', required: true, variadic: true }],
  options: [],
  examples: [{ line: 'search délégation' }, { line: 'search medicaments exception' }, { line: 'search developer --lang en' }],
  formats: { default: 'table' },
  outputSchema: 'search_output',
  fromCatalog: true,
  run: (ctx, { args, show }) => {
    const query = nameFrom(ctx, args[0], 'words');
    const words = searchWords(query).length;
    if (words > MAX_SEARCH_WORDS) throw usageError(ctx.m.errors.tooManyWords(words, MAX_SEARCH_WORDS));
    show(searchCatalog(ctx.catalogIndex(), query, noteKindLabels()));
    return { kind: 'answered' };
  },
});
