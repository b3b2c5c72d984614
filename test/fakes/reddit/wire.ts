// Reddit JSON in the documented shapes (reference/network-apis.md §4.3, §4.5).
import type { RedditSeedPost, RedditSeedUser } from './seed.ts'

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
