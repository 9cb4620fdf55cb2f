// The `confirm=` setting of a profile: which calls ask before they are sent (src/cli/guard.ts).
// `destructive` (the default): APIs that destroy or lose data; `always`: every call that changes
// something; `never`: none.
export const CONFIRM_POLICIES = ['destructive', 'always', 'never'];
export const DEFAULT_CONFIRM_POLICY = 'destructive';
/** The policy a setting names (case-insensitive); undefined when it names none. */
export function confirmPolicy(text) {
    const t = text.toLowerCase();
    return CONFIRM_POLICIES.includes(t) ? t : undefined;
}
