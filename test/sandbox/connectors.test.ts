// The real connectors collect from the sandbox exactly as from a real network.
import t from 'tap'
import { createBlueskyConnector } from '../../src/pipeline/networks/bluesky/index.ts'
import type { Checkpoint, Connector } from '../../src/pipeline/networks/connector.ts'
import type { SearchSpec } from '../../src/pipeline/query/search-spec.ts'
import { createMastodonConnector } from '../../src/pipeline/networks/mastodon/index.ts'
import type { NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { BLUESKY_SANDBOX_IDENTIFIER, BLUESKY_SANDBOX_PASSWORD, renderPost, type SandboxNetwork } from '../../src/simulation/sandbox/index.ts'
import { smallSandbox, withServer } from './fixtures/sandbox-server.ts'

const data = smallSandbox()

/** Runs search steps from a checkpoint until the connector says the walk is done. */
async function collect(connector: Connector, spec: SearchSpec, checkpoint: Checkpoint | null): Promise<{ posts: NormalizedPost[]; checkpoint: Checkpoint }> {
  const posts: NormalizedPost[] = []
  let current = checkpoint
  for (let steps = 0; steps < 1000; steps++) {
    const page = await connector.searchPage(spec, current)
    posts.push(...page.posts)
    current = page.checkpoint
    if (page.done) return { posts, checkpoint: current }
  }
  throw new Error('the walk never ends')
}

/** A post's identity from outside: its author's global id and its creation time. */
const keyOf = (author: string | null, createdAt: Date): string => `${author}|${createdAt.toISOString()}`

/** Accounts whose posts reach an instance: its users and whoever they follow (all, for Bluesky). */
function knownAccounts(domain?: string): Set<number> {
  const known = new Set(data.accounts.filter((a) => domain === undefined || a.instance === domain).map((a) => a.index))
  for (let e = 0; e < data.follows.count; e++) if (data.accounts[data.follows.follower[e]].instance === domain) known.add(data.follows.followee[e])
  return known
}

/** #tag posts of a network visible until `untilMs` (on Mastodon: known to `domain`), from the generated data. */
function expectedPosts(network: SandboxNetwork, tag: string, untilMs: number, domain?: string): ReturnType<typeof renderPost>[] {
  const known = knownAccounts(domain)
  const found: ReturnType<typeof renderPost>[] = []
  for (let i = 0; i < data.posts.count && data.posts.createdAt[i] <= untilMs; i++) {
    const post = renderPost(data, i)
    if (post.network === network && post.kind !== 'repost' && post.hashtags.includes(tag) && known.has(post.author)) found.push(post)
  }
  return found
}

function expectedKeys(network: SandboxNetwork, tag: string, untilMs: number, domain?: string): Set<string> {
  return new Set(
    expectedPosts(network, tag, untilMs, domain).map((post) => {
      const author = data.accounts[post.author]
      return keyOf(network === 'mastodon' ? author.handle : author.did, post.createdAt)
    }),
  )
}

/** Batches also carry the posts that collected ones quote or answer, hence the hashtag filter. */
function taggedKeys(posts: NormalizedPost[], tag: string): string[] {
  return posts.filter((p) => p.hashtags.includes(tag)).map((p) => keyOf(p.authorExternalId, p.createdAt))
}

t.test('the Mastodon connector collects a hashtag timeline, then what is new', async (t) => {
  const server = await withServer()
  t.teardown(() => server.close())
  const domain = 'piaille.sandbox.example'
  const connector = createMastodonConnector({ baseUrl: server.mastodonUrl(domain), localDomain: domain })
  const first = await collect(connector, { kind: 'hashtag', tag: 'velo' }, null)
  const keys = taggedKeys(first.posts, 'velo')
  t.same(new Set(keys), expectedKeys('mastodon', 'velo', data.now.getTime(), domain), 'every #velo status the instance knows')
  const tagged = first.posts.filter((p) => p.hashtags.includes('velo'))
  t.ok(tagged.every((p) => /#velo/i.test(p.text) && !p.text.includes('<')), 'plain text with its hashtags')
  t.ok(tagged.every((p) => /^https:\/\/[a-z.]+\.sandbox\.example\/users\/[a-z0-9_]+\/statuses\/\d+$/.test(p.externalId)), 'posts keyed by uri')
  t.ok(tagged.some((p) => p.mentions.length > 0), 'mentions')
  // Replies whose parent the instance knows get it resolved (through /api/v1/statuses).
  const known = knownAccounts(domain)
  const resolvable = expectedPosts('mastodon', 'velo', data.now.getTime(), domain).filter((p) => p.kind === 'reply' && known.has(data.posts.author[p.parent!]))
  t.ok(resolvable.length > 0)
  t.equal(tagged.filter((p) => p.replyToExternalId !== null).length, resolvable.length, 'every resolvable reply points at its parent')

  server.advance(data.futureHours)
  const next = await collect(connector, { kind: 'hashtag', tag: 'velo' }, first.checkpoint)
  const fresh = new Set(taggedKeys(next.posts, 'velo'))
  const all = expectedKeys('mastodon', 'velo', server.now().getTime(), domain)
  t.ok(fresh.size > 0, `${fresh.size} new posts after advancing`)
  const added = [...all].filter((key) => !keys.includes(key))
  t.ok(added.every((key) => fresh.has(key)), 'every new one')
  // The walk also reads again the two hours behind what it had seen (statuses received late).
  t.ok([...fresh].every((key) => added.includes(key) || keys.includes(key)), 'the rest is the overlap, read again')
})

t.test('the Bluesky connector logs in on the PDS and collects a search', async (t) => {
  const server = await withServer()
  t.teardown(() => server.close())
  const connector = createBlueskyConnector({
    appViewUrl: server.blueskyAppViewUrl,
    pdsUrl: server.blueskyPdsUrl,
    identifier: BLUESKY_SANDBOX_IDENTIFIER,
    appPassword: BLUESKY_SANDBOX_PASSWORD,
  })
  const first = await collect(connector, { kind: 'query', q: '#rustlang' }, null)
  const keys = taggedKeys(first.posts, 'rustlang')
  t.equal(new Set(keys).size, keys.length, 'no post twice')
  t.same(new Set(keys), expectedKeys('bluesky', 'rustlang', data.now.getTime()), 'every visible #rustlang post')
  const tagged = first.posts.filter((p) => p.hashtags.includes('rustlang'))
  t.ok(tagged.every((p) => p.externalId.startsWith(`at://${p.authorExternalId}/app.bsky.feed.post/`)), 'posts keyed by AT-URI, authors by DID')
  t.ok(tagged.some((p) => p.quoteOfExternalId !== null) && tagged.some((p) => p.replyToExternalId !== null))
  t.ok(tagged.some((p) => p.mentions.some((m) => m.externalId?.startsWith('did:plc:'))), 'mentions resolved from facets')
})
