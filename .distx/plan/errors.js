export function planError(message, hint, span) {
    const e = { message };
    if (hint)
        e.hint = hint;
    if (span)
        e.span = span;
    return e;
}
/** `did you mean a, b?` or undefined when there is nothing close. */
export function didYouMean(names) {
    if (names.length === 0)
        return undefined;
    return `did you mean ${names.join(', ')}?`;
}
