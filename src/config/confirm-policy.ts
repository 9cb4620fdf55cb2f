// The `confirm=` setting of a profile: which calls ask before they are sent (src/cli/guard.ts).
// `destructive` (the default): APIs that destroy or lose data; `always`: every call that changes
// something; `never`: none.

export const CONFIRM_POLICIES = ['destructive', 'always', 'never'] as const;
export type ConfirmPolicy = (typeof CONFIRM_POLICIES)[number];
export const DEFAULT_CONFIRM_POLICY: ConfirmPolicy = 'destructive';

/** The policy a setting names (case-insensitive); undefined when it names none. */
export function confirmPolicy(text: string): ConfirmPolicy | undefined {
  const t = text.toLowerCase();
  return (CONFIRM_POLICIES as readonly string[]).includes(t) ? (t as ConfirmPolicy) : undefined;
}
