import { presentSearch } from '../../present/present-catalog';
import { searchCatalog, type SearchResult } from '../../query/search-catalog';
import { defineCommand } from '../command';
import { nameFrom, type QuerySpec } from './shared';

const spec: QuerySpec<SearchResult> = {
  name: 'search',
  summary: 'search names, aliases, descriptions and notes (accents and case ignored)',
  args: [{ name: 'words', description: 'words to look for', kind: 'words', required: true, variadic: true }],
  options: [],
  examples: [{ line: 'search déléguer' }, { line: 'search medicaments exception' }, { line: 'search developer --lang en' }],
  formats: { presenters: presentSearch, default: 'table' },
  outputSchema: 'search_output',
  run: (ctx, { args, show }) => {
    show(searchCatalog(ctx.catalogIndex(), nameFrom(args[0], 'words')));
    return { kind: 'answered' };
  },
};

/** `search WORDS`. */
export const searchCommand = defineCommand(spec);
