import t from 'tap'
import { compileMatcher, compileQuery, matchedTerms, matches, parse, preparePost } from '../../src/pipeline/query/index.ts'
import type { MatchablePost } from '../../src/pipeline/query/index.ts'

function post(text: string, extra: Partial<MatchablePost> = {}): MatchablePost {
  return { text, hashtags: [], mentions: [], lang: null, network: 'mastodon', ...extra }
}

const check = (query: string, subject: MatchablePost): boolean => matches(parse(query), subject)

t.test('words match whole words, folded', async (t) => {
  t.ok(check('cat', post('A CAT sat')))
  t.notOk(check('cat', post('a category of its own')), 'cat does not match category')
  t.ok(check('café', post('Un cafe noir')))
  t.ok(check('cafe', post('UN CAFÉ NOIR')))
  t.ok(check('CAFÉ', post('café')))
  t.ok(check('naïve', post('so naive')))
  t.ok(check('rust', post('𝐫𝐮𝐬𝐭 is great')), 'styled letters fold to plain ones')
  t.ok(check('e-mail', post('send an e mail')), 'a word with a dash is its parts in a row')
  t.ok(check('école', post("à l'école")))
  t.notOk(check('e-mail', post('mail e')))
  t.ok(check('rust', post('loving #rust')), 'a word also finds the hashtag written in the text')
  t.ok(check('🦀', post('rust🦀rocks')), 'an emoji is a token of its own')
  t.ok(check('❤️', post('I ❤ rust')), 'with or without its variation selector')
  t.ok(check('👩‍💻', post('hello 👩‍💻!')))
  t.notOk(check('👩‍💻', post('👩 then 💻')))
})

t.test('phrases match consecutive tokens', async (t) => {
  t.ok(check('"open source"', post('We love Open-Source software')))
  t.notOk(check('"open source"', post('open the source')))
  t.notOk(check('"open source"', post('source open')))
  t.ok(check('"café crème"', post('Un CAFE, CRÈME!')))
})

t.test('hashtags match the list or #tag in the text, never the plain word', async (t) => {
  t.ok(check('#Rust', post('nothing here', { hashtags: ['rust'] })))
  t.ok(check('#café', post('nothing', { hashtags: ['CAFE'] })))
  t.ok(check('#rust', post('I like #RUST a lot')))
  t.notOk(check('#rust', post('I like rust a lot')))
  t.notOk(check('#rust', post('I like #rustlang')))
})

t.test('handles match mentions or the author', async (t) => {
  const mentioning = post('hi', { mentions: [{ handle: 'Alice@Mastodon.Social' }, { handle: 'bob.bsky.social' }] })
  t.ok(check('@alice@mastodon.social', mentioning))
  t.ok(check('@alice', mentioning), 'a handle without server finds user@server')
  t.notOk(check('@alice@other.social', mentioning), 'a full handle must match exactly')
  t.ok(check('@bob.bsky.social', mentioning))
  t.notOk(check('@bob', mentioning), 'a dotted handle is a whole handle')
  t.ok(check('@carol', post('hi', { authorHandle: 'carol' })), 'the author counts')
  t.ok(check('@carol', post('hi', { authorHandle: 'u/carol', network: 'reddit' })), 'Reddit u/ prefix')
  t.notOk(check('@alice', post('hello @alice')), 'text alone is not a mention')
})

t.test('lang and network filters', async (t) => {
  t.ok(check('rust lang:en', post('rust', { lang: 'en-US' })))
  t.ok(check('rust lang:pt', post('rust', { lang: 'pt_BR' })))
  t.notOk(check('rust lang:en', post('rust', { lang: null })))
  t.ok(check('rust -lang:en', post('rust', { lang: null })))
  t.ok(check('rust network:x', post('rust', { network: 'X' })))
  t.notOk(check('rust network:x', post('rust', { network: 'bluesky' })))
  t.ok(check('rust -network:x', post('rust', { network: 'bluesky' })))
})

t.test('boolean structure', async (t) => {
  const query = parse('(rust OR #golang) -"buy now" NOT spam')
  const run = compileMatcher(query)
  t.ok(run(post('rust is fine')))
  t.ok(run(post('#golang too')))
  t.notOk(run(post('rust: buy now!')))
  t.notOk(run(post('rust spam')))
  t.notOk(run(post('nothing')))
  t.ok(check('to be or not', post('To be, or not')), 'lower-case operators are words')
})

t.test('matched terms list the positive terms found', async (t) => {
  const query = parse('(rust OR #golang OR "open source") -spam @alice lang:en')
  const subject = post('Rust and #GoLang', { mentions: [{ handle: 'alice@x.y' }], lang: 'en' })
  t.same(matchedTerms(query, subject), ['rust', '#golang', '@alice'])
  t.same(matchedTerms(parse('rust NOT (NOT go)'), post('rust go')), ['rust', 'go'], 'a double negation is positive')
  const compiled = compileQuery(query)
  const prepared = preparePost(subject)
  t.ok(compiled.matchesPrepared(prepared))
  t.same(compiled.matchedTermsPrepared(prepared), ['rust', '#golang', '@alice'])
})
