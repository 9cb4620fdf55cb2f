/** The candidate to take whole, or undefined when the usual common-prefix rule applies. */
export function fuzzyPick(c, typed) {
    const first = c.candidates[0];
    if (!first || first.group !== 'api' || typed === '')
        return undefined;
    const lower = typed.toLowerCase();
    return c.candidates.some((x) => x.value.toLowerCase().startsWith(lower)) ? undefined : first;
}
