import { findWho } from '../../query/access';
import { defineCommand } from '../command';

/** `export`. */
export const exportCommand = defineCommand({
  name: 'export',
  args: [],
  options: [],
  examples: [
    { line: 'export --format html > acces.html', argv: ['export', '--format', 'html'] },
    { line: 'export --format html --lang en > access.html', argv: ['export', '--format', 'html', '--lang', 'en'] },
    { line: 'export --json > catalog.json', argv: ['export', '--json'] },
  ],
  formats: { default: 'html' },
  outputSchema: 'export_output',
  fromCatalog: true,
  run: (ctx, { show }) => {
    const index = ctx.catalogIndex();
    const who = index.catalog.services.map((s) => findWho(index, s, { expand: true }));
    show({ catalog: index.catalog, who, generated: new Date().toISOString().slice(0, 10), version: ctx.version });
    return { kind: 'answered' };
  },
});
