// `exit` / `quit`: leave the shell (as Ctrl-D on an empty line does).
import type { BuiltinSpec } from './types.js';

export const exitCommand: BuiltinSpec = {
  name: 'exit',
  aliases: ['quit'],
  summary: 'leave the shell (or Ctrl-D on an empty line)',
  where: 'shell',
  async run(ctx) {
    ctx.shell!.exit();
    return 0;
  },
};
