import t from 'tap'
import type { z } from 'zod'
import { BLUESKY_SANDBOX_IDENTIFIER, BLUESKY_SANDBOX_PASSWORD, renderPost } from '../../src/simulation/sandbox/index.ts'
import {
  authorFeedSchema,
  followersSchema,
  followsSchema,
  profileViewDetailedSchema,
  profilesSchema,
  searchPostsSchema,
  sessionSchema,
  xrpcErrorSchema,
} from './fixtures/bluesky-schemas.ts'
import { get, smallSandbox, withServer } from './fixtures/sandbox-server.ts'

const data = smallSandbox()
const server = await withServer()
t.teardown(() => server.close())
const pds = `${server.blueskyPdsUrl}/xrpc`
const appview = `${server.blueskyAppViewUrl}/xrpc`

async function createSession(base = pds): Promise<z.infer<typeof sessionSchema>> {
  const response = await fetch(`${base}/com.atproto.server.createSession`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: BLUESKY_SANDBOX_IDENTIFIER, password: BLUESKY_SANDBOX_PASSWORD }),
  })
  return sessionSchema.parse(await response.json())
}

const session = await createSession()
const auth = { headers: { authorization: `Bearer ${session.accessJwt}` } }

/** Follows `cursor` until it is absent. */
async function walk<T>(url: string, parse: (body: unknown) => { cursor?: string; items: T[] }, init?: RequestInit): Promise<T[]> {
  const items: T[] = []
  let cursor: string | undefined
  for (let pages = 0; ; pages++) {
    if (pages > 500) throw new Error('pagination does not end')
    const response = await get(cursor ? `${url}&cursor=${encodeURIComponent(cursor)}` : url, init)
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${response.text}`)
    const page = parse(response.body)
    items.push(...page.items)
    if (!page.cursor) return items
    cursor = page.cursor
  }
}

t.test('sessions: create, refresh, wrong password, token required on the PDS', async (t) => {
  t.equal(session.handle, BLUESKY_SANDBOX_IDENTIFIER)
  const refreshed = await fetch(`${pds}/com.atproto.server.refreshSession`, { method: 'POST', headers: { authorization: `Bearer ${session.refreshJwt}` } })
  const pair = sessionSchema.parse(await refreshed.json())
  t.not(pair.accessJwt, session.accessJwt)
  const wrong = await fetch(`${pds}/com.atproto.server.createSession`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identifier: BLUESKY_SANDBOX_IDENTIFIER, password: 'nope' }),
  })
  t.equal(wrong.status, 401)
  xrpcErrorSchema.parse(await wrong.json())
  const anonymous = await get(`${pds}/app.bsky.feed.searchPosts?q=velo`)
  t.equal(anonymous.status, 401)
  t.equal(xrpcErrorSchema.parse(anonymous.body).error, 'AuthMissing')
  t.equal(anonymous.headers.get('x-relais-sandbox'), 'simulated')
})

t.test('expired access tokens answer 400 ExpiredToken, as the PDS does', async (t) => {
  const shortLived = await withServer({ accessTokenTtlSeconds: 0 })
  t.teardown(() => shortLived.close())
  const expired = await createSession(`${shortLived.blueskyPdsUrl}/xrpc`)
  const response = await get(`${shortLived.blueskyPdsUrl}/xrpc/app.bsky.actor.getProfile?actor=${data.accounts.find((a) => a.did)!.did}`, { headers: { authorization: `Bearer ${expired.accessJwt}` } })
  t.equal(response.status, 400)
  t.same(response.body, { error: 'ExpiredToken', message: 'Token has expired' })
})

t.test('searchPosts: shape, UTF-8 byte facets, walk to the end without duplicates', async (t) => {
  const first = await get(`${pds}/app.bsky.feed.searchPosts?q=%23velo&limit=100`, auth)
  t.equal(first.status, 200)
  t.match(first.headers.get('ratelimit-policy') ?? '', /^\d+;w=\d+$/)
  t.match(first.headers.get('ratelimit-reset') ?? '', /^\d{10}$/)
  const page = searchPostsSchema.parse(first.body)
  t.equal(page.posts.length, 100)
  t.ok(page.cursor)
  for (const post of page.posts) {
    const bytes = Buffer.from(post.record.text)
    for (const facet of post.record.facets ?? []) {
      const shown = bytes.subarray(facet.index.byteStart, facet.index.byteEnd).toString()
      const feature = facet.features[0]
      if (feature.$type === 'app.bsky.richtext.facet#tag') t.equal(shown, `#${feature.tag}`)
      else if (feature.$type === 'app.bsky.richtext.facet#link') t.equal(shown, feature.uri)
      else t.match(shown, /^@[a-z0-9-]+\.bsky\.sandbox\.example$/)
    }
  }
  const multibyte = page.posts.find((p) => Buffer.byteLength(p.record.text) !== p.record.text.length && (p.record.facets ?? []).length > 0)
  t.ok(multibyte, 'some facets follow accented or emoji text, where bytes ≠ UTF-16 units')

  const all = await walk(`${pds}/app.bsky.feed.searchPosts?q=%23velo&limit=100`, (body) => {
    const p = searchPostsSchema.parse(body)
    return { cursor: p.cursor, items: p.posts }
  }, auth)
  const uris = all.map((p) => p.uri)
  t.equal(new Set(uris).size, uris.length, 'no duplicates')
  t.ok(all.every((p, i) => i === 0 || p.record.createdAt <= all[i - 1].record.createdAt), 'latest first')
  let expected = 0
  for (let i = 0; i < data.posts.count && data.posts.createdAt[i] <= data.now.getTime(); i++) {
    const p = renderPost(data, i)
    if (p.network === 'bluesky' && p.kind !== 'repost' && p.hashtags.includes('velo')) expected++
  }
  t.equal(uris.length, expected, 'every visible #velo post')
  t.equal(page.hitsTotal, expected)
})

t.test('searchPosts: words, phrases, tag[], lang, since/until, validation', async (t) => {
  const phrase = searchPostsSchema.parse((await get(`${pds}/app.bsky.feed.searchPosts?q=${encodeURIComponent('"piste cyclable"')}&limit=100`, auth)).body)
  t.ok(phrase.posts.length > 0 && phrase.posts.every((p) => /piste cyclable/i.test(p.record.text)))
  const tagged = searchPostsSchema.parse((await get(`${pds}/app.bsky.feed.searchPosts?q=velo&tag=mobilite&lang=fr&limit=100`, auth)).body)
  t.ok(tagged.posts.length > 0)
  t.ok(tagged.posts.every((p) => p.record.langs?.includes('fr')))
  t.ok(tagged.posts.every((p) => (p.record.facets ?? []).some((f) => f.features.some((x) => x.$type === 'app.bsky.richtext.facet#tag' && x.tag === 'mobilite')) || p.record.tags?.includes('mobilite')))
  const since = new Date(data.now.getTime() - 86_400_000).toISOString()
  const recent = searchPostsSchema.parse((await get(`${pds}/app.bsky.feed.searchPosts?q=%23rustlang&since=${since}&limit=100`, auth)).body)
  t.ok(recent.posts.length > 0 && recent.posts.every((p) => p.record.createdAt >= since))
  const tooMany = await get(`${pds}/app.bsky.feed.searchPosts?q=velo&limit=101`, auth)
  t.equal(tooMany.status, 400)
  t.equal(xrpcErrorSchema.parse(tooMany.body).error, 'InvalidRequest')
  const missing = await get(`${pds}/app.bsky.feed.searchPosts`, auth)
  t.equal(missing.status, 400)
})

t.test('the public AppView refuses anonymous search paging with an HTML 403', async (t) => {
  const firstPage = searchPostsSchema.parse((await get(`${appview}/app.bsky.feed.searchPosts?q=%23velo&limit=5`)).body)
  t.ok(firstPage.cursor)
  const paging = await get(`${appview}/app.bsky.feed.searchPosts?q=%23velo&limit=5&cursor=${firstPage.cursor}`)
  t.equal(paging.status, 403)
  t.match(paging.headers.get('content-type') ?? '', /text\/html/)
})

t.test('getAuthorFeed: reposts carry reasonRepost, replies their thread, walk to the end', async (t) => {
  const bridge = data.accounts.find((a) => a.network === 'bluesky' && a.role === 'bridge')!
  const feed = await walk(`${appview}/app.bsky.feed.getAuthorFeed?actor=${bridge.handle}&limit=30`, (body) => {
    const p = authorFeedSchema.parse(body)
    return { cursor: p.cursor, items: p.feed }
  })
  const own = Array.from(data.postsByAuthor.posts.subarray(data.postsByAuthor.offsets[bridge.index], data.postsByAuthor.offsets[bridge.index + 1])).filter((i) => data.posts.createdAt[i] <= data.now.getTime())
  t.equal(feed.length, own.length, 'every post and repost of the account, once')
  const reposts = feed.filter((item) => item.reason)
  t.ok(reposts.length > 0, 'bridges repost')
  t.ok(reposts.every((item) => item.reason!.by.did === bridge.did && item.post.author.did !== bridge.did), 'reposts keep the original author')
  const replies = feed.filter((item) => item.reply)
  t.ok(replies.every((item) => item.post.record.reply?.parent.uri === item.reply!.parent.uri))
  const noReplies = authorFeedSchema.parse((await get(`${appview}/app.bsky.feed.getAuthorFeed?actor=${bridge.did}&filter=posts_no_replies&limit=100`)).body)
  t.ok(noReplies.feed.every((item) => !item.post.record.reply || item.reason))
  const unknown = await get(`${appview}/app.bsky.feed.getAuthorFeed?actor=nobody.bsky.sandbox.example`)
  t.same(unknown.body, { error: 'InvalidRequest', message: 'Profile not found' })
})

t.test('quotes embed a record view', async (t) => {
  const quotes = await walk(`${pds}/app.bsky.feed.searchPosts?q=%23rustlang&limit=100`, (body) => {
    const p = searchPostsSchema.parse(body)
    return { cursor: p.cursor, items: p.posts.filter((post) => post.record.embed) }
  }, auth)
  t.ok(quotes.length > 0, 'some #rustlang posts quote another')
  t.ok(quotes.every((q) => q.embed?.record.uri === q.record.embed?.record.uri))
})

t.test('followers/follows: profileView without counts, walk to the end', async (t) => {
  const hub = data.truth.hubs.find((h) => h.network === 'bluesky')!
  const did = data.accounts[hub.account].did!
  const followers = await walk(`${pds}/app.bsky.graph.getFollowers?actor=${did}&limit=100`, (body) => {
    const p = followersSchema.parse(body)
    return { cursor: p.cursor, items: p.followers }
  }, auth)
  const expected = data.follows.in.offsets[hub.account + 1] - data.follows.in.offsets[hub.account]
  t.ok(expected > 100)
  t.equal(followers.length, expected)
  t.equal(new Set(followers.map((f) => f.did)).size, expected)
  const follows = await walk(`${pds}/app.bsky.graph.getFollows?actor=${data.accounts[hub.account].handle}&limit=7`, (body) => {
    const p = followsSchema.parse(body)
    return { cursor: p.cursor, items: p.follows }
  }, auth)
  t.equal(follows.length, data.follows.out.offsets[hub.account + 1] - data.follows.out.offsets[hub.account])
})

t.test('profiles: detailed with counts, at most 25 per call; resolveHandle', async (t) => {
  const bluesky = data.accounts.filter((a) => a.network === 'bluesky')
  const one = profileViewDetailedSchema.parse((await get(`${pds}/app.bsky.actor.getProfile?actor=${bluesky[0].handle}`, auth)).body)
  t.equal(one.followersCount, data.follows.in.offsets[bluesky[0].index + 1] - data.follows.in.offsets[bluesky[0].index])
  t.match(one.description ?? '', /simulated/)
  const query = bluesky.slice(0, 25).map((a) => `actors=${a.did}`).join('&')
  const many = profilesSchema.parse((await get(`${pds}/app.bsky.actor.getProfiles?${query}`, auth)).body)
  t.equal(many.profiles.length, 25)
  const tooMany = await get(`${pds}/app.bsky.actor.getProfiles?${query}&actors=${bluesky[30].did}`, auth)
  t.equal(tooMany.status, 400)
  const withUnknown = profilesSchema.parse((await get(`${pds}/app.bsky.actor.getProfiles?actors=${bluesky[1].did}&actors=did:plc:aaaaaaaaaaaaaaaaaaaaaaaa`, auth)).body)
  t.equal(withUnknown.profiles.length, 1, 'unknown actors are left out')
  const resolved = await get(`${appview}/com.atproto.identity.resolveHandle?handle=${bluesky[2].handle}`)
  t.same(resolved.body, { did: bluesky[2].did })
  const notFound = await get(`${appview}/com.atproto.identity.resolveHandle?handle=nobody.bsky.sandbox.example`)
  t.equal(notFound.status, 400)
  t.equal(xrpcErrorSchema.parse(notFound.body).error, 'HandleNotFound')
})

t.test('rate limits: RateLimit headers, Retry-After and the XRPC 429 body', async (t) => {
  const limited = await withServer({ rateLimits: { bluesky: { limit: 1, windowSeconds: 60 } } })
  t.teardown(() => limited.close())
  const url = `${limited.blueskyAppViewUrl}/xrpc/app.bsky.actor.getProfile?actor=${data.accounts.find((a) => a.did)!.did}`
  const ok = await get(url)
  t.equal(ok.headers.get('ratelimit-remaining'), '0')
  const refused = await get(url)
  t.equal(refused.status, 429)
  t.same(refused.body, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' })
  t.ok(Number(refused.headers.get('retry-after')) >= 1)
})
