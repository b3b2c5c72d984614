import type { NormalizedAccount, NormalizedPost } from '../model.ts'
import type { RedditPost, RedditUserAbout } from './schemas.ts'

export const REDDIT_WEB = 'https://www.reddit.com'
const DELETED_AUTHOR = '[deleted]'
/** Bodies replaced by Reddit when the author or a moderator removed the post: not the author's words. */
const REMOVED_BODIES = new Set(['[deleted]', '[removed]'])

export function userUrl(name: string): string {
  return `${REDDIT_WEB}/user/${encodeURIComponent(name)}/`
}

/** The link a link post points to: the one entity Reddit reports (the text's are found by enrichment). */
function linksOf(post: RedditPost): string[] {
  return !post.is_self && post.url && !post.url.startsWith(REDDIT_WEB) ? [post.url] : []
}

export function authorIdOf(post: RedditPost): string | null {
  return post.author === DELETED_AUTHOR ? null : (post.author_fullname ?? null)
}

/**
 * Reddit's counts in Relais's terms, at collection and at every re-read: the score (upvotes less
 * downvotes, never below zero) stands for likes, comments for replies, crossposts for reposts;
 * Reddit has no quotes (a crosspost is kept as the quote reference, not counted twice).
 */
export function countsOf(post: RedditPost): { likes: number; reposts: number; replies: number; quotes: number } {
  return { likes: Math.max(0, post.score), reposts: post.num_crossposts, replies: post.num_comments, quotes: 0 }
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
    ...countsOf(post),
    // Reddit marks up neither mentions nor links: enrichment finds `u/name` and URLs in the text.
    hashtags: [],
    mentions: [],
    links: linksOf(post),
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
