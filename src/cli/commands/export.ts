import type { Presenters } from '../../present/formats';
import { toJson, withSource } from '../../present/json-output';
import type { ExportData } from '../../present/present-html';
import { findWho } from '../../query/access';
import { defineCommand } from '../command';

const presenters: Presenters<ExportData, 'html' | 'json'> = {
  // The page (its template, script and strings) loads only when asked for.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  html: (data, o) => (require('../../present/present-html') as typeof import('../../present/present-html')).presentHtml(data, o),
  json: (data, o) => toJson(withSource({ command: 'export', version: 1, catalog: data.catalog }, o)),
};

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
  formats: { presenters, default: 'html' },
  outputSchema: 'export_output',
  fromCatalog: true,
  run: (ctx, { show }) => {
    const index = ctx.catalogIndex();
    const who = index.catalog.services.map((s) => findWho(index, s, { expand: true }));
    show({ catalog: index.catalog, who, generated: new Date().toISOString().slice(0, 10), version: ctx.version });
    return { kind: 'answered' };
  },
});
