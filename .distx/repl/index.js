// The interactive shell's public face: startRepl and the pieces a composition root may reuse.
export { startRepl } from './repl.js';
export { readlineCompleter, insertionFor } from './completer.js';
export { loadHistory, appendHistory, HISTORY_SIZE } from './history.js';
