// The bash and zsh completion scripts shipped in completions/, printed by `zstack-cli completion <shell>`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
const FILES = { bash: 'zstack-cli.bash', zsh: '_zstack-cli' };
/** The script text, or undefined for a shell we have none for. */
export function completionScript(shell) {
    const file = FILES[shell];
    if (!file)
        return undefined;
    // src/cli and dist/cli both sit two levels below the package root.
    return readFileSync(join(import.meta.dirname, '..', '..', 'completions', file), 'utf8');
}
