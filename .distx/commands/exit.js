export const exitCommand = {
    name: 'exit',
    aliases: ['quit'],
    summary: 'leave the shell (or Ctrl-D on an empty line)',
    where: 'shell',
    async run(ctx) {
        ctx.shell.exit();
        return 0;
    },
};
