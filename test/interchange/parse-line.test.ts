import t from 'tap'
import fc from 'fast-check'
import { formatRecord, parseLine, type InterchangeRecord } from '../../src/pipeline/interchange/index.ts'

const ok = (line: string): InterchangeRecord => {
  const parsed = parseLine(line)
  if (!parsed.ok) throw new Error(`expected a record, got: ${parsed.reason}`)
  return parsed.record
}
const reason = (line: string): string => {
  const parsed = parseLine(line)
  if (parsed.ok) throw new Error(`expected a bad line, got ${JSON.stringify(parsed.record)}`)
  return parsed.reason
}

t.test('each record type of the contract parses', async (t) => {
  t.same(ok('{"type":"account","network":"mastodon","id":"alice@example.social","handle":"alice@example.social","displayName":"Alice","followersCount":12,"followingCount":3,"postsCount":40,"bio":"Vélo"}'), {
    type: 'account', network: 'mastodon', id: 'alice@example.social', handle: 'alice@example.social', displayName: 'Alice',
    followersCount: 12, followingCount: 3, postsCount: 40, bio: 'Vélo',
  })
  t.same(ok('{"type":"post","network":"instagram","id":"p1","authorId":"a1","createdAt":"2024-05-01T14:00:00+02:00","text":"Salut","lang":"fr","url":"https://i.example/p1","replyTo":"p0","repostOf":"p9","quoteOf":"p8","likes":1,"reposts":2,"replies":3}'), {
    type: 'post', network: 'instagram', id: 'p1', authorId: 'a1', createdAt: new Date('2024-05-01T12:00:00Z'), text: 'Salut', lang: 'fr',
    url: 'https://i.example/p1', replyTo: 'p0', repostOf: 'p9', quoteOf: 'p8', likes: 1, reposts: 2, replies: 3,
  })
  t.same(ok('{"type":"follow","network":"linkedin","followerId":"a","followeeId":"b"}'), { type: 'follow', network: 'linkedin', followerId: 'a', followeeId: 'b' })
})

t.test('optional fields may be absent or null; unknown fields are ignored', async (t) => {
  const minimal = { type: 'account', network: 'x', id: '42', handle: '42', displayName: null, followersCount: null, followingCount: null, postsCount: null, bio: null }
  t.same(ok('{"type":"account","network":"x","id":"42"}'), minimal, 'a missing handle is the id')
  t.same(ok('{"type":"account","network":"x","id":"42","handle":null,"displayName":null,"bio":null,"followersCount":null,"avatar":"https://x.example/a.png","nested":{"a":1}}'), minimal)
  t.same(ok('{"network":"x","createdAt":"2024-01-01T00:00:00Z","type":"post","id":"p","views":10}'), {
    type: 'post', network: 'x', id: 'p', authorId: null, createdAt: new Date('2024-01-01T00:00:00Z'), text: '', lang: null, url: null,
    replyTo: null, repostOf: null, quoteOf: null, likes: 0, reposts: 0, replies: 0,
  }, '`type` need not come first on input; counts default to 0, text to empty')
})

t.test('language tags are reduced to ISO 639-1 as ingest stores them', async (t) => {
  const lang = (tag: string) => (ok(`{"type":"post","network":"x","id":"p","createdAt":"2024-01-01T00:00:00Z","lang":${JSON.stringify(tag)}}`) as { lang: string | null }).lang
  t.equal(lang('fr-CA'), 'fr')
  t.equal(lang('EN'), 'en')
  t.equal(lang('und'), null, 'not a language: as if absent (ingest detects one)')
})

t.test('each kind of bad line says why', async (t) => {
  t.match(reason('{"type":"post",'), /^not valid JSON/)
  t.equal(reason('[1,2]'), 'not a JSON object')
  t.equal(reason('"account"'), 'not a JSON object')
  t.match(reason('{"network":"x","id":"1"}'), /missing "type"/)
  t.match(reason('{"type":"comment","network":"x","id":"1"}'), /unknown type "comment"/)
  t.equal(reason('{"type":"account","network":"x"}'), 'account: id is missing')
  t.equal(reason('{"type":"account","network":"x","id":""}'), 'account: id must not be empty')
  t.match(reason(`{"type":"account","network":"x","id":"${'a'.repeat(1001)}"}`), /id must be at most 1000 characters/)
  t.match(reason('{"type":"account","network":"X!","id":"1"}'), /network must be a network name/)
  t.match(reason('{"type":"post","network":"x","id":"p","createdAt":"yesterday"}'), /createdAt must be an ISO-8601 date-time/)
  t.match(reason('{"type":"post","network":"x","id":"p","createdAt":"2024-02-30T00:00:00Z"}'), /createdAt must be an ISO-8601/)
  t.match(reason('{"type":"post","network":"x","id":"p","createdAt":"2024-01-01T00:00:00"}'), /createdAt/, 'a time zone is required')
  t.match(reason('{"type":"post","network":"x","id":"p"}'), /createdAt is missing/)
  t.match(reason('{"type":"account","network":"x","id":"1","followersCount":-1}'), /followersCount must not be negative/)
  t.match(reason('{"type":"post","network":"x","id":"p","createdAt":"2024-01-01T00:00:00Z","likes":1.5}'), /likes must be a whole number/)
  t.match(reason('{"type":"post","network":"x","id":"p","createdAt":"2024-01-01T00:00:00Z","likes":3000000000}'), /likes must be at most/)
  t.match(reason('{"type":"account","network":"x","id":"1","postsCount":"7"}'), /postsCount must be a number/)
  t.match(reason('{"type":"account","network":"x","id":"a\\u0000b"}'), /NUL character/)
  t.match(reason('{"type":"account","network":"x","id":"1","bio":"\\ud800"}'), /invalid Unicode/)
  t.match(reason('{"type":"follow","network":"x","followerId":"a","followeeId":"a"}'), /same account/)
  t.match(reason('{"type":"account","network":"mastodon","id":"a@b.example","verifiedLinks":["javascript:alert(1)"]}'), /verifiedLinks.*http\(s\) URL/)
  t.match(reason('{"type":"account","network":"mastodon","id":"a@b.example","verifiedLinks":"https://a.example"}'), /verifiedLinks must be an array/)
})

const text = fc.string({ unit: 'grapheme', maxLength: 40 })
const id = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
const network = fc.constantFrom('mastodon', 'instagram', 'linkedin', 'x')
const count = fc.option(fc.integer({ min: 0, max: 2_147_483_647 }), { nil: null })
const record: fc.Arbitrary<InterchangeRecord> = fc.oneof(
  fc.record({ type: fc.constant('account' as const), network, id, handle: id, displayName: fc.option(text, { nil: null }), followersCount: count, followingCount: count, postsCount: count, bio: fc.option(text, { nil: null }), verifiedLinks: fc.array(fc.webUrl({ validSchemes: ['https'] }).filter((u) => u.length <= 2048 && !/\s/.test(u)), { minLength: 1, maxLength: 3 }) }, { requiredKeys: ['type', 'network', 'id', 'handle', 'displayName', 'followersCount', 'followingCount', 'postsCount', 'bio'] }),
  fc.record({
    type: fc.constant('post' as const), network, id, authorId: fc.option(id, { nil: null }),
    createdAt: fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), text,
    lang: fc.option(fc.constantFrom('en', 'fr', 'pt'), { nil: null }), url: fc.option(text, { nil: null }),
    replyTo: fc.option(id, { nil: null }), repostOf: fc.option(id, { nil: null }), quoteOf: fc.option(id, { nil: null }),
    likes: fc.nat(), reposts: fc.nat(), replies: fc.nat(),
  }),
  fc.record({ type: fc.constant('follow' as const), network, followerId: fc.constant('a'), followeeId: id.filter((s) => s !== 'a') }),
)

t.test('a written record reads back as the same record, type first and without nulls', async (t) => {
  fc.assert(fc.property(record, (r) => {
    const line = formatRecord(r)
    t.equal(line.startsWith(`{"type":"${r.type}"`), true)
    t.notMatch(line, /:null[,}]/)
    t.same(ok(line), r)
  }), { numRuns: 500 })
})
