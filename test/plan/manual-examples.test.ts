// Every API of the seed manual's section 4 with a Java SDK example: its param values, typed on our
// command line, must plan to the registry's method, path, query and body, and to the manual's
// documented URL and body shape.
import { describe, expect, it } from 'vitest';
import { parseWords } from '../../src/parse/parser.js';
import { planCommand } from '../../src/plan/planner.js';
import { API_ROOT } from '../../src/plan/request.js';
import { loadRegistry } from '../../src/schema/registry.js';
import type { ApiDef, ParamDef } from '../../src/schema/types.js';
import { readFileSync } from 'node:fs';
import type { DocsData } from '../../src/schema/types.js';

const reg = loadRegistry();
const apiDocs = (JSON.parse(readFileSync(new URL('../../src/schema/data/docs.json', import.meta.url), 'utf8')) as DocsData).apis;

/** Where ZStack 5.2 moved an API since the 3.0 manual; the registry wins (manual disagreements are facts to keep visible). */
const MOVED_SINCE_3_0: Record<string, string> = {
  GetNicQos: 'GET zstack/v1/vm-instances/{uuid}/nic-qos',
  DeleteVmInstanceHaLevel: 'DELETE zstack/v1/vm-instances/{uuid}/ha-levels',
  SetVolumeQos: 'PUT zstack/v1/volumes/{uuid}/actions',
  DeleteVolumeQos: 'DELETE zstack/v1/volumes/{uuid}/qos',
};

/** Example values of the manual that ZStack 5.2 rejects, with the error we must give and a valid stand-in. */
const INVALID_EXAMPLE_VALUES: Record<string, { param: string; error: RegExp; use: string }> = {
  // The manual prints a placeholder; 5.2 takes in or out.
  DeleteNicQos: { param: 'direction', error: /'example' is not a valid value for direction \(one of in, out\)/, use: 'in' },
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The command-line text of one example value for a param. */
function typed(param: ParamDef | undefined, v: unknown): string {
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return v.map((x) => (x as string).replace(/,/g, '\\,')).join(',');
    return JSON.stringify(v);
  }
  if (isRecord(v)) return JSON.stringify(v);
  if (param?.type === 'list') return String(v).replace(/,/g, '\\,');
  return String(v);
}

function commandWords(api: ApiDef, example: Record<string, unknown>): string[] {
  const words = [api.name];
  for (const [k, v] of Object.entries(example)) {
    if (k === 'conditions') {
      // Query conditions are typed as they are written (`name=vm1`); the manual's bare values are no conditions.
      for (const c of v as string[]) if (/[=<>]/.test(c)) words.push(c);
      continue;
    }
    words.push(`${k}=${typed(reg.param(api, k), v)}`);
  }
  return words;
}

function fill(template: string, example: Record<string, unknown>): string {
  return template.replace(/\{([^}]+)\}/g, (_m, n: string) => encodeURIComponent(String(example[n])));
}

const cases = Object.entries(apiDocs).filter(([, d]) => d.example && Object.keys(d.example).length > 0);

describe('manual section 4 examples', () => {
  it('covers the manual', () => {
    expect(cases.length).toBeGreaterThanOrEqual(115);
  });

  it.each(cases)('%s', (name, doc) => {
    const api = reg.api(name)!;
    expect(api, `${name} is in the registry`).toBeDefined();
    let example = doc.example!;
    const invalid = INVALID_EXAMPLE_VALUES[name];
    if (invalid) {
      const bad = planCommand(reg, parseWords(commandWords(api, example)).command!);
      expect(bad.ok ? [] : bad.errors.map((e) => e.message)).toEqual([expect.stringMatching(invalid.error)]);
      example = { ...example, [invalid.param]: invalid.use };
    }
    const parsed = parseWords(commandWords(api, example));
    expect(parsed.diagnostics).toEqual([]);
    const r = planCommand(reg, parsed.command!);
    if (!r.ok) expect.fail(r.errors.map((e) => e.message).join('; '));
    const req = r.request;
    const [path, qs = ''] = req.pathAndQuery.split('?');
    const query = new URLSearchParams(qs);

    // The registry's method and one of its paths (the most specific the example fills), with the values in the URL.
    expect(req.method).toBe(api.method);
    const templates = [api.path, ...(api.optionalPaths ?? [])];
    expect(templates.map((t) => `${API_ROOT}${fill(t, example)}`)).toContain(path);
    const used = templates.find((t) => `${API_ROOT}${fill(t, example)}` === path)!;

    // The manual's documented request line: same method and path (less any query template).
    const documented = MOVED_SINCE_3_0[api.name] ?? doc.request;
    if (documented) {
      const [method, url] = documented.split(/\s+/);
      expect(method).toBe(api.method);
      expect(path).toBe(`/${fill(url!.split('?')[0]!, example)}`);
    }

    const pathVars = new Set([...used.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
    if (api.query) {
      const conds = ((example.conditions as string[] | undefined) ?? []).filter((c) => /[=<>]/.test(c));
      expect(query.getAll('q')).toEqual(conds);
      expect(req.body).toBeNull();
    } else if (api.method === 'GET' || api.method === 'DELETE') {
      expect(req.body).toBeNull();
      for (const [k, v] of Object.entries(example)) {
        if (pathVars.has(k)) continue;
        expect(query.getAll(k)).toEqual(Array.isArray(v) ? v.map(String) : [String(v)]);
      }
    } else {
      const body = req.body!;
      // An API without a wrapper (all in the URL, e.g. AttachIsoToVmInstance) sends its few body params bare.
      if (api.wrapper) expect(Object.keys(body).filter((k) => k !== 'systemTags' && k !== 'userTags')).toEqual([api.wrapper]);
      const inner = (api.wrapper ? body[api.wrapper] : body) as Record<string, unknown>;
      for (const [k, v] of Object.entries(example)) {
        if (pathVars.has(k)) continue;
        if (k === 'systemTags' || k === 'userTags') expect(body[k]).toEqual(v);
        else expect(inner[k], k).toEqual(reg.param(api, k)?.hashed ? expect.stringMatching(/^[0-9a-f]{128}$/) : v);
      }
      // The documented body has the same wrapper, and its params are the ones we send.
      if (isRecord(doc.body)) {
        expect(Object.keys(doc.body).filter((k) => k !== 'systemTags' && k !== 'userTags')).toEqual([api.wrapper]);
        const docInner = doc.body[api.wrapper];
        if (isRecord(docInner)) {
          for (const k of Object.keys(inner)) if (k in docInner) expect(typeof inner[k], k).toBe(typeof docInner[k]);
        }
      }
    }
  });
});
