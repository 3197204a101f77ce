import { SHELLS } from '../shells';
import { defineCommand } from '../command';

/** `completion SHELL`. */
export const completionCommand = defineCommand({
  name: 'completion',
  args: [{ name: 'shell', description: (m) => m.args.shell, kind: { choices: SHELLS }, required: true, variadic: false }],
  options: [],
  examples: [
    { line: 'completion bash > ~/.local/share/bash-completion/completions/ramq-access', argv: ['completion', 'bash'] },
    { line: 'source <(ramq-access completion zsh)', argv: ['completion', 'zsh'] },
    { line: 'completion fish > ~/.config/fish/completions/ramq-access.fish', argv: ['completion', 'fish'] },
  ],
  run: (ctx, { args }) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ctx.emit((require('../complete') as typeof import('../complete')).completionScript(args[0], 'ramq-access', ctx.m.completion.zshNeedsCompinit));
    return { kind: 'answered' };
  },
});
