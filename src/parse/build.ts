// Builds AST nodes from code (not from typed text): args the front ends add for the user, such as
// LogOut's current session, a prompted password or -c as fields=. They carry empty spans.
import type { ArgNode, CommandNode } from './ast.js';

const NOWHERE = { start: 0, end: 0 };

/** `key=value`, taken literally (a value of `null` stays the text null). */
export function syntheticArg(key: string, value: string): ArgNode {
  return { span: NOWHERE, key, keySpan: NOWHERE, op: '=', opSpan: NOWHERE, value, valueSpan: NOWHERE, valueQuoted: true, literalCommas: [] };
}

export function syntheticCommand(name: string, args: Record<string, string>): CommandNode {
  return { name, nameSpan: NOWHERE, args: Object.entries(args).map(([k, v]) => syntheticArg(k, v)), span: NOWHERE };
}
