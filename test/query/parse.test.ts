import t, { type Test } from 'tap'
import { MAX_NESTING, MAX_TERMS, QuerySyntaxError, parse, print } from '../../src/pipeline/query/index.ts'
import type { QueryNode } from '../../src/pipeline/query/index.ts'

function syntaxError(t: Test, query: string, position: number, message: RegExp): void {
  try {
    parse(query)
    t.fail(`expected ${JSON.stringify(query)} to be rejected`)
  } catch (error) {
    t.ok(error instanceof QuerySyntaxError, `${JSON.stringify(query)} throws QuerySyntaxError`)
    const { position: actual, message: text } = error as QuerySyntaxError
    t.equal(actual, position, `position for ${JSON.stringify(query)}`)
    t.match(text, message, `message for ${JSON.stringify(query)}`)
  }
}

const word = (value: string): QueryNode => ({ type: 'word', value })

t.test('terms', async (t) => {
  t.same(parse('rust'), word('rust'))
  t.same(parse('"open   source "'), { type: 'phrase', value: 'open source' })
  t.same(parse('“open source”'), { type: 'phrase', value: 'open source' }, 'typographic quotes')
  t.same(parse('#Rust'), { type: 'hashtag', tag: 'Rust' })
  t.same(parse('@alice@mastodon.social'), { type: 'mention', handle: 'alice@mastodon.social' })
  t.same(parse('@alice.bsky.social'), { type: 'mention', handle: 'alice.bsky.social' })
  t.same(parse('rust LANG:FR'), { type: 'and', operands: [word('rust'), { type: 'lang', code: 'fr' }] })
  t.same(parse('rust network:x'), { type: 'and', operands: [word('rust'), { type: 'network', name: 'x' }] })
  t.same(parse('rust network:instagram'), { type: 'and', operands: [word('rust'), { type: 'network', name: 'instagram' }] })
  t.same(parse('e-mail'), word('e-mail'), 'an inner dash is part of the word')
  t.same(parse('https://example.org/a'), word('https://example.org/a'), 'addresses are words')
})

t.test('operators are upper-case; lower-case and/or/not are words', async (t) => {
  t.same(parse('cats and dogs'), { type: 'and', operands: [word('cats'), word('and'), word('dogs')] })
  t.same(parse('to be or not'), { type: 'and', operands: [word('to'), word('be'), word('or'), word('not')] })
  t.same(parse('"AND" rust'), { type: 'and', operands: [{ type: 'phrase', value: 'AND' }, word('rust')] })
})

t.test('precedence: NOT > AND > OR, implicit AND', async (t) => {
  t.same(parse('a OR b c'), { type: 'or', operands: [word('a'), { type: 'and', operands: [word('b'), word('c')] }] })
  t.same(parse('a b OR c'), { type: 'or', operands: [{ type: 'and', operands: [word('a'), word('b')] }, word('c')] })
  t.same(parse('a AND b OR c AND d'), parse('(a b) OR (c d)'))
  t.same(parse('NOT a b'), { type: 'and', operands: [{ type: 'not', operand: word('a') }, word('b')] })
  t.same(parse('b NOT a OR c'), {
    type: 'or',
    operands: [{ type: 'and', operands: [word('b'), { type: 'not', operand: word('a') }] }, word('c')],
  })
  t.same(parse('a (b OR c)'), { type: 'and', operands: [word('a'), { type: 'or', operands: [word('b'), word('c')] }] })
  t.same(parse('rust -"buy now" -(spam OR scam)'), {
    type: 'and',
    operands: [
      word('rust'),
      { type: 'not', operand: { type: 'phrase', value: 'buy now' } },
      { type: 'not', operand: { type: 'or', operands: [word('spam'), word('scam')] } },
    ],
  })
  t.same(parse('(a b) c'), parse('a b c'), 'groups of the same operator are flattened')
  t.same(parse('a OR (b OR c)'), parse('a OR b OR c'))
})

t.test('syntax errors point at the problem', async (t) => {
  syntaxError(t, 'rust "open source', 5, /^Unclosed quote starting at position 5$/)
  syntaxError(t, 'rust NOT', 5, /^Expected a term after NOT at position 5$/)
  syntaxError(t, 'rust AND', 5, /Expected a term after AND at position 5/)
  syntaxError(t, 'rust OR OR go', 5, /Expected a term after OR at position 5/)
  syntaxError(t, 'OR rust', 0, /Expected a term before OR at position 0/)
  syntaxError(t, '(AND rust)', 1, /Expected a term before AND at position 1/)
  syntaxError(t, 'rust - go', 5, /Expected a term after '-' at position 5/)
  syntaxError(t, 'rust (go', 5, /Unbalanced parenthesis: '\(' at position 5 is never closed/)
  syntaxError(t, 'rust go)', 7, /Unbalanced parenthesis: '\)' at position 7 has no matching '\('/)
  syntaxError(t, 'rust ()', 5, /Empty parentheses at position 5/)
  syntaxError(t, '   ', 0, /The query is empty/)
  syntaxError(t, 'rust ""', 5, /Empty phrase/)
  syntaxError(t, 'rust #', 5, /Expected a hashtag name after '#' at position 5/)
  syntaxError(t, 'rust #foo-bar', 5, /only letters, digits and underscores/)
  syntaxError(t, 'rust @', 5, /Expected a handle after '@'/)
  syntaxError(t, 'rust lang:eng', 5, /ISO 639-1/)
  syntaxError(t, 'rust lang:xx', 5, /ISO 639-1/)
  syntaxError(t, 'rust network:!x', 5, /network: expects a network name/)
  syntaxError(t, 'rust network:9gag', 5, /network: expects a network name/)
  syntaxError(t, 'rust from:alice', 5, /Unknown filter 'from:' at position 5/)
  syntaxError(t, 'rust || go', 5, /Use OR instead of '\|\|' at position 5/)
  syntaxError(t, 'rust ...', 5, /no letters or digits/)
})

t.test('queries with nothing to look for are rejected', async (t) => {
  syntaxError(t, '-spam', 0, /^The query has nothing to look for/)
  syntaxError(t, 'NOT spam -"buy now"', 0, /nothing to look for/)
  syntaxError(t, 'lang:fr network:x', 0, /nothing to look for/)
  syntaxError(t, 'rust OR -spam', 8, /'-spam' at position 8 has nothing to look for/)
  syntaxError(t, 'rust OR (lang:fr -spam)', 9, /'lang:fr -spam' at position 9/)
  syntaxError(t, 'NOT (rust go)', 5, /'-rust' at position 5 has nothing to look for/)
  t.ok(parse('NOT NOT rust'), 'a double negation looks for rust')
  t.ok(parse('NOT (-rust OR -go)'), 'De Morgan: rust and go')
  t.ok(parse('(rust OR #go) -spam lang:fr network:mastodon'))
})

t.test('limits', async (t) => {
  syntaxError(t, 'a'.repeat(1001), 1000, /too long: 1001 characters, at most 1000/)
  t.ok(parse('a'.repeat(1000)), 'exactly 1000 characters is allowed')
  const terms = Array.from({ length: MAX_TERMS + 1 }, (_, i) => `w${i}`)
  t.ok(parse(terms.slice(0, MAX_TERMS).join(' ')), '50 terms are allowed')
  const position = terms.slice(0, MAX_TERMS).join(' ').length + 1
  syntaxError(t, terms.join(' '), position, new RegExp(`at most ${MAX_TERMS} .*position ${position}`))
  const nested = (depth: number) => '('.repeat(depth) + 'rust' + ')'.repeat(depth)
  t.ok(parse(nested(MAX_NESTING)), '20 levels are allowed')
  syntaxError(t, nested(MAX_NESTING + 1), MAX_NESTING, /nested too deeply/)
  syntaxError(t, `${'NOT '.repeat(MAX_NESTING + 1)}rust`, MAX_NESTING * 4, /nested too deeply/)
})

t.test('canonical print', async (t) => {
  t.equal(print(parse('a   AND b')), 'a b')
  t.equal(print(parse('b NOT a')), 'b -a')
  t.equal(print(parse('NOT (a OR b) c')), 'NOT (a OR b) c')
  t.equal(print(parse('(a b) OR c')), 'a b OR c')
  t.equal(print(parse('a (b OR c)')), 'a (b OR c)')
  t.equal(print(parse('NOT NOT a')), 'NOT -a')
  t.equal(print(parse('“Café  crème” LANG:FR -#Spam')), '"Café crème" lang:fr -#Spam')
})
