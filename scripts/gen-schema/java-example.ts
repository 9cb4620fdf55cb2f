// Reads the param values of a manual "Java SDK" example (`action.name = "vm1";`,
// `action.l3NetworkUuids = asList("a", "b");`, numbers, booleans) into JSON values.
// Owns only the small Java literal grammar the manual uses; statements it cannot read are skipped.

export interface JavaAssignment {
  /** The field name exactly as printed (`action.<name>`). */
  name: string;
  value: unknown;
}

class LiteralReader {
  private i = 0;
  constructor(private readonly s: string) {}

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  atEnd(): boolean {
    this.ws();
    return this.i >= this.s.length;
  }

  value(): unknown {
    this.ws();
    const rest = this.s.slice(this.i);
    if (rest.startsWith('"')) return this.string();
    const num = rest.match(/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?[lLfFdD]?(?![\w.])/);
    if (num) {
      this.i += num[0].length;
      return Number(num[0].replace(/[lLfFdD]$/, ''));
    }
    const word = rest.match(/^(true|false|null)\b/);
    if (word) {
      this.i += word[0].length;
      return word[1] === 'null' ? null : word[1] === 'true';
    }
    const list = rest.match(/^(?:(?:java\.util\.)?Arrays\.)?asList\s*\(|^(?:java\.util\.)?List\.of\s*\(/);
    if (list) {
      this.i += list[0].length;
      return this.args(')');
    }
    const map = rest.match(/^(?:(?:java\.util\.)?Map\.of|map)\s*\(/);
    if (map) {
      this.i += map[0].length;
      const flat = this.args(')');
      if (flat.length % 2 !== 0) throw new Error('odd map arguments');
      const out: Record<string, unknown> = {};
      for (let k = 0; k < flat.length; k += 2) out[String(flat[k])] = flat[k + 1];
      return out;
    }
    throw new Error(`unreadable literal: ${rest.slice(0, 30)}`);
  }

  private args(close: string): unknown[] {
    const out: unknown[] = [];
    this.ws();
    if (this.s[this.i] === close) {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.ws();
      const ch = this.s[this.i++];
      if (ch === close) return out;
      if (ch !== ',') throw new Error('expected , in argument list');
    }
  }

  private string(): string {
    let out = '';
    this.i++; // opening quote
    while (this.i < this.s.length) {
      const ch = this.s[this.i++]!;
      if (ch === '"') return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const esc = this.s[this.i++];
      switch (esc) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'u':
          out += String.fromCharCode(parseInt(this.s.slice(this.i, this.i + 4), 16));
          this.i += 4;
          break;
        default:
          out += esc ?? '';
      }
    }
    throw new Error('unterminated string');
  }
}

/** Splits code into statements at `;` outside string literals. */
function statements(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inString = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (inString) {
      cur += ch;
      if (ch === '\\' && i + 1 < code.length) cur += code[++i];
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

/**
 * The `action.<field> = <literal>;` assignments of a Java SDK example, in order. Lines the extraction
 * wrapped with a trailing backslash are rejoined first.
 */
export function readJavaAssignments(code: string): JavaAssignment[] {
  const joined = code.replace(/\\\r?\n/g, '');
  const out: JavaAssignment[] = [];
  for (const st of statements(joined)) {
    const m = st.trim().match(/^action\s*\.\s*([A-Za-z_]\w*)\s*=\s*([\s\S]+)$/);
    if (!m) continue;
    try {
      const reader = new LiteralReader(m[2]!);
      const value = reader.value();
      if (!reader.atEnd()) continue;
      out.push({ name: m[1]!, value });
    } catch {
      // An assignment the manual garbled: leave it out rather than guess.
    }
  }
  return out;
}
