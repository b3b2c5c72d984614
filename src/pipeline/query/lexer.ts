// Splits a query into tokens and validates each term where it stands, so errors point at it.
import type { TermNode } from './ast.ts'
import { QuerySyntaxError } from './errors.ts'
import { classifyBareWord } from './term-syntax.ts'
import { foldedTokens } from './fold.ts'

export type OperatorKind = 'and' | 'or' | 'not' | 'minus'

export type Token =
  | { kind: OperatorKind | 'lparen' | 'rparen' | 'eof'; pos: number }
  | { kind: 'term'; pos: number; node: TermNode }

/** Straight and typographic double quotes all open and close a phrase (pasted text has both). */
const QUOTES = new Set(['"', '\u201C', '\u201D'])
const SPACE = /\s/u

function isSpace(ch: string): boolean {
  return SPACE.test(ch)
}

function endsBareWord(ch: string): boolean {
  return isSpace(ch) || ch === '(' || ch === ')' || QUOTES.has(ch)
}

function lexPhrase(query: string, start: number): { token: Token; next: number } {
  let close = start + 1
  while (close < query.length && !QUOTES.has(query[close])) close++
  if (close >= query.length) throw new QuerySyntaxError(`Unclosed quote starting at position ${start}`, start)
  const value = query.slice(start + 1, close).normalize('NFC').trim().replace(/\s+/gu, ' ')
  if (value === '') throw new QuerySyntaxError(`Empty phrase "" at position ${start}`, start)
  if (foldedTokens(value).length === 0) {
    throw new QuerySyntaxError(`The phrase at position ${start} has no letters or digits to search for`, start)
  }
  return { token: { kind: 'term', pos: start, node: { type: 'phrase', value } }, next: close + 1 }
}

export function lex(query: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < query.length) {
    const ch = query[i]
    if (isSpace(ch)) {
      i++
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', pos: i })
      i++
    } else if (QUOTES.has(ch)) {
      const { token, next } = lexPhrase(query, i)
      tokens.push(token)
      i = next
    } else if (ch === '-') {
      // A leading dash negates what follows it directly: -spam, -"buy now", -(a OR b), -#tag.
      const following = query[i + 1]
      if (following === undefined || isSpace(following) || following === ')') {
        throw new QuerySyntaxError(`Expected a term after '-' at position ${i}`, i)
      }
      tokens.push({ kind: 'minus', pos: i })
      i++
    } else {
      let end = i
      while (end < query.length && !endsBareWord(query[end])) end++
      const raw = query.slice(i, end)
      if (raw === 'AND' || raw === 'OR' || raw === 'NOT') {
        tokens.push({ kind: raw === 'AND' ? 'and' : raw === 'OR' ? 'or' : 'not', pos: i })
      } else {
        tokens.push({ kind: 'term', pos: i, node: classifyBareWord(raw, i) })
      }
      i = end
    }
  }
  tokens.push({ kind: 'eof', pos: query.length })
  return tokens
}
