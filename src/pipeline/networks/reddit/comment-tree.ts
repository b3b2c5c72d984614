// The replies under a submission: `GET /comments/{id}` answers with two listings, the submission
// and its comment tree (`t1` comments whose `replies` is a nested Listing or "", and `more` stubs
// for the comments not loaded). Comments become posts replying to their parent (`parent_id`, a
// `t1_` or the `t3_`), their authors accounts.
import { z } from 'zod'
import type { NormalizedAccount, NormalizedPost } from '../model.ts'
import { REDDIT_WEB, userUrl } from './normalize.ts'
import { redditPostSchema } from './schemas.ts'

const DELETED_AUTHOR = '[deleted]'
const REMOVED_BODIES = new Set(['[deleted]', '[removed]'])

/** Levels of replies read under a submission, and comments asked for in the one request. */
export const COMMENT_DEPTH = 8
export const COMMENT_LIMIT = 500

export interface RedditComment {
  name: string
  body: string
  author: string
  author_fullname?: string | undefined
  created_utc: number
  score: number
  parent_id: string
  permalink: string
  replies: RedditCommentNode[]
}
type RedditCommentNode = { kind: 't1'; data: RedditComment } | { kind: 'more' }

const nodeSchema: z.ZodType<RedditCommentNode> = z.lazy(() =>
  z.union([
    z.object({
      kind: z.literal('t1'),
      data: z.object({
        name: z.string().startsWith('t1_'),
        body: z.string().default(''),
        author: z.string(),
        author_fullname: z.string().optional(),
        created_utc: z.number(),
        score: z.number().default(0),
        parent_id: z.string(),
        permalink: z.string(),
        // "" when the comment has no replies.
        replies: z.union([z.literal(''), z.object({ data: z.object({ children: z.array(nodeSchema) }) })]).transform((r) => (r === '' ? [] : r.data.children)),
      }),
    }),
    z.object({ kind: z.literal('more') }),
  ]),
)

export const commentTreeSchema = z.tuple([
  z.object({ kind: z.literal('Listing'), data: z.object({ children: z.array(z.object({ kind: z.literal('t3'), data: redditPostSchema })) }) }),
  z.object({ kind: z.literal('Listing'), data: z.object({ children: z.array(nodeSchema) }) }),
])

/** Every loaded comment of the tree, parents before their replies, as posts and their authors. */
export function commentsOf(tree: z.infer<typeof commentTreeSchema>): { posts: NormalizedPost[]; accounts: NormalizedAccount[] } {
  const submission = tree[0].data.children[0]?.data
  const authorOfId = new Map<string, string | null>()
  if (submission) authorOfId.set(submission.name, submission.author === DELETED_AUTHOR ? null : (submission.author_fullname ?? null))
  const posts: NormalizedPost[] = []
  const accounts = new Map<string, NormalizedAccount>()
  const walk = (nodes: RedditCommentNode[]) => {
    for (const node of nodes) {
      if (node.kind !== 't1') continue
      const c = node.data
      const authorId = c.author === DELETED_AUTHOR ? null : (c.author_fullname ?? null)
      authorOfId.set(c.name, authorId)
      if (authorId !== null) accounts.set(authorId, { network: 'reddit', externalId: authorId, handle: `u/${c.author}`, displayName: null, bio: null, url: userUrl(c.author), followersCount: null, followingCount: null, postsCount: null })
      posts.push({
        network: 'reddit',
        externalId: c.name,
        authorExternalId: authorId,
        createdAt: new Date(Math.round(c.created_utc * 1000)),
        text: REMOVED_BODIES.has(c.body.trim()) ? '' : c.body,
        lang: null,
        url: `${REDDIT_WEB}${c.permalink}`,
        replyToExternalId: c.parent_id,
        replyToAuthorExternalId: authorOfId.get(c.parent_id) ?? null,
        repostOfExternalId: null,
        quoteOfExternalId: null,
        likes: Math.max(0, c.score),
        reposts: 0,
        replies: 0,
        quotes: 0,
        hashtags: [],
        mentions: [],
        links: [],
      })
      walk(c.replies)
    }
  }
  walk(tree[1].data.children)
  return { posts, accounts: [...accounts.values()] }
}
