// ANSI styling. Uses a private chalk instance whose level is set from `color` (never chalk's global
// auto-detection). Open/close codes are taken once from chalk and concatenated directly, which keeps
// colouring cheap on 100k-row outputs.
import { Chalk } from 'chalk';
function painter(styled) {
    const probe = styled('\u0000');
    const i = probe.indexOf('\u0000');
    const open = probe.slice(0, i);
    const close = probe.slice(i + 1);
    return (s) => (s === '' ? s : open + s + close);
}
const GREEN = new Set([
    'running', 'enabled', 'connected', 'ready', 'active', 'available', 'ok', 'succeeded', 'success',
    'completed', 'done', 'attached', 'up', 'healthy', 'online',
]);
const YELLOW = new Set([
    'starting', 'stopping', 'rebooting', 'migrating', 'creating', 'connecting', 'pausing', 'resuming',
    'destroying', 'expunging', 'deleting', 'downloading', 'uploading', 'provisioning', 'paused',
    'premaintenance', 'maintenance', 'processing', 'pending', 'waiting', 'volumemigrating', 'recovering',
    'syncing', 'unknown', 'degraded',
]);
const RED = new Set([
    'stopped', 'error', 'failed', 'failure', 'disconnected', 'crashed', 'down', 'offline', 'notready',
    'broken', 'fault',
]);
const GREY = new Set(['destroyed', 'expunged', 'disabled', 'deleted', 'detached', 'inactive', 'nostate']);
const identity = (s) => s;
const PLAIN = {
    on: false,
    key: identity,
    str: identity,
    num: identity,
    bool: identity,
    nul: identity,
    header: identity,
    dim: identity,
    state: identity,
};
let coloured;
/** The style for `color` on/off. */
export function getStyle(color) {
    if (!color)
        return PLAIN;
    if (coloured)
        return coloured;
    const c = new Chalk({ level: 1 });
    const green = painter(c.green);
    const yellow = painter(c.yellow);
    const red = painter(c.red);
    const grey = painter(c.gray);
    coloured = {
        on: true,
        key: painter(c.cyan),
        str: green,
        num: yellow,
        bool: painter(c.magenta),
        nul: grey,
        header: painter(c.bold),
        dim: grey,
        state(s) {
            const k = s.toLowerCase().replace(/[\s_-]/g, '');
            if (GREEN.has(k))
                return green(s);
            if (RED.has(k))
                return red(s);
            if (YELLOW.has(k))
                return yellow(s);
            if (GREY.has(k))
                return grey(s);
            return s;
        },
    };
    return coloured;
}
/** Whether a column (path) holds state-like values worth colouring. */
export function isStateColumn(path) {
    const last = path.slice(path.lastIndexOf('.') + 1);
    return /^(state|status)$/i.test(last) || /(State|Status)$/.test(last);
}
