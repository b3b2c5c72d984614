// Hashtags, mentions and links written in post text: what a user would see listed for a post.
import t from 'tap'
import { extractHashtags, extractLinks, extractMentions } from '../../src/pipeline/ingest/enrich/index.ts'

const handles = (text: string): string[] => extractMentions(text).map((mention) => mention.handle)

t.test('hashtags', async (t) => {
  t.same(extractHashtags('Loving #rustlang and #RustLang today'), ['rustlang'], 'lower-cased and deduplicated')
  t.same(extractHashtags('#café #Straße #日本語 #über_cool'), ['café', 'straße', '日本語', 'über_cool'], 'Unicode letters')
  t.same(extractHashtags('#cafe\u0301 and #café'), ['café'], 'decomposed accents fold into the composed tag')
  t.same(extractHashtags('Round #1 and #123'), [], 'digits alone are not a tag')
  t.same(extractHashtags('#2024goals'), ['2024goals'], 'digits then letters are a tag')
  t.same(extractHashtags('see example.com/#section and page.html#top'), [], 'URL fragments without a scheme')
  t.same(extractHashtags('https://example.com/a?tag=#x and https://example.com/#y'), [], 'inside links')
  t.same(extractHashtags('C# is fine, &#39; too'), [], 'C# and HTML entities')
  t.same(extractHashtags('(#tag1), #tag2. "#tag3"'), ['tag1', 'tag2', 'tag3'], 'punctuation around tags')
  t.same(extractHashtags('＃全角'), ['全角'], 'full-width hash sign')
  t.same(extractHashtags(''), [])
})

t.test('mentions', async (t) => {
  t.same(handles('cc @alice'), ['alice'], 'plain handle')
  t.same(handles('hi @Bob@Mastodon.Social!'), ['Bob@mastodon.social'], 'fediverse handle, host lower-cased')
  t.same(handles('thanks @carol.bsky.social.'), ['carol.bsky.social'], 'Bluesky domain handle without the final dot')
  t.same(handles('ask u/dave or /u/Erin_9'), ['u/dave', 'u/Erin_9'], 'Reddit users')
  t.same(handles('mail dave@example.com or contact:bob@example.org'), [], 'e-mail addresses are not mentions')
  t.same(handles('r/typescript and reddit.com/u/frank'), [], 'subreddits and bare profile paths')
  t.same(handles('https://mastodon.social/@zed and https://bsky.app/profile/amy.bsky.social'), [], 'inside links')
  t.same(handles('@alice @ALICE @alice'), ['alice'], 'deduplicated case-insensitively')
  t.same(handles('@bob, then @alice@host.example, then u/carol'), ['bob', 'alice@host.example', 'u/carol'], 'in order written')
  t.same(handles('@josé'), [], 'no half handle cut at a non-ASCII letter')
  t.same(handles('@bob. Next sentence'), ['bob'], 'sentence punctuation after a plain handle')
  t.ok(
    extractMentions('@alice').every((mention) => mention.externalId === null),
    'ids from text are unknown',
  )
})

t.test('links', async (t) => {
  t.same(extractLinks('read https://example.com/post.'), ['https://example.com/post'], 'sentence period dropped')
  t.same(
    extractLinks('see https://en.wikipedia.org/wiki/Foo_(bar), (and https://example.com/x)'),
    ['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://example.com/x'],
    'parentheses kept only when they belong to the URL',
  )
  t.same(extractLinks('go to www.example.org/path?'), ['https://www.example.org/path'], 'www. links get https://')
  t.same(extractLinks('https://example.com/a?b=1&c=2#frag'), ['https://example.com/a?b=1&c=2#frag'], 'query and fragment kept')
  t.same(extractLinks('https://trunc.example/very/lo… and http://localhost:3000'), [], 'truncated and host-less links')
  t.same(extractLinks('HTTPS://EXAMPLE.COM/x https://EXAMPLE.COM/x'), ['HTTPS://EXAMPLE.COM/x', 'https://EXAMPLE.COM/x'], 'written form kept')
  t.same(extractLinks('https://a.example https://a.example'), ['https://a.example'], 'deduplicated')
  t.same(extractLinks('https://example.com/café'), ['https://example.com/café'], 'Unicode paths')
  t.same(extractLinks('example.com and foo.bar'), [], 'bare domains are not taken')
  t.same(extractLinks('email me: bob@www.example.com'), [], 'an e-mail host is not a link')
})
