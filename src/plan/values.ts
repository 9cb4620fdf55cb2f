// Converts a param's text (from the parser) into the typed JSON value ZStack expects, checking type,
// valid values, ranges and lengths. Pure; the caller turns a failure into a one-line usage error.
import type { ArgNode } from '../parse/ast.js';
import { splitList } from '../parse/parser.js';
import type { ParamDef } from '../schema/types.js';
import { closestNames } from '../schema/suggest.js';
import { ExactLong } from './json-text.js';

export type Converted = { ok: true; value: unknown } | { ok: false; message: string; hint?: string };

const INT_RE = /^[+-]?\d+$/;
const INT32 = { min: -2147483648, max: 2147483647 };
const INT64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

function fail(message: string, hint?: string): Converted {
  return hint ? { ok: false, message, hint } : { ok: false, message };
}

function parseJson(text: string, param: ParamDef, expect: 'array' | 'object' | 'any'): Converted {
  try {
    const v: unknown = JSON.parse(text);
    if (expect === 'array' && !Array.isArray(v)) return fail(`${param.name} needs a JSON list, got ${describe(v)}`);
    if (expect === 'object' && (v === null || typeof v !== 'object' || Array.isArray(v))) {
      return fail(`${param.name} needs a JSON object, got ${describe(v)}`, `e.g. ${param.name}='{"key":"value"}'`);
    }
    return { ok: true, value: v };
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/^JSON\.parse: /, '') : 'invalid JSON';
    return fail(`${param.name} is not valid JSON: ${why}`, `quote JSON in single quotes: ${param.name}='${expect === 'array' ? '[...]' : '{...}'}'`);
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return `a ${typeof v}`;
}

function integer(text: string, param: ParamDef, long: boolean): Converted {
  if (!INT_RE.test(text)) return fail(`${param.name} must be an integer, got '${text}'`);
  const big = BigInt(text);
  const range = long ? INT64 : INT32;
  if (big < range.min || big > range.max) {
    return fail(`${param.name} is out of range for a ${long ? 'long' : '32-bit integer'}: ${text}`);
  }
  if (param.numberRange) {
    const [lo, hi] = param.numberRange;
    // numberRange holds JS numbers; compare in BigInt to stay exact at the edges.
    if (big < BigInt(Math.trunc(lo)) || big > BigInt(Math.trunc(hi))) {
      return fail(`${param.name} must be between ${lo} and ${hi}, got ${text}`);
    }
  }
  const n = Number(big);
  return { ok: true, value: Number.isSafeInteger(n) ? n : new ExactLong(big.toString()) };
}

function checkString(text: string, param: ParamDef): Converted {
  if (param.validValues && !param.validValues.includes(text)) {
    const exact = param.validValues.find((v) => v.toLowerCase() === text.toLowerCase());
    const close = exact ? [exact] : closestNames(text, param.validValues, 3);
    const list = param.validValues.length <= 8 ? ` (one of ${param.validValues.join(', ')})` : '';
    return fail(`'${text}' is not a valid value for ${param.name}${list}`, close.length ? `did you mean ${close.join(', ')}?` : undefined);
  }
  if (param.maxLength !== undefined && [...text].length > param.maxLength) {
    return fail(`${param.name} is longer than ${param.maxLength} characters`);
  }
  if (param.minLength !== undefined && [...text].length < param.minLength) {
    return fail(`${param.name} is shorter than ${param.minLength} characters`);
  }
  return { ok: true, value: text };
}

/** Converts one `key=value` to the typed value of `param`. */
export function convertValue(param: ParamDef, arg: Pick<ArgNode, 'value' | 'literalCommas' | 'valueQuoted'>): Converted {
  const text = arg.value;
  switch (param.type) {
    case 'string':
      return checkString(text, param);
    case 'integer':
      return integer(text, param, false);
    case 'long':
      return integer(text, param, true);
    case 'double': {
      const n = Number(text);
      if (text.trim() === '' || !Number.isFinite(n)) return fail(`${param.name} must be a number, got '${text}'`);
      return { ok: true, value: n };
    }
    case 'boolean': {
      const t = text.toLowerCase();
      if (t === 'true' || t === 'false') return { ok: true, value: t === 'true' };
      return fail(`${param.name} must be true or false, got '${text}'`);
    }
    case 'list': {
      if (text.trimStart().startsWith('[')) return parseJson(text, param, 'array');
      const items = splitList(arg);
      if (param.validValues) {
        for (const item of items) {
          const c = checkString(item, param);
          if (!c.ok) return c;
        }
      }
      return { ok: true, value: items };
    }
    case 'map':
      return parseJson(text, param, 'object');
    case 'object':
      return parseJson(text, param, 'any');
  }
}
