import type { CatalogIndex } from '../../query/catalog-index';
import { defineCommand, type CommandDefinition } from '../command';
import { SHELLS } from '../shells';
import { Context } from '../context';

/** The hidden `__complete` command the completion scripts call; it completes from the registry it is given. */
export function makeCompleteCommand(registry: () => readonly CommandDefinition[]): CommandDefinition {
  return defineCommand({
    name: '__complete',
    hidden: true,
    // It completes names from the catalogue the typed line names (--catalog in the line), else the one in use.
    readsCatalog: 'always',
    args: [{ name: 'words', description: (m) => m.args.typedWords, kind: 'words', required: false, variadic: true }],
    options: [{ long: 'shell', value: 'shell', kind: { choices: SHELLS }, description: (m) => m.options.shell }],
    examples: [],
    run: (ctx, { args, opts }) => {
      const words = args[0];
      const shell = opts.shell ?? 'bash';
      const loadIndex = (catalog: string | undefined): CatalogIndex | null => {
        try {
          const globals = catalog === undefined ? ctx.globals : { ...ctx.globals, catalog };
          const context = new Context(ctx.io, globals, ctx.lang, ctx.version);
          return context.catalogIndex();
        } catch {
          return null;
        }
      };
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      ctx.emit((require('../complete') as typeof import('../complete')).completeFor(shell, registry(), words, loadIndex));
      return { kind: 'answered' };
    },
  });
}
