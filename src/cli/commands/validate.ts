import { catalogFromText } from '../../catalog/load-catalog';
import { completeProblem } from '../../catalog/problem';
import type { FileReport } from '../../present/present-problems';
import { defineCommand } from '../command';
import { isNotFound } from '../context';

/** `validate [FILE...]`. */
export const validateCommand = defineCommand({
  name: 'validate',
  args: [{ name: 'files', description: (m) => m.args.files, kind: 'file', required: false, variadic: true }],
  options: [],
  readsCatalog: 'without-files',
  examples: [
    { line: 'validate' },
    { line: 'validate draft.yaml --format github', exits: 1 },
    { line: 'validate catalog.yaml old.yaml --json' },
    { line: 'git show HEAD:catalog.yaml | ramq-access validate -', argv: ['validate', '-'], stdinFile: 'catalog.yaml' },
  ],
  formats: { default: 'table', aliases: { text: 'table' } },
  outputSchema: 'validate_output',
  run: (ctx, { args, show }) => {
    const files = args[0];
    const targets = files.length > 0 ? files : [ctx.catalogPath()];
    let missing = 0;
    let ioErrors = 0;
    const reports: FileReport[] = targets.map((file) => {
      const shown = ctx.shownPath(file);
      const read = ctx.readInput(file, ctx.m.stdinPurposes.validate);
      if (!read.ok) {
        if (isNotFound(read.errno)) missing++;
        else if (read.errno !== undefined) ioErrors++;
        return { file: shown, problems: [completeProblem(read.problem)] };
      }
      const result = catalogFromText(read.text, shown);
      return { file: shown, problems: result.ok ? [] : result.problems };
    });
    show(reports);
    return { kind: 'validated', problems: reports.reduce((n, r) => n + r.problems.length, 0), missing, ioErrors };
  },
});
