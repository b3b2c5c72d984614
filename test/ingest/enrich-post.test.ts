// enrichPost: what ingest stores for a post — merged entities, language, sentiment, question flag.
import fc from 'fast-check'
import t from 'tap'
import { enrichPost } from '../../src/pipeline/ingest/enrich/index.ts'
import type { NormalizedPost } from '../../src/pipeline/networks/model.ts'

function post(overrides: Partial<NormalizedPost>): NormalizedPost {
  return {
    network: 'mastodon',
    externalId: 'https://example.social/users/alice/statuses/1',
    authorExternalId: 'alice@example.social',
    createdAt: new Date('2024-05-01T10:00:00Z'),
    text: '',
    lang: null,
    url: null,
    replyToExternalId: null,
    replyToAuthorExternalId: null,
    repostOfExternalId: null,
    quoteOfExternalId: null,
    likes: 3,
    reposts: 1,
    replies: 0,
    quotes: 0,
    hashtags: [],
    mentions: [],
    links: [],
    ...overrides,
  }
}

t.test('keeps every field of the normalised post', async (t) => {
  const input = post({ text: 'hello', likes: 7, replyToExternalId: 'r1', url: 'https://example.social/@alice/1' })
  const enriched = enrichPost(input)
  for (const [key, value] of Object.entries(input)) {
    if (!['hashtags', 'mentions', 'links', 'lang'].includes(key)) t.same(enriched[key as keyof typeof enriched], value, key)
  }
})

t.test('merges network entities with the text, network first', async (t) => {
  const enriched = enrichPost(
    post({
      text: 'Loving #RustLang and #café today, cc @bob and @carol@other.example https://example.com/a',
      hashtags: ['RUSTLANG', 'tokio'],
      mentions: [{ externalId: 'bob@example.social', handle: 'bob@example.social' }],
      links: ['https://example.com/a/'],
    }),
  )
  t.same(enriched.hashtags, ['rustlang', 'tokio', 'café'], 'lower-cased, deduplicated')
  t.same(
    enriched.mentions,
    [
      { externalId: 'bob@example.social', handle: 'bob@example.social' },
      { externalId: null, handle: 'carol@other.example' },
    ],
    'the text @bob is the network’s bob@example.social and keeps its id',
  )
  t.same(enriched.links, ['https://example.com/a/'], 'a link differing by a trailing slash is the same link')
})

t.test('X t.co links are not added next to the expanded URLs', async (t) => {
  const enriched = enrichPost(post({ network: 'x', text: 'New post https://t.co/abc123', links: ['https://blog.example/post'] }))
  t.same(enriched.links, ['https://blog.example/post'])
  const alone = enrichPost(post({ network: 'x', text: 'New post https://t.co/abc123' }))
  t.same(alone.links, ['https://t.co/abc123'], 'kept when the network gave no link')
})

t.test('Reddit mentions from text', async (t) => {
  const enriched = enrichPost(post({ network: 'reddit', text: 'Thanks u/helpful_person, that fixed it', lang: 'en' }))
  t.same(enriched.mentions, [{ externalId: null, handle: 'u/helpful_person' }])
})

t.test('language: the network wins, detection fills in', async (t) => {
  const given = enrichPost(post({ text: 'Das ist wirklich ein sehr schöner Tag heute', lang: 'fr' }))
  t.equal(given.lang, 'fr', 'the network’s language is kept even when the text disagrees')
  t.equal(given.langDetected, false)
  t.equal(given.searchConfig, 'french')

  const regional = enrichPost(post({ text: 'Olá a todos', lang: 'pt-BR' }))
  t.equal(regional.lang, 'pt', 'region dropped')
  t.equal(regional.langDetected, false)

  const detected = enrichPost(post({ text: 'Das ist wirklich ein sehr schöner Tag heute', lang: null }))
  t.equal(detected.lang, 'de')
  t.equal(detected.langDetected, true)
  t.equal(detected.searchConfig, 'german')

  const undetermined = enrichPost(post({ network: 'x', text: 'Het is vandaag een hele mooie dag in Utrecht', lang: 'und' }))
  t.equal(undetermined.lang, 'nl', "X's 'und' means detect")
  t.equal(undetermined.langDetected, true)

  const unsure = enrichPost(post({ text: 'ok 👍', lang: null }))
  t.equal(unsure.lang, null)
  t.equal(unsure.langDetected, false)
  t.equal(unsure.searchConfig, 'simple')
  t.equal(unsure.sentiment, null, 'no language, no sentiment')
})

t.test('sentiment and question use the resolved language', async (t) => {
  const happy = enrichPost(post({ text: "C'est vraiment génial, merci à toute l'équipe !", lang: 'fr' }))
  t.ok(happy.sentiment !== null && happy.sentiment > 0, `positive (${happy.sentiment})`)
  t.equal(happy.isQuestion, false)

  const asking = enrichPost(post({ text: 'Weiß jemand, warum die App heute so langsam ist', lang: null }))
  t.equal(asking.lang, 'de')
  t.equal(asking.isQuestion, true)

  const japanese = enrichPost(post({ text: '今日はとても良い天気ですね', lang: 'ja' }))
  t.equal(japanese.sentiment, null)
  t.equal(japanese.searchConfig, 'simple')
})

t.test('does not modify its input', async (t) => {
  const input = post({ text: '#Tag @bob https://example.com', hashtags: ['Other'] })
  const snapshot = structuredClone(input)
  enrichPost(input)
  t.same(input, snapshot)
})

t.test('any text: no crash, values in their ranges', async (t) => {
  const pieces = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom('#', '@', 'u/', 'https://', 'www.', '?', '¿', "'", '’', '-', '#café', '@a@b.c', ' not ', ' pas ', '😂', '\n'),
  )
  const texts = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(''))
  const langs = fc.constantFrom(null, 'en', 'fr', 'es', 'de', 'it', 'pt', 'nl', 'ja', 'und')
  fc.assert(
    fc.property(texts, langs, (text, lang) => {
      const enriched = enrichPost(post({ text, lang }))
      const sentimentOk = enriched.sentiment === null || (enriched.sentiment >= -1 && enriched.sentiment <= 1)
      const tagsOk = enriched.hashtags.every((tag) => tag.length > 0 && tag === tag.toLowerCase() && !tag.startsWith('#'))
      const mentionsOk = enriched.mentions.every((mention) => mention.handle.length > 0)
      const linksOk = enriched.links.every((link) => /^https?:\/\//i.test(link))
      return sentimentOk && tagsOk && mentionsOk && linksOk && typeof enriched.isQuestion === 'boolean'
    }),
    { numRuns: 500 },
  )
  t.pass('500 generated posts enriched')
})
