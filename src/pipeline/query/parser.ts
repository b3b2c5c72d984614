// Recursive descent over the tokens. Grammar, loosest first (NOT > AND > OR):
//   query   := or EOF
//   or      := and ("OR" and)*
//   and     := unary (["AND"] unary)*        adjacent terms are joined by AND
//   unary   := ("NOT" | "-") unary | primary
//   primary := term | "(" or ")"
import type { QueryNode } from './ast.ts'
import { group } from './ast.ts'
import { findUnanchoredPart } from './anchoring.ts'
import { QuerySyntaxError } from './errors.ts'
import type { Token } from './lexer.ts'
import { lex } from './lexer.ts'
import { MAX_NESTING, MAX_QUERY_LENGTH, MAX_TERMS } from './limits.ts'
import { print } from './print.ts'

const OPERATOR_LABEL: Partial<Record<Token['kind'], string>> = { and: 'AND', or: 'OR', not: 'NOT', minus: "'-'" }

class Parser {
  private index = 0
  private depth = 0
  private terms = 0
  /** Where each node starts, for messages about a part of the query. */
  readonly positions = new WeakMap<QueryNode, number>()

  constructor(private readonly tokens: Token[]) {}

  parseQuery(): QueryNode {
    const node = this.parseOr(null)
    const rest = this.peek()
    if (rest.kind === 'rparen') throw unmatchedClose(rest.pos)
    return node
  }

  private peek(): Token {
    return this.tokens[this.index]
  }

  private next(): Token {
    return this.tokens[this.index++]
  }

  private located(node: QueryNode, pos: number): QueryNode {
    if (!this.positions.has(node)) this.positions.set(node, pos)
    return node
  }

  private parseOr(after: Token | null): QueryNode {
    const start = this.peek().pos
    const operands = [this.parseAnd(after)]
    while (this.peek().kind === 'or') operands.push(this.parseAnd(this.next()))
    return operands.length === 1 ? operands[0] : this.located(group('or', operands), start)
  }

  private parseAnd(after: Token | null): QueryNode {
    const start = this.peek().pos
    const operands = [this.parseUnary(after)]
    for (;;) {
      const token = this.peek()
      if (token.kind === 'and') {
        this.next()
        operands.push(this.parseUnary(token))
      } else if (token.kind === 'term' || token.kind === 'lparen' || token.kind === 'not' || token.kind === 'minus') {
        operands.push(this.parseUnary(null))
      } else {
        break
      }
    }
    return operands.length === 1 ? operands[0] : this.located(group('and', operands), start)
  }

  private parseUnary(after: Token | null): QueryNode {
    const token = this.peek()
    if (token.kind !== 'not' && token.kind !== 'minus') return this.parsePrimary(after)
    this.next()
    this.enter(token.pos)
    const operand = this.parseUnary(token)
    this.depth--
    return this.located({ type: 'not', operand }, token.pos)
  }

  private parsePrimary(after: Token | null): QueryNode {
    const token = this.next()
    if (token.kind === 'term') {
      this.terms++
      if (this.terms > MAX_TERMS) {
        throw new QuerySyntaxError(
          `Too many terms: a query may hold at most ${MAX_TERMS} words, phrases, hashtags, handles and filters (term ${this.terms} is at position ${token.pos})`,
          token.pos,
        )
      }
      return this.located(token.node, token.pos)
    }
    if (token.kind === 'lparen') {
      this.enter(token.pos)
      const inner = this.parseOr(token)
      if (this.next().kind !== 'rparen') throw unclosedOpen(token.pos)
      this.depth--
      return inner
    }
    throw expectedTerm(after, token)
  }

  private enter(pos: number): void {
    this.depth++
    if (this.depth > MAX_NESTING) {
      throw new QuerySyntaxError(
        `The query is nested too deeply at position ${pos}: at most ${MAX_NESTING} levels of parentheses and negations`,
        pos,
      )
    }
  }
}

function unmatchedClose(pos: number): QuerySyntaxError {
  return new QuerySyntaxError(`Unbalanced parenthesis: ')' at position ${pos} has no matching '('`, pos)
}

function unclosedOpen(pos: number): QuerySyntaxError {
  return new QuerySyntaxError(`Unbalanced parenthesis: '(' at position ${pos} is never closed`, pos)
}

/** Explains a missing term from what came before it (`after`) and what stands in its place. */
function expectedTerm(after: Token | null, found: Token): QuerySyntaxError {
  const afterLabel = after === null ? undefined : OPERATOR_LABEL[after.kind]
  if (after !== null && afterLabel !== undefined) {
    return new QuerySyntaxError(`Expected a term after ${afterLabel} at position ${after.pos}`, after.pos)
  }
  if (found.kind === 'and' || found.kind === 'or') {
    const label = OPERATOR_LABEL[found.kind] ?? found.kind
    return new QuerySyntaxError(`Expected a term before ${label} at position ${found.pos}`, found.pos)
  }
  if (after?.kind === 'lparen') {
    return found.kind === 'rparen'
      ? new QuerySyntaxError(`Empty parentheses at position ${after.pos}`, after.pos)
      : unclosedOpen(after.pos)
  }
  if (found.kind === 'rparen') return unmatchedClose(found.pos)
  return new QuerySyntaxError('The query is empty: type words, "phrases", #hashtags or @handles to look for', 0)
}

/** Parses a topic query into its canonical tree, or throws a `QuerySyntaxError`. */
export function parse(query: string): QueryNode {
  if (query.length > MAX_QUERY_LENGTH) {
    throw new QuerySyntaxError(
      `The query is too long: ${query.length} characters, at most ${MAX_QUERY_LENGTH}`,
      MAX_QUERY_LENGTH,
    )
  }
  const parser = new Parser(lex(query))
  const tree = parser.parseQuery()
  const unanchored = findUnanchoredPart(tree)
  if (unanchored !== null) {
    const position =
      parser.positions.get(unanchored) ??
      (unanchored.type === 'not' ? parser.positions.get(unanchored.operand) : undefined) ??
      0
    const where = unanchored === tree ? 'The query' : `'${print(unanchored)}' at position ${position}`
    throw new QuerySyntaxError(
      `${where} has nothing to look for: add a word, "phrase", #hashtag or @handle that posts must contain. ` +
        'Exclusions and filters alone (-word, NOT, lang:, network:) would collect every post',
      unanchored === tree ? 0 : position,
    )
  }
  return tree
}
