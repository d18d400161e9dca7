/**
 * The subset of RFC 8941 Structured Field Values that HTTP Message Signatures (RFC 9421)
 * and Content-Digest (RFC 9530) need: Dictionaries whose members are Items or Inner Lists,
 * with Parameters; bare items of type Integer, Decimal, String, Token, Byte Sequence and
 * Boolean. Parsing follows RFC 8941 §4.2 and fails closed on anything else.
 */

/** An RFC 8941 bare item. Byte sequences are `Uint8Array`; tokens are wrapped to tell them from strings. */
export type BareItem = number | string | boolean | Uint8Array | { token: string };
/** Ordered parameters (RFC 8941 §3.1.2). */
export type Parameters = [string, BareItem][];
/** An item with its parameters. */
export interface Item {
  value: BareItem;
  params: Parameters;
}
/** An inner list with its parameters (RFC 8941 §3.1.1). */
export interface InnerList {
  items: Item[];
  params: Parameters;
}
/** An ordered dictionary (RFC 8941 §3.2); later duplicates overwrite earlier ones. */
export type Dictionary = Map<string, Item | InnerList>;

/** Thrown on input that is not a valid structured field. */
export class StructuredFieldError extends Error {
  override name = 'StructuredFieldError';
}

/** Parse a Dictionary field value (RFC 8941 §4.2.2). */
export function parseDictionary(input: string): Dictionary {
  const p = new Parser(input);
  const out: Dictionary = new Map();
  p.skipSp();
  if (p.done()) return out;
  for (;;) {
    const key = p.key();
    let member: Item | InnerList;
    if (p.peek() === '=') {
      p.pos++;
      member = p.peek() === '(' ? p.innerList() : p.item();
    } else {
      member = { value: true, params: p.params() };
    }
    out.set(key, member);
    p.skipOws();
    if (p.done()) return out;
    p.expect(',');
    p.skipOws();
    if (p.done()) throw new StructuredFieldError('trailing comma');
  }
}

/** Whether a dictionary member is an inner list. */
export function isInnerList(member: Item | InnerList): member is InnerList {
  return 'items' in member;
}

/** Serialise a bare item (RFC 8941 §4.1.3). */
export function serializeBareItem(value: BareItem): string {
  if (typeof value === 'boolean') return value ? '?1' : '?0';
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || Math.abs(value) > 999_999_999_999_999) {
      throw new StructuredFieldError('only integers are serialised here');
    }
    return String(value);
  }
  if (typeof value === 'string') {
    if (!/^[\x20-\x7e]*$/.test(value)) throw new StructuredFieldError('strings must be printable ASCII');
    return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }
  if (value instanceof Uint8Array) return `:${Buffer.from(value).toString('base64')}:`;
  if (!/^[A-Za-z*][!#$%&'*+\-.^_`|~0-9A-Za-z:/]*$/.test(value.token))
    throw new StructuredFieldError('bad token');
  return value.token;
}

/** Serialise parameters (RFC 8941 §4.1.1.2); `true` values are written bare. */
export function serializeParams(params: Parameters): string {
  return params.map(([k, v]) => (v === true ? `;${k}` : `;${k}=${serializeBareItem(v)}`)).join('');
}

/** Serialise an inner list (RFC 8941 §4.1.1.1). */
export function serializeInnerList(list: InnerList): string {
  return `(${list.items.map((i) => serializeBareItem(i.value) + serializeParams(i.params)).join(' ')})${serializeParams(list.params)}`;
}

class Parser {
  pos = 0;
  constructor(readonly s: string) {}
  done(): boolean {
    return this.pos >= this.s.length;
  }
  peek(): string | undefined {
    return this.s[this.pos];
  }
  expect(c: string): void {
    if (this.s[this.pos] !== c) throw new StructuredFieldError(`expected '${c}' at ${this.pos}`);
    this.pos++;
  }
  skipSp(): void {
    while (this.s[this.pos] === ' ') this.pos++;
  }
  skipOws(): void {
    while (this.s[this.pos] === ' ' || this.s[this.pos] === '\t') this.pos++;
  }
  key(): string {
    const m = /^[a-z*][a-z0-9_\-.*]*/.exec(this.s.slice(this.pos));
    if (!m) throw new StructuredFieldError(`expected a key at ${this.pos}`);
    this.pos += m[0].length;
    return m[0];
  }
  params(): Parameters {
    const out: Parameters = [];
    while (this.peek() === ';') {
      this.pos++;
      this.skipSp();
      const key = this.key();
      let value: BareItem = true;
      if (this.peek() === '=') {
        this.pos++;
        value = this.bareItem();
      }
      const existing = out.findIndex(([k]) => k === key);
      if (existing >= 0) out.splice(existing, 1);
      out.push([key, value]);
    }
    return out;
  }
  item(): Item {
    const value = this.bareItem();
    return { value, params: this.params() };
  }
  innerList(): InnerList {
    this.expect('(');
    const items: Item[] = [];
    for (;;) {
      this.skipSp();
      if (this.peek() === ')') {
        this.pos++;
        return { items, params: this.params() };
      }
      items.push(this.item());
      const next = this.peek();
      if (next !== ' ' && next !== ')') throw new StructuredFieldError(`bad inner list at ${this.pos}`);
    }
  }
  bareItem(): BareItem {
    const c = this.peek();
    const rest = this.s.slice(this.pos);
    if (c === '"') {
      let out = '';
      this.pos++;
      for (;;) {
        const ch = this.s[this.pos++];
        if (ch === undefined) throw new StructuredFieldError('unterminated string');
        if (ch === '"') return out;
        if (ch === '\\') {
          const esc = this.s[this.pos++];
          if (esc !== '"' && esc !== '\\') throw new StructuredFieldError('bad escape');
          out += esc;
        } else if (ch < ' ' || ch > '~') {
          throw new StructuredFieldError('non-printable character in string');
        } else {
          out += ch;
        }
      }
    }
    if (c === ':') {
      const m = /^:([A-Za-z0-9+/=]*):/.exec(rest);
      if (!m) throw new StructuredFieldError('bad byte sequence');
      this.pos += m[0].length;
      return new Uint8Array(Buffer.from(m[1]!, 'base64'));
    }
    if (c === '?') {
      if (rest[1] !== '0' && rest[1] !== '1') throw new StructuredFieldError('bad boolean');
      this.pos += 2;
      return rest[1] === '1';
    }
    const num = /^-?\d{1,15}(\.\d{1,3})?/.exec(rest);
    if (num) {
      if (num[1] === undefined && /^-?\d{16}/.test(rest)) throw new StructuredFieldError('integer too long');
      this.pos += num[0].length;
      return Number(num[0]);
    }
    const token = /^[A-Za-z*][!#$%&'*+\-.^_`|~0-9A-Za-z:/]*/.exec(rest);
    if (token) {
      this.pos += token[0].length;
      return { token: token[0] };
    }
    throw new StructuredFieldError(`unexpected input at ${this.pos}`);
  }
}
