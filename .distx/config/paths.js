// Where zstack-cli keeps its files: $XDG_CONFIG_HOME/zstack-cli or ~/.config/zstack-cli, from an injected env and home.
import { isAbsolute, join } from 'node:path';
/** The config directory; `XDG_CONFIG_HOME` counts only when it is an absolute path (as the XDG spec says). */
export function configDir(env, homedir) {
    const xdg = env.XDG_CONFIG_HOME;
    if (xdg && isAbsolute(xdg))
        return join(xdg, 'zstack-cli');
    return join(homedir, '.config', 'zstack-cli');
}
/** The directory zstack-cli uses: `ZSTACK_CLI_HOME` when set, else the config directory. */
export function cliHome(env, homedir) {
    return env.ZSTACK_CLI_HOME ?? configDir(env, homedir);
}
