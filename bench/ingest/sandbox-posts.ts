// The sandbox network turned into what the Mastodon and Bluesky connectors hand to ingest:
// Mastodon accounts keyed `user@instance` and posts by their status URI, Bluesky accounts by DID
// and posts by AT-URI; mentions resolved to account ids (both networks give them), replies naming
// the replied-to author, reposts with empty text, the network's own hashtag and link lists.
import type { NormalizedAccount, NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { generateSandbox, renderPost, type SandboxAccount, type SandboxData } from '../../src/simulation/sandbox/index.ts'
import { encodeTid, mastodonStatusId } from '../../src/simulation/sandbox/ids.ts'
import { PostKind } from '../../src/simulation/sandbox/types.ts'

export interface BenchCorpus {
  posts: NormalizedPost[]
  /** Index-aligned with `posts`: the author's account as the connector describes it. */
  authors: NormalizedAccount[]
  accountCount: number
}

/** About ten posts per account, as the issue asks; the sandbox makes ~0.6 posts per account-day. */
export function generateCorpus(seed: string, count: number): BenchCorpus {
  const accounts = Math.max(10, Math.ceil(count / 10))
  let days = Math.ceil(count / (accounts * 0.55))
  let data = generateSandbox({ seed, accounts, days, futureHours: 0 })
  while (data.posts.count < count) {
    days = Math.ceil(days * 1.2)
    data = generateSandbox({ seed, accounts, days, futureHours: 0 })
  }
  const described = data.accounts.map((account) => normalizeAccount(data, account))
  const first = data.posts.count - count
  const posts: NormalizedPost[] = []
  const authors: NormalizedAccount[] = []
  // The newest `count` posts: references to older ones point outside the corpus, as they do
  // when a search window starts.
  for (let i = first; i < data.posts.count; i++) {
    posts.push(normalizePost(data, i))
    authors.push(described[data.posts.author[i]])
  }
  return { posts, authors, accountCount: new Set(authors.map((a) => a.externalId)).size }
}

function accountId(account: SandboxAccount): string {
  return account.network === 'mastodon' ? `${account.username}@${account.instance}`.toLowerCase() : (account.did ?? account.handle)
}

function normalizeAccount(data: SandboxData, account: SandboxAccount): NormalizedAccount {
  const i = account.index
  const mastodon = account.network === 'mastodon'
  return {
    network: account.network,
    externalId: accountId(account),
    handle: account.handle,
    displayName: account.displayName,
    bio: account.bio,
    url: mastodon ? `https://${account.instance}/@${account.username}` : `https://bsky.app/profile/${account.did}`,
    // Bluesky list views carry no counts.
    followersCount: mastodon ? data.follows.in.offsets[i + 1] - data.follows.in.offsets[i] : null,
    followingCount: mastodon ? data.follows.out.offsets[i + 1] - data.follows.out.offsets[i] : null,
    postsCount: mastodon ? data.postsByAuthor.offsets[i + 1] - data.postsByAuthor.offsets[i] : null,
  }
}

function postLocation(data: SandboxData, post: number): { id: string; url: string } {
  const author = data.accounts[data.posts.author[post]]
  const at = data.posts.createdAt[post]
  if (author.network === 'mastodon') {
    const homeId = mastodonStatusId(at, data.instances.indexOf(author.instance ?? ''))
    return { id: `https://${author.instance}/users/${author.username}/statuses/${homeId}`, url: `https://${author.instance}/@${author.username}/${homeId}` }
  }
  const repost = data.posts.kind[post] === PostKind.repost
  const rkey = encodeTid(at, author.index & 1023)
  return { id: `at://${author.did}/app.bsky.feed.${repost ? 'repost' : 'post'}/${rkey}`, url: `https://bsky.app/profile/${author.did}/post/${rkey}` }
}

function normalizePost(data: SandboxData, index: number): NormalizedPost {
  const rendered = renderPost(data, index)
  const author = data.accounts[rendered.author]
  const parent = rendered.parent
  const parentId = parent === null ? null : postLocation(data, parent).id
  const parentAuthor = parent === null ? null : accountId(data.accounts[data.posts.author[parent]])
  const location = postLocation(data, index)
  return {
    network: author.network,
    externalId: location.id,
    authorExternalId: accountId(author),
    createdAt: rendered.createdAt,
    text: rendered.text,
    lang: rendered.lang,
    url: location.url,
    replyToExternalId: rendered.kind === 'reply' ? parentId : null,
    replyToAuthorExternalId: rendered.kind === 'reply' ? parentAuthor : null,
    repostOfExternalId: rendered.kind === 'repost' ? parentId : null,
    quoteOfExternalId: rendered.kind === 'quote' ? parentId : null,
    likes: rendered.likes,
    reposts: rendered.reposts,
    replies: rendered.replies,
    quotes: rendered.quotes,
    hashtags: rendered.hashtags,
    mentions: rendered.mentions.map((m) => ({ externalId: accountId(data.accounts[m]), handle: data.accounts[m].handle })),
    links: rendered.links,
  }
}

/** One line: how many posts, accounts, replies, reposts, quotes, mentions, and how long the texts are. */
export function describeCorpus(corpus: BenchCorpus, seed: string): string {
  let replies = 0
  let reposts = 0
  let quotes = 0
  let mentioning = 0
  let characters = 0
  for (const p of corpus.posts) {
    if (p.replyToExternalId) replies++
    if (p.repostOfExternalId) reposts++
    if (p.quoteOfExternalId) quotes++
    if (p.mentions.length) mentioning++
    characters += p.text.length
  }
  const n = corpus.posts.length
  return (
    `corpus: ${n.toLocaleString('en')} posts by ${corpus.accountCount.toLocaleString('en')} accounts (sandbox seed ${seed}): ` +
    `${replies} replies, ${reposts} reposts, ${quotes} quotes, ${mentioning} with mentions, ${(characters / n).toFixed(0)} characters on average`
  )
}
