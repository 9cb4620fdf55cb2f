import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../schema/registry.js';
import { helpApi, helpSearch } from './api-help.js';

const registry = loadRegistry();

describe('help <word> with hostile words', () => {
  it('quotes the word escaped and clipped, on one short line', () => {
    for (const word of ['\u001b]0;pwned\u0007', '\u001b[2J'.repeat(1e4), 'z'.repeat(1e6)]) {
      const lines = helpSearch(registry, word, 80);
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      expect(lines[0]!.length).toBeLessThan(200);
    }
    expect(helpSearch(registry, '\u001b]0;pwned\u0007', 80)[0]).toBe("no API matches '\\e]0;pwned\\x07'");
  });
});

describe('help <Api>', () => {
  it('lists required params first, whatever the schema order', () => {
    const mixed = registry
      .apiNames()
      .map((n) => registry.api(n)!)
      .filter((a) => a.params.some((p, i) => p.required && a.params.slice(0, i).some((q) => !q.required)));
    expect(mixed.length).toBeGreaterThan(10);
    for (const api of mixed.slice(0, 50)) {
      const lines = helpApi(registry, api, 200);
      const facts = lines.filter((l) => /^ {2}\S+\s+\S+, (required|optional)/.test(l)).map((l) => l.includes(', required'));
      expect(facts, api.name).toContain(true);
      expect(facts.lastIndexOf(true), api.name).toBeLessThan(facts.indexOf(false) === -1 ? Infinity : facts.indexOf(false));
    }
  });
});
