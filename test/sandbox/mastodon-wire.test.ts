import t from 'tap'
import { z } from 'zod'
import { MASTODON_SANDBOX_TOKEN, renderPost } from '../../src/simulation/sandbox/index.ts'
import { accountSchema, errorSchema, instanceV1Schema, parseLink, searchSchema, statusSchema, type Status } from './fixtures/mastodon-schemas.ts'
import { get, smallSandbox, withServer } from './fixtures/sandbox-server.ts'

const data = smallSandbox()
const server = await withServer()
t.teardown(() => server.close())
const piaille = server.mastodonUrl('piaille.sandbox.example')
const statuses = z.array(statusSchema)
const accounts = z.array(accountSchema)

/** Independent expectation: an instance sees posts of its users and of accounts its users follow. */
function knownOn(domain: string): Set<number> {
  const known = new Set(data.accounts.filter((a) => a.instance === domain).map((a) => a.index))
  for (let e = 0; e < data.follows.count; e++) {
    if (data.accounts[data.follows.follower[e]].instance === domain) known.add(data.follows.followee[e])
  }
  return known
}

interface Walked {
  items: unknown[]
  pages: { size: number; link: string | null }[]
  lastLink: string | null
}

/** Follows `rel="next"` until there is none. */
async function walk(firstUrl: string, schema: z.ZodType<unknown[]>, init?: RequestInit): Promise<Walked> {
  const items: unknown[] = []
  const pages: Walked['pages'] = []
  let url: string | null = firstUrl
  while (url) {
    const response = await get(url, init)
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
    const page = schema.parse(response.body)
    items.push(...page)
    pages.push({ size: page.length, link: response.headers.get('link') })
    url = parseLink(response.headers.get('link')).next?.toString() ?? null
    if (pages.length > 500) throw new Error('pagination does not end')
  }
  return { items, pages, lastLink: pages[pages.length - 1].link }
}

t.test('every response is labelled simulated, and so is the instance', async (t) => {
  const response = await get(`${piaille}/api/v1/instance`)
  t.equal(response.status, 200)
  t.equal(response.headers.get('x-relais-sandbox'), 'simulated')
  const instance = instanceV1Schema.parse(response.body)
  t.equal(instance.title, 'Relais sandbox — simulated network')
  t.match(instance.description, /simulated/)
  t.equal(instance.uri, 'piaille.sandbox.example')
  const missing = await get(`${piaille}/api/v1/accounts/1`)
  t.equal(missing.status, 404)
  t.same(errorSchema.parse(missing.body), { error: 'Record not found' })
  t.equal(missing.headers.get('x-relais-sandbox'), 'simulated')
  const index = await get(`${server.url}/`)
  t.match(index.body, { label: 'Relais sandbox — simulated network', simulated: true, mastodon: { 'piaille.sandbox.example': piaille } })
  const prefixed = await get(`${server.url}/mastodon/piaille.sandbox.example/api/v1/instance`)
  t.same(prefixed.body, response.body, 'the index listener also serves each instance under a prefix')
})

t.test('hashtag timeline: shape, Link header, walk to the end without duplicates', async (t) => {
  const first = await get(`${piaille}/api/v1/timelines/tag/velo?limit=40`)
  t.equal(first.headers.get('x-ratelimit-limit'), '100000')
  t.match(first.headers.get('x-ratelimit-reset') ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
  const page = statuses.parse(first.body)
  t.equal(page.length, 40)
  const links = parseLink(first.headers.get('link'))
  t.equal(links.next?.searchParams.get('max_id'), page[39].id)
  t.equal(links.prev?.searchParams.get('min_id'), page[0].id)
  t.equal(links.next?.searchParams.get('limit'), '40')
  t.ok(page.every((s) => s.tags.some((tag) => tag.name === 'velo') && s.reblog === null), 'tagged originals only')
  t.ok(page.every((s, i) => i === 0 || BigInt(s.id) < BigInt(page[i - 1].id)), 'newest first')

  const { items, lastLink } = await walk(`${piaille}/api/v1/timelines/tag/VELO?limit=40`, statuses)
  const ids = (items as Status[]).map((s) => s.id)
  t.equal(new Set(ids).size, ids.length, 'no duplicates')
  t.equal(lastLink, null, 'the empty last page has no Link header')
  const known = knownOn('piaille.sandbox.example')
  let expected = 0
  for (let i = 0; i < data.posts.count && data.posts.createdAt[i] <= data.now.getTime(); i++) {
    const p = renderPost(data, i)
    if (p.network === 'mastodon' && p.kind !== 'repost' && p.hashtags.includes('velo') && known.has(p.author)) expected++
  }
  t.equal(ids.length, expected, 'every #velo post known to the instance, case-insensitively')
  const unknown = await get(`${piaille}/api/v1/timelines/tag/nosuchtag`)
  t.same(unknown.body, [])
  t.equal(unknown.headers.get('link'), null)
})

t.test('statuses carry HTML content, remote acct, replies, boosts and quotes', async (t) => {
  const hub = data.truth.hubs.find((h) => h.network === 'mastodon' && h.topic === 'velo')!
  const home = data.accounts[hub.account].instance!
  const other = data.instances.find((d) => d !== home)!
  const lookup = await get(`${server.mastodonUrl(other)}/api/v1/accounts/lookup?acct=${data.accounts[hub.account].handle}`)
  const remote = accountSchema.parse(lookup.body)
  t.equal(remote.acct, data.accounts[hub.account].handle, 'remote accounts have user@domain acct')
  const local = accountSchema.parse((await get(`${server.mastodonUrl(home)}/api/v1/accounts/lookup?acct=${data.accounts[hub.account].username}`)).body)
  t.equal(local.acct, data.accounts[hub.account].username)
  t.not(local.id, remote.id, 'ids are instance-local')
  t.equal(local.uri, remote.uri)
  t.equal(local.fields[0].value, 'Simulated account')

  const seen: Status[] = []
  for (const domain of data.instances) {
    const { items } = await walk(`${server.mastodonUrl(domain)}/api/v1/timelines/tag/rustlang?limit=40`, statuses)
    seen.push(...(items as Status[]))
  }
  const reply = seen.find((s) => s.in_reply_to_id !== null)
  t.ok(reply && reply.in_reply_to_account_id !== null && reply.mentions.length > 0, 'replies point at their parent and mention its author')
  const quote = seen.find((s) => s.quote !== null)
  t.ok(quote && 'quoted_status' in quote.quote! && quote.quote.state === 'accepted', 'quotes use the 4.4 shape')
  t.match(quote?.content ?? '', /<p class="quote-inline">RE: /)
  const html = seen.map((s) => s.content).join('\n')
  t.match(html, /<a href="https:\/\/[a-z.]+\/tags\/rustlang" class="mention hashtag" rel="tag">#<span>rustlang<\/span><\/a>/)
  t.match(html, /class="u-url mention">@<span>[a-z0-9_]+<\/span><\/a><\/span>/)
  t.ok(seen.some((s) => s.account.acct.includes('@')), 'timelines contain remote accounts')

  const booster = data.accounts.find((a) => a.network === 'mastodon' && a.role === 'bridge')!
  const booster_id = accountSchema.parse((await get(`${server.mastodonUrl(booster.instance!)}/api/v1/accounts/lookup?acct=${booster.username}`)).body).id
  const { items } = await walk(`${server.mastodonUrl(booster.instance!)}/api/v1/accounts/${booster_id}/statuses?limit=40`, statuses)
  const boosts = (items as Status[]).filter((s) => s.reblog !== null)
  t.ok(boosts.length > 0, 'account statuses include boosts')
  t.ok(boosts.every((b) => b.content === '' && b.reblog!.content.length > 0 && b.uri.endsWith('/activity')))
  const visible = Array.from(data.postsByAuthor.posts.subarray(data.postsByAuthor.offsets[booster.index], data.postsByAuthor.offsets[booster.index + 1])).filter((i) => data.posts.createdAt[i] <= data.now.getTime())
  t.equal(items.length, visible.length, 'all of the account’s statuses, once each')
  t.equal(new Set((items as Status[]).map((s) => s.id)).size, items.length)
  const noBoosts = statuses.parse((await get(`${server.mastodonUrl(booster.instance!)}/api/v1/accounts/${booster_id}/statuses?exclude_reblogs=true&limit=40`)).body)
  t.ok(noBoosts.every((s) => s.reblog === null))
})

t.test('statuses by instance-local id, one or several', async (t) => {
  const page = statuses.parse((await get(`${piaille}/api/v1/timelines/tag/velo?limit=3`)).body)
  const one = await get(`${piaille}/api/v1/statuses/${page[0].id}`)
  t.same(statusSchema.parse(one.body), page[0])
  const batch = statuses.parse((await get(`${piaille}/api/v1/statuses?id[]=${page[1].id}&id[]=${page[2].id}&id[]=999`)).body)
  t.same(batch.map((s) => s.uri), [page[1].uri, page[2].uri], 'unknown ids are left out')
  const elsewhere = await get(`${server.mastodonUrl('code.sandbox.example')}/api/v1/statuses/${page[0].id}`)
  t.equal(elsewhere.status, 404, 'another instance has its own ids')
})

t.test('min_id returns the posts right after it, newest first; since_id the newest ones', async (t) => {
  const all = statuses.parse((await get(`${piaille}/api/v1/timelines/tag/velo?limit=40`)).body)
  const pivot = all[20].id
  const afterMin = statuses.parse((await get(`${piaille}/api/v1/timelines/tag/velo?limit=5&min_id=${pivot}`)).body)
  t.same(afterMin.map((s) => s.id), all.slice(15, 20).map((s) => s.id))
  const afterSince = statuses.parse((await get(`${piaille}/api/v1/timelines/tag/velo?limit=5&since_id=${pivot}`)).body)
  t.same(afterSince.map((s) => s.id), all.slice(0, 5).map((s) => s.id))
  const older = statuses.parse((await get(`${piaille}/api/v1/timelines/tag/velo?limit=40&max_id=${pivot}`)).body)
  t.same(older.slice(0, 19).map((s) => s.id), all.slice(21).map((s) => s.id))
})

t.test('followers and following: Link only when the page is full, home instance has them all', async (t) => {
  const hub = data.truth.hubs.find((h) => h.network === 'mastodon')!
  const account = data.accounts[hub.account]
  const base = server.mastodonUrl(account.instance!)
  const id = accountSchema.parse((await get(`${base}/api/v1/accounts/lookup?acct=${account.username}`)).body).id
  const expected = data.follows.in.offsets[hub.account + 1] - data.follows.in.offsets[hub.account]
  t.ok(expected > 80, 'hub has several pages of followers')
  const { items, pages } = await walk(`${base}/api/v1/accounts/${id}/followers?limit=80`, accounts)
  const handles = (items as z.infer<typeof accountSchema>[]).map((a) => a.url)
  t.equal(handles.length, expected, 'every follower')
  t.equal(new Set(handles).size, expected, 'no duplicates')
  t.ok(pages.slice(0, -1).every((p) => p.size === 80 && parseLink(p.link).next), 'full pages link to the next one')
  const last = pages[pages.length - 1]
  if (last.size > 0) {
    t.notOk(parseLink(last.link).next, 'a short page has no next link')
    t.ok(parseLink(last.link).prev, 'but keeps prev')
  } else t.equal(last.link, null, 'an empty page has no Link')
  const capped = await get(`${base}/api/v1/accounts/${id}/followers?limit=500`)
  t.equal(accounts.parse(capped.body).length, 80, 'limit is clamped to 80')
  const following = await walk(`${base}/api/v1/accounts/${id}/following`, accounts)
  t.equal(following.items.length, data.follows.out.offsets[hub.account + 1] - data.follows.out.offsets[hub.account])
  t.ok(following.pages.slice(0, -1).every((p) => p.size === 40), 'default limit is 40')

  // Elsewhere, an instance only knows the followers among its own users.
  const elsewhere = data.instances.find((d) => d !== account.instance)!
  const remoteId = accountSchema.parse((await get(`${server.mastodonUrl(elsewhere)}/api/v1/accounts/lookup?acct=${account.handle}`)).body).id
  const partial = await walk(`${server.mastodonUrl(elsewhere)}/api/v1/accounts/${remoteId}/followers?limit=80`, accounts)
  const localFollowers = Array.from(data.follows.in.edges.subarray(data.follows.in.offsets[hub.account], data.follows.in.offsets[hub.account + 1])).filter((e) => data.accounts[data.follows.follower[e]].instance === elsewhere)
  t.equal(partial.items.length, localFollowers.length)
  t.ok((partial.items as z.infer<typeof accountSchema>[]).every((a) => !a.acct.includes('@')), 'all local to that instance')
})

t.test('v2 search: statuses need the sandbox token', async (t) => {
  const url = `${piaille}/api/v2/search?q=piste%20cyclable&type=statuses&limit=40`
  const anonymous = searchSchema.parse((await get(url)).body)
  t.same(anonymous.statuses, [], 'no full-text search without a token')
  const bad = await get(url, { headers: { authorization: 'Bearer nope' } })
  t.equal(bad.status, 401)
  t.same(bad.body, { error: 'The access token is invalid' })
  const paged = await get(`${url}&offset=40`)
  t.equal(paged.status, 401)
  const authorised = { headers: { authorization: `Bearer ${MASTODON_SANDBOX_TOKEN}` } }
  const found = searchSchema.parse((await get(url, authorised)).body)
  t.equal(found.statuses.length, 40)
  t.ok(found.statuses.every((s) => /piste/i.test(s.content) && /cyclable/i.test(s.content)))
  const next = searchSchema.parse((await get(`${url}&offset=40`, authorised)).body)
  t.notOk(next.statuses.some((s) => found.statuses.some((f) => f.id === s.id)), 'offset pages do not repeat')
  const bare = searchSchema.parse((await get(`${piaille}/api/v2/search?q=%23velo`, authorised)).body)
  t.same(bare.statuses, [], 'a bare #tag is a hashtag search')
  t.equal(bare.hashtags[0]?.name, 'velo')
})

t.test('rate limits: X-RateLimit headers and the 429 body', async (t) => {
  const limited = await withServer({ rateLimits: { mastodon: { limit: 2, windowSeconds: 300 } } })
  t.teardown(() => limited.close())
  const url = `${limited.mastodonUrl()}/api/v1/instance`
  t.equal((await get(url)).headers.get('x-ratelimit-remaining'), '1')
  t.equal((await get(url)).headers.get('x-ratelimit-remaining'), '0')
  const refused = await get(url)
  t.equal(refused.status, 429)
  t.same(refused.body, { error: 'Too many requests' })
  t.equal(refused.headers.get('retry-after'), null)
  t.ok(Date.parse(refused.headers.get('x-ratelimit-reset') ?? '') > Date.now())
})
