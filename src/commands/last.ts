// `last` prints the shell's last result again; `more` pages it (space: page, enter: line, q: quit).
import type { BuiltinSpec, CommandContext } from './types.js';

function lastText(ctx: CommandContext): string | undefined {
  const text = ctx.shell?.lastResult();
  if (text === undefined || text === '') {
    ctx.out('no result yet');
    return undefined;
  }
  return text.endsWith('\n') ? text : `${text}\n`;
}

export const lastCommand: BuiltinSpec = {
  name: 'last',
  summary: 'print the last result again',
  where: 'shell',
  async run(ctx) {
    const text = lastText(ctx);
    if (text !== undefined) ctx.io.stdout.write(text);
    return 0;
  },
};

export const moreCommand: BuiltinSpec = {
  name: 'more',
  summary: 'page the last result (space: next page, enter: next line, q: quit)',
  where: 'shell',
  async run(ctx) {
    const text = lastText(ctx);
    if (text !== undefined) await ctx.shell!.page(text);
    return 0;
  },
};
