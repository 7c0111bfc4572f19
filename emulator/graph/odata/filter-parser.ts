import { badRequest } from '../errors';

export type Literal = string | number | boolean | null;
export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

/** A property path; inside a lambda its first segment is the lambda's variable (`a/teamsApp/id`). */
export interface PropertyPath {
  segments: string[];
}

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: CompareOp; path: PropertyPath; value: Literal }
  | { kind: 'in'; path: PropertyPath; values: Literal[] }
  | { kind: 'call'; name: 'startswith' | 'endswith' | 'contains'; path: PropertyPath; value: Literal }
  | { kind: 'lambda'; name: 'any' | 'all'; path: PropertyPath; variable: string; predicate: FilterNode };

type Token = { type: 'punct'; text: '(' | ')' | ',' | ':' } | { type: 'string'; text: string } | { type: 'word'; text: string };

const COMPARE_OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

/** Parses the `$filter` subset Graph clients use: comparisons, `in`, `startswith`/`endswith`, `any`/`all`, and/or/not. */
export function parseFilter(text: string): FilterNode {
  const parser = new Parser(tokenize(text), text);
  const node = parser.expression();
  parser.expectEnd();
  return node;
}

function invalid(text: string, detail: string): never {
  throw badRequest(`Invalid filter clause: ${detail} in '${text}'.`, 'Request_BadRequest');
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (/\s/.test(char)) index += 1;
    else if (char === '(' || char === ')' || char === ',' || char === ':') {
      tokens.push({ type: 'punct', text: char });
      index += 1;
    } else if (char === "'") index = readString(text, index, tokens);
    else {
      const match = /^[^\s(),:']+/.exec(text.slice(index));
      if (!match) invalid(text, `unexpected character '${char}'`);
      tokens.push({ type: 'word', text: match[0] });
      index += match[0].length;
    }
  }
  return tokens;
}

/** A quoted literal; `''` inside it is one quote, as OData escapes it. */
function readString(text: string, start: number, tokens: Token[]): number {
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    if (text[index] === "'") {
      if (text[index + 1] === "'") {
        value += "'";
        index += 2;
        continue;
      }
      tokens.push({ type: 'string', text: value });
      return index + 1;
    }
    value += text[index];
    index += 1;
  }
  return invalid(text, 'unterminated string literal');
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[], private readonly text: string) {}

  expression(): FilterNode {
    let left = this.conjunction();
    while (this.peekWord('or')) {
      this.position += 1;
      left = { kind: 'or', left, right: this.conjunction() };
    }
    return left;
  }

  expectEnd(): void {
    if (this.position < this.tokens.length) invalid(this.text, `unexpected '${this.tokens[this.position]!.text}'`);
  }

  private conjunction(): FilterNode {
    let left = this.unary();
    while (this.peekWord('and')) {
      this.position += 1;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.peekWord('not')) {
      this.position += 1;
      return { kind: 'not', operand: this.unary() };
    }
    if (this.peekPunct('(')) {
      this.position += 1;
      const inner = this.expression();
      this.expectPunct(')');
      return inner;
    }
    return this.predicate();
  }

  private predicate(): FilterNode {
    const word = this.next();
    if (word.type !== 'word') return invalid(this.text, `expected a property, found '${word.text}'`);
    if (this.peekPunct('(')) return this.callOrLambda(word.text);
    const path = toPath(word.text);
    const op = this.next();
    const keyword = op.text.toLowerCase();
    if (op.type === 'word' && COMPARE_OPS.has(keyword)) return { kind: 'compare', op: keyword as CompareOp, path, value: this.literal() };
    if (op.type === 'word' && keyword === 'in') return { kind: 'in', path, values: this.literalList() };
    return invalid(this.text, `expected an operator after '${word.text}'`);
  }

  private callOrLambda(word: string): FilterNode {
    this.expectPunct('(');
    const lambda = /^(.*)\/(any|all)$/i.exec(word);
    if (lambda) {
      const variable = this.next();
      if (variable.type !== 'word') return invalid(this.text, 'expected a lambda variable');
      this.expectPunct(':');
      const predicate = this.expression();
      this.expectPunct(')');
      return { kind: 'lambda', name: lambda[2]!.toLowerCase() as 'any' | 'all', path: toPath(lambda[1]!), variable: variable.text, predicate };
    }
    const name = word.toLowerCase();
    if (name !== 'startswith' && name !== 'endswith' && name !== 'contains') return invalid(this.text, `unknown function '${word}'`);
    const property = this.next();
    if (property.type !== 'word') return invalid(this.text, `expected a property in ${word}()`);
    this.expectPunct(',');
    const value = this.literal();
    this.expectPunct(')');
    return { kind: 'call', name, path: toPath(property.text), value };
  }

  private literal(): Literal {
    const token = this.next();
    if (token.type === 'string') return token.text;
    if (token.type === 'word') {
      const lower = token.text.toLowerCase();
      if (lower === 'true' || lower === 'false') return lower === 'true';
      if (lower === 'null') return null;
      if (/^-?\d+(\.\d+)?$/.test(token.text)) return Number(token.text);
      // Unquoted GUIDs and dates are literals in OData too.
      if (/^[0-9a-f-]{36}$/i.test(token.text) || /^\d{4}-\d{2}-\d{2}/.test(token.text)) return token.text;
    }
    return invalid(this.text, `expected a literal, found '${token.text}'`);
  }

  private literalList(): Literal[] {
    this.expectPunct('(');
    const values = [this.literal()];
    while (this.peekPunct(',')) {
      this.position += 1;
      values.push(this.literal());
    }
    this.expectPunct(')');
    return values;
  }

  private next(): Token {
    const token = this.tokens[this.position];
    if (!token) return invalid(this.text, 'unexpected end of clause');
    this.position += 1;
    return token;
  }

  private peekWord(word: string): boolean {
    const token = this.tokens[this.position];
    return token?.type === 'word' && token.text.toLowerCase() === word;
  }

  private peekPunct(text: string): boolean {
    const token = this.tokens[this.position];
    return token?.type === 'punct' && token.text === text;
  }

  private expectPunct(text: string): void {
    if (!this.peekPunct(text)) invalid(this.text, `expected '${text}'`);
    this.position += 1;
  }
}

/** Splits `a/teamsApp/id`, dropping type casts such as `microsoft.graph.aadUserConversationMember`. */
function toPath(text: string): PropertyPath {
  const segments = text.split('/').filter((segment) => segment && !/^microsoft\.graph\./i.test(segment));
  return { segments };
}
