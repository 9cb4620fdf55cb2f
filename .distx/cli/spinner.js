const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/** Redraws on each update (the executor reports progress on every poll); `stop` erases the line. */
export function startSpinner(stream, label) {
    let frame = 0;
    let shown = false;
    return {
        update(elapsedMs) {
            frame = (frame + 1) % FRAMES.length;
            stream.write(`\r\x1b[K${FRAMES[frame]} ${label} ${(elapsedMs / 1000).toFixed(1)}s`);
            shown = true;
        },
        stop() {
            if (shown)
                stream.write('\r\x1b[K');
            shown = false;
        },
    };
}
