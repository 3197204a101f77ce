import { catalogFromText } from '../../catalog/load-catalog';
import type { Presenters } from '../../present/formats';
import { presentValidation, type FileReport } from '../../present/present-problems';
import { defineCommand, type CommandSpec } from '../command';
import { isNotFound } from '../context';

type ValidateFormat = 'table' | 'json' | 'github';

const presenters: Presenters<readonly FileReport[], ValidateFormat> = {
  table: (reports, o) => presentValidation.text(reports, o.palette, o.lang, o.width),
  json: (reports) => presentValidation.json(reports),
  github: (reports) => presentValidation.github(reports),
};

const spec: CommandSpec<readonly FileReport[], ValidateFormat> = {
  name: 'validate',
  summary: 'check catalogue files against the schema and the semantic rules (default: the catalogue in use; "-" reads standard input)',
  args: [{ name: 'files', description: 'catalogue files ("-" for standard input)', kind: 'file', required: false, variadic: true }],
  options: [],
  examples: [
    { line: 'validate' },
    { line: 'validate catalog.yaml --format github' },
    { line: 'validate catalog.yaml old.yaml --json' },
    { line: 'git show HEAD:catalog.yaml | ramq-access validate -', argv: ['validate', '-'], stdinFile: 'catalog.yaml' },
  ],
  formats: { presenters, default: 'table', aliases: { text: 'table' } },
  outputSchema: 'validate_output',
  run: (ctx, { args, show }) => {
    const files = (args[0] as readonly string[] | undefined) ?? [];
    const targets = files.length > 0 ? files : [ctx.catalogPath()];
    let missing = 0;
    let ioErrors = 0;
    const reports: FileReport[] = targets.map((file) => {
      const shown = ctx.shownPath(file);
      const read = ctx.readInput(file, 'a catalogue to validate');
      if (!read.ok) {
        if (isNotFound(read.errno)) missing++;
        else if (read.errno !== undefined) ioErrors++;
        return { file: shown, problems: [read.problem] };
      }
      const result = catalogFromText(read.text, shown);
      return { file: shown, problems: result.ok ? [] : result.problems };
    });
    show(reports);
    return { kind: 'validated', problems: reports.reduce((n, r) => n + r.problems.length, 0), missing, ioErrors };
  },
};

/** `validate [FILE...]`. */
export const validateCommand = defineCommand(spec);
