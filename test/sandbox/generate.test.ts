import t from 'tap'
import { generateSandbox, renderPost, type SandboxData } from '../../src/simulation/sandbox/index.ts'

const data = generateSandbox({ seed: 'generator-tests', accounts: 2000 })

function inDegree(d: SandboxData, account: number): number {
  return d.follows.in.offsets[account + 1] - d.follows.in.offsets[account]
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

t.test('the same seed gives the same network, another seed another one', async (t) => {
  const again = generateSandbox({ seed: 'generator-tests', accounts: 2000 })
  t.same(again.accounts, data.accounts)
  t.same(Array.from(again.follows.follower), Array.from(data.follows.follower))
  t.same(Array.from(again.follows.followee), Array.from(data.follows.followee))
  t.same(Array.from(again.posts.createdAt), Array.from(data.posts.createdAt))
  t.same(Array.from(again.posts.likes), Array.from(data.posts.likes))
  t.same(renderPost(again, 1234).text, renderPost(data, 1234).text)
  t.same(again.truth, data.truth)
  const other = generateSandbox({ seed: 'another seed', accounts: 2000 })
  t.not(other.accounts.map((a) => a.handle).join(), data.accounts.map((a) => a.handle).join())
})

t.test('generation and rendering never use Math.random', async (t) => {
  const original = Math.random
  Math.random = () => {
    throw new Error('Math.random called')
  }
  try {
    const small = generateSandbox({ seed: 7, accounts: 300 })
    for (let i = 0; i < small.posts.count; i += 7) renderPost(small, i)
    t.pass('generated and rendered without Math.random')
  } finally {
    Math.random = original
  }
})

t.test('accounts span communities, languages, networks and instances', async (t) => {
  t.ok(new Set(data.accounts.map((a) => a.community)).size >= 4, 'at least four communities')
  const languages = new Set(data.accounts.flatMap((a) => a.languages))
  for (const lang of ['fr', 'en', 'es', 'de']) t.ok(languages.has(lang as never), `some accounts write ${lang}`)
  const mastodon = data.accounts.filter((a) => a.network === 'mastodon')
  const bluesky = data.accounts.filter((a) => a.network === 'bluesky')
  t.ok(mastodon.length > 400 && bluesky.length > 400, 'both networks are well populated')
  t.ok(new Set(mastodon.map((a) => a.instance)).size >= 3, 'several Mastodon instances')
  t.ok(mastodon.every((a) => a.handle === `${a.username}@${a.instance}` && a.instance?.endsWith('.sandbox.example')))
  t.ok(bluesky.every((a) => /^did:plc:[a-z2-7]{24}$/.test(a.did ?? '') && a.handle.endsWith('.bsky.sandbox.example')))
  t.equal(new Set(data.accounts.map((a) => a.handle)).size, data.accounts.length, 'handles are unique')
  t.ok(data.accounts.every((a) => /simulated/i.test(a.bio)), 'every bio says the account is simulated')
})

t.test('follows stay within a network, without self-loops or duplicates', async (t) => {
  const { follower, followee, count } = data.follows
  const seen = new Set<string>()
  let crossNetwork = 0
  let selfLoops = 0
  for (let e = 0; e < count; e++) {
    if (data.accounts[follower[e]].network !== data.accounts[followee[e]].network) crossNetwork++
    if (follower[e] === followee[e]) selfLoops++
    seen.add(`${follower[e]}>${followee[e]}`)
  }
  t.equal(crossNetwork, 0, 'no follow crosses networks')
  t.equal(selfLoops, 0, 'nobody follows themselves')
  t.equal(seen.size, count, 'no duplicate follow')
})

t.test('in-degrees are heavy-tailed and the planted hubs lead their communities', async (t) => {
  const degrees = data.accounts.map((a) => inDegree(data, a.index))
  const max = Math.max(...degrees)
  t.ok(max >= 15 * median(degrees), `max in-degree ${max} ≫ median ${median(degrees)}`)
  const top = [...degrees].sort((a, b) => b - a)
  const topShare = top.slice(0, Math.ceil(degrees.length * 0.05)).reduce((s, d) => s + d, 0) / data.follows.count
  t.ok(topShare > 0.25, `top 5% of accounts hold ${(topShare * 100).toFixed(0)}% of follows`)
  t.ok(data.truth.hubs.length >= 8, 'hubs are planted for each topic')
  for (const hub of data.truth.hubs) {
    const account = data.accounts[hub.account]
    const pool = data.accounts.filter((a) => a.community === account.community && a.network === account.network)
    const rank = pool.filter((a) => inDegree(data, a.index) > inDegree(data, hub.account)).length
    t.ok(rank < Math.max(5, pool.length * 0.03), `hub ${account.handle} ranks ${rank + 1} of ${pool.length} by followers`)
  }
})

t.test('bridges follow accounts in both of their communities', async (t) => {
  t.ok(data.truth.bridges.length >= 6)
  for (const bridge of data.truth.bridges) {
    const account = data.accounts[bridge.account]
    const { out, followee } = data.follows
    const followed = Array.from(out.edges.subarray(out.offsets[bridge.account], out.offsets[bridge.account + 1])).map((e) => data.accounts[followee[e]].community)
    t.ok(followed.includes(account.community) && followed.includes(account.secondCommunity), `${account.handle} follows into both communities`)
  }
})

t.test('posts are time-ordered, threaded within a network, and follow a daily rhythm', async (t) => {
  const { posts } = data
  let ordered = true
  let badParents = 0
  const kinds = new Set<number>()
  const byLocalHour = new Array<number>(24).fill(0)
  for (let i = 0; i < posts.count; i++) {
    if (i > 0 && posts.createdAt[i] <= posts.createdAt[i - 1]) ordered = false
    kinds.add(posts.kind[i])
    const parent = posts.parent[i]
    if (parent >= 0 && (parent >= i || data.accounts[posts.author[parent]].network !== data.accounts[posts.author[i]].network)) badParents++
    const author = data.accounts[posts.author[i]]
    byLocalHour[new Date(posts.createdAt[i] + author.utcOffset * 3_600_000).getUTCHours()]++
  }
  t.ok(ordered, 'createdAt strictly increases')
  t.equal(badParents, 0, 'replies, reposts and quotes point back to earlier posts of the same network')
  t.same([...kinds].sort(), [0, 1, 2, 3], 'originals, replies, reposts and quotes all occur')
  const night = byLocalHour[2] + byLocalHour[3] + byLocalHour[4]
  const evening = byLocalHour[19] + byLocalHour[20] + byLocalHour[21]
  t.ok(evening > 5 * night, `evening ${evening} posts vs night ${night}`)
  const future = posts.count - posts.createdAt.filter((ms) => ms <= data.now.getTime()).length
  t.ok(future > 100, `${future} posts are generated after now, for advance()`)
})

t.test('texts: topics in their languages, hashtags, questions, sentiment, Bluesky length', async (t) => {
  const rendered = Array.from({ length: data.posts.count }, (_, i) => renderPost(data, i))
  const velo = rendered.filter((p) => p.topic === 'velo' && p.kind === 'original')
  const rust = rendered.filter((p) => p.topic === 'rust' && p.kind === 'original')
  t.ok(velo.filter((p) => p.lang === 'fr').length > velo.length * 0.6, 'vélo posts are mostly French')
  t.ok(rust.filter((p) => p.lang === 'en').length > rust.length * 0.5, 'rust posts are mostly English')
  t.ok(velo.some((p) => p.hashtags.includes('velo')) && velo.some((p) => p.hashtags.includes('mobilite')))
  t.ok(rust.some((p) => p.hashtags.includes('rustlang')) && rust.some((p) => p.hashtags.includes('opensource')))
  t.ok(rendered.some((p) => p.text.startsWith("Quelqu'un sait") && p.text.includes('?')), 'French questions')
  t.ok(rendered.some((p) => /génial|super|excellent/.test(p.text)) && rendered.some((p) => /horrible|dangereux|scandaleux/.test(p.text)))
  t.ok(rendered.some((p) => p.mentions.length > 0) && rendered.some((p) => p.links.length > 0))
  t.ok(rendered.some((p) => p.topic === null && p.kind === 'original'), 'off-topic chatter')
  const segmenter = new Intl.Segmenter()
  const longest = Math.max(...rendered.filter((p) => p.network === 'bluesky').map((p) => [...segmenter.segment(p.text)].length))
  t.ok(longest <= 300, `longest Bluesky text has ${longest} graphemes`)
})

t.test('engagement grows with the audience of the author', async (t) => {
  const likesBy = new Map<number, number[]>()
  for (let i = 0; i < data.posts.count; i++) {
    if (data.posts.kind[i] === 2) continue
    const author = data.posts.author[i]
    likesBy.set(author, [...(likesBy.get(author) ?? []), data.posts.likes[i]])
  }
  const authors = [...likesBy.keys()].sort((a, b) => inDegree(data, a) - inDegree(data, b))
  const meanLikes = (group: number[]): number => {
    const all = group.flatMap((a) => likesBy.get(a) ?? [])
    return all.reduce((s, v) => s + v, 0) / all.length
  }
  const bottom = meanLikes(authors.slice(0, Math.floor(authors.length / 2)))
  const top = meanLikes(authors.slice(Math.floor(authors.length * 0.9)))
  t.ok(top > 5 * bottom, `top-decile authors get ${top.toFixed(1)} likes per post vs ${bottom.toFixed(1)}`)
})

t.test('the planted negative spike stands out on its day', async (t) => {
  const { spike } = data.truth
  t.equal(spike.topic, 'velo')
  t.ok(spike.posts >= 20 && spike.postIndexes.length === spike.posts)
  const dayOf = (ms: number): number => Math.floor(ms / 86_400_000)
  const negativeByDay = new Map<number, number>()
  for (let i = 0; i < data.posts.count; i++) {
    if (data.posts.createdAt[i] > data.now.getTime()) continue
    const post = renderPost(data, i)
    if (post.kind === 'repost' || post.sentiment >= 0 || !post.hashtags.includes('velo')) continue
    const day = dayOf(data.posts.createdAt[i])
    negativeByDay.set(day, (negativeByDay.get(day) ?? 0) + 1)
  }
  const spikeDay = dayOf(spike.start.getTime())
  const others = [...negativeByDay.entries()].filter(([day]) => day !== spikeDay).map(([, n]) => n)
  const baseline = others.reduce((s, n) => s + n, 0) / others.length
  const onSpike = negativeByDay.get(spikeDay) ?? 0
  t.ok(onSpike > 4 * baseline, `negative #velo posts on the spike day: ${onSpike}, other days: ${baseline.toFixed(1)} on average`)
  t.ok(spike.postIndexes.every((i) => data.posts.createdAt[i] >= spike.start.getTime() && data.posts.createdAt[i] <= spike.end.getTime()))
})
