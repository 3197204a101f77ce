import { completionScript, SHELLS, type Shell } from '../complete';
import { defineCommand, type CommandSpec } from '../command';

const spec: CommandSpec<never, never> = {
  name: 'completion',
  summary: 'print a shell completion script (bash, zsh or fish) that completes commands, options, their values and catalogue names',
  args: [{ name: 'shell', description: 'bash, zsh or fish', kind: { choices: SHELLS }, required: true, variadic: false }],
  options: [],
  examples: [
    { line: 'completion bash > ~/.local/share/bash-completion/completions/ramq-access', argv: ['completion', 'bash'] },
    { line: 'source <(ramq-access completion zsh)', argv: ['completion', 'zsh'] },
    { line: 'completion fish > ~/.config/fish/completions/ramq-access.fish', argv: ['completion', 'fish'] },
  ],
  run: (ctx, { args }) => {
    ctx.emit(completionScript(args[0] as Shell, 'ramq-access'));
    return { kind: 'answered' };
  },
};

/** `completion SHELL`. */
export const completionCommand = defineCommand(spec);
