import type { NormalizedAccount, NormalizedPost } from '../model.ts'
import type { RedditPost, RedditUserAbout } from './schemas.ts'

export const REDDIT_WEB = 'https://www.reddit.com'
const DELETED_AUTHOR = '[deleted]'
/** Bodies replaced by Reddit when the author or a moderator removed the post: not the author's words. */
const REMOVED_BODIES = new Set(['[deleted]', '[removed]'])
// Reddit usernames: 3–20 of [A-Za-z0-9_-]; `u/name` or `/u/name`, not inside a URL path or word.
const USER_MENTION = /(?<![\w/.-])\/?u\/([A-Za-z0-9_-]{3,20})(?![\w-])/g
const URL_IN_TEXT = /https?:\/\/[^\s<>()[\]"']+/g

export function userUrl(name: string): string {
  return `${REDDIT_WEB}/user/${encodeURIComponent(name)}/`
}

function mentionsIn(text: string): NormalizedPost['mentions'] {
  const seen = new Set<string>()
  const mentions: NormalizedPost['mentions'] = []
  for (const match of text.matchAll(USER_MENTION)) {
    const handle = `u/${match[1]}`
    if (seen.has(handle.toLowerCase())) continue
    seen.add(handle.toLowerCase())
    mentions.push({ externalId: null, handle })
  }
  return mentions
}

function linksOf(post: RedditPost, body: string): string[] {
  const links = new Set<string>()
  if (!post.is_self && post.url && !post.url.startsWith(REDDIT_WEB)) links.add(post.url)
  for (const match of body.matchAll(URL_IN_TEXT)) links.add(match[0].replace(/[.,;:!?]+$/, ''))
  return [...links]
}

export function authorIdOf(post: RedditPost): string | null {
  return post.author === DELETED_AUTHOR ? null : (post.author_fullname ?? null)
}

/** Title and body together: on Reddit the title carries most of what a post says. */
export function normalizePost(post: RedditPost): NormalizedPost {
  const body = REMOVED_BODIES.has(post.selftext.trim()) ? '' : post.selftext
  const text = body.trim() === '' ? post.title : `${post.title}\n\n${body}`
  return {
    network: 'reddit',
    externalId: post.name,
    authorExternalId: authorIdOf(post),
    createdAt: new Date(Math.round(post.created_utc * 1000)),
    text,
    lang: null,
    url: `${REDDIT_WEB}${post.permalink}`,
    replyToExternalId: null,
    replyToAuthorExternalId: null,
    repostOfExternalId: null,
    // A crosspost re-shares a post under a new title: the closest Reddit has to a quote.
    quoteOfExternalId: post.crosspost_parent ?? null,
    likes: Math.max(0, post.score),
    reposts: post.num_crossposts,
    replies: post.num_comments,
    quotes: 0,
    hashtags: [],
    mentions: mentionsIn(text),
    links: linksOf(post, body),
  }
}

/** What a post tells about its author: a name and an id, no counts. */
export function authorOf(post: RedditPost): NormalizedAccount | null {
  const externalId = authorIdOf(post)
  if (externalId === null) return null
  return {
    network: 'reddit',
    externalId,
    handle: `u/${post.author}`,
    displayName: null,
    bio: null,
    url: userUrl(post.author),
    followersCount: null,
    followingCount: null,
    postsCount: null,
  }
}

export function normalizeAbout(about: RedditUserAbout, knownFullname: string | null): NormalizedAccount | null {
  const externalId = about.id ? `t2_${about.id}` : knownFullname
  if (externalId === null) return null
  const profile = about.is_suspended ? null : about.subreddit
  return {
    network: 'reddit',
    externalId,
    handle: `u/${about.name}`,
    displayName: profile?.title || null,
    bio: profile?.public_description || null,
    url: userUrl(about.name),
    // A user's followers are the subscribers of their profile subreddit.
    followersCount: profile?.subscribers ?? null,
    followingCount: null,
    postsCount: null,
  }
}

/** Posts and their distinct authors, as a batch. */
export function batchOf(posts: RedditPost[]): { posts: NormalizedPost[]; accounts: NormalizedAccount[] } {
  const accounts = new Map<string, NormalizedAccount>()
  for (const post of posts) {
    const author = authorOf(post)
    if (author) accounts.set(author.externalId, author)
  }
  return { posts: posts.map(normalizePost), accounts: [...accounts.values()] }
}
