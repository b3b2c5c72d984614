// Reddit JSON in the documented shapes (reference/network-apis.md §4.3, §4.5).
import type { RedditSeedComment, RedditSeedPost, RedditSeedUser } from './seed.ts'

export function t3(post: RedditSeedPost, users: Map<string, RedditSeedUser>) {
  const author = users.get(post.author)
  const isSelf = post.url === undefined
  const permalink = `/r/${post.subreddit}/comments/${post.id}/${post.title.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 40)}/`
  const data: Record<string, unknown> = {
    id: post.id,
    name: `t3_${post.id}`,
    subreddit: post.subreddit,
    subreddit_id: 't5_2s7lj',
    subreddit_name_prefixed: `r/${post.subreddit}`,
    title: post.title,
    selftext: post.selftext ?? '',
    selftext_html: post.selftext ? `<!-- SC_OFF --><div class="md"><p>${post.selftext}</p>\n</div><!-- SC_ON -->` : null,
    author: post.author,
    created_utc: post.createdUtc,
    score: post.score ?? 0,
    ups: post.score ?? 0,
    downs: 0,
    upvote_ratio: 0.95,
    num_comments: post.numComments ?? 0,
    num_crossposts: 0,
    permalink,
    url: isSelf ? `https://www.reddit.com${permalink}` : post.url,
    domain: isSelf ? `self.${post.subreddit}` : new URL(post.url as string).hostname,
    is_self: isSelf,
    over_18: false,
    stickied: false,
    locked: false,
    edited: false,
    link_flair_text: null,
  }
  // Deleted authors carry no author_fullname at all.
  if (post.author !== '[deleted]' && author) data.author_fullname = `t2_${author.id}`
  if (post.crosspostParent) data.crosspost_parent = post.crosspostParent
  return { kind: 't3', data }
}

export function listing(children: unknown[], after: string | null) {
  return { kind: 'Listing', data: { after, before: null, dist: children.length, modhash: '', geo_filter: '', facets: {}, children } }
}

export function t2About(user: RedditSeedUser) {
  if (user.suspended) return { kind: 't2', data: { name: user.name, is_suspended: true } }
  return {
    kind: 't2',
    data: {
      id: user.id,
      name: user.name,
      created_utc: 1_600_000_000.0,
      link_karma: 10,
      comment_karma: 20,
      total_karma: 30,
      is_suspended: false,
      subreddit: {
        display_name: `u_${user.name}`,
        display_name_prefixed: `u/${user.name}`,
        title: user.title ?? '',
        public_description: user.description ?? '',
        subscribers: user.subscribers ?? 0,
      },
    },
  }
}

export const redditError = (status: number, message: string) => ({ message, error: status })

/** Without `raw_json=1` Reddit HTML-escapes `&`, `<`, `>` inside JSON strings. */
export function serialize(body: unknown, raw: boolean): string {
  if (raw) return JSON.stringify(body)
  return JSON.stringify(body, (_key, value: unknown) =>
    typeof value === 'string' ? value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : value,
  )
}

/** Reddit's default and largest comment `limit` on `/comments/{id}`, and its deepest `depth`. */
export const COMMENT_LIMIT_MAX = 500
export const COMMENT_DEPTH_MAX = 10

/**
 * The comment tree of a submission as `/comments/{id}` serves it: replies nested as Listings
 * ("" when none), newest first, `depth` levels at most and `limit` comments in all; what is left
 * out becomes a `more` stub naming the unloaded children.
 */
export function commentTree(post: RedditSeedPost, comments: RedditSeedComment[], users: Map<string, RedditSeedUser>, depth: number, limit: number) {
  let budget = limit
  const childrenOf = (parent: string) => comments.filter((c) => c.parentId === parent).sort((a, b) => b.createdUtc - a.createdUtc)
  const level = (parent: string, at: number): unknown[] => {
    const kids = childrenOf(parent)
    const out: unknown[] = []
    for (const [i, c] of kids.entries()) {
      if (budget <= 0 || at >= depth) {
        const rest = kids.slice(i)
        out.push({ kind: 'more', data: { count: rest.length, name: `t1_${rest[0].id}`, id: rest[0].id, parent_id: parent, depth: at, children: rest.map((r) => r.id) } })
        break
      }
      budget--
      const replies = level(`t1_${c.id}`, at + 1)
      out.push(t1(c, post, users, replies))
    }
    return out
  }
  const top = level(`t3_${post.id}`, 0)
  return [listing([t3(post, users)], null), listing(top, null)]
}

export function t1(c: RedditSeedComment, post: RedditSeedPost, users: Map<string, RedditSeedUser>, replies: unknown[]) {
  const author = users.get(c.author)
  const data: Record<string, unknown> = {
    id: c.id,
    name: `t1_${c.id}`,
    body: c.body,
    body_html: `<div class="md"><p>${c.body}</p>\n</div>`,
    author: c.author,
    created_utc: c.createdUtc,
    score: c.score ?? 1,
    ups: c.score ?? 1,
    downs: 0,
    link_id: `t3_${post.id}`,
    parent_id: c.parentId,
    subreddit: post.subreddit,
    permalink: `/r/${post.subreddit}/comments/${post.id}/_/${c.id}/`,
    replies: replies.length ? listing(replies, null) : '',
  }
  if (c.author !== '[deleted]' && author) data.author_fullname = `t2_${author.id}`
  return { kind: 't1', data }
}
