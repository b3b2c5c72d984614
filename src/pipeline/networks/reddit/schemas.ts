// Reddit wire shapes (reference/network-apis.md §4.3), only the fields Relais reads.
import { z } from 'zod'

export const redditPostSchema = z.object({
  id: z.string(),
  name: z.string().startsWith('t3_'),
  title: z.string(),
  selftext: z.string().default(''),
  author: z.string(),
  /** Absent for deleted authors. */
  author_fullname: z.string().optional(),
  created_utc: z.number(),
  permalink: z.string(),
  url: z.string().nullish(),
  is_self: z.boolean().default(true),
  subreddit: z.string().optional(),
  score: z.number().default(0),
  num_comments: z.number().default(0),
  num_crossposts: z.number().default(0),
  crosspost_parent: z.string().nullish(),
})
export type RedditPost = z.infer<typeof redditPostSchema>

/** `/search` with `type=link` and `/user/{name}/submitted` list posts only. */
export const postListingSchema = z.object({
  kind: z.literal('Listing'),
  data: z.object({
    after: z.string().nullable(),
    children: z.array(z.object({ kind: z.literal('t3'), data: redditPostSchema })),
  }),
})

export const userAboutSchema = z.object({
  kind: z.literal('t2'),
  data: z.object({
    /** Suspended users come back as `{name, is_suspended: true}` only. */
    id: z.string().optional(),
    name: z.string(),
    is_suspended: z.boolean().optional(),
    subreddit: z
      .object({
        subscribers: z.number().nullish(),
        public_description: z.string().nullish(),
        title: z.string().nullish(),
      })
      .nullish(),
  }),
})
export type RedditUserAbout = z.infer<typeof userAboutSchema>['data']

/** `/api/user_data_by_account_ids`: fullname → partial user, unknown ids left out. */
export const userDataByIdsSchema = z.record(z.string(), z.object({ name: z.string() }))

export const tokenResponseSchema = z.union([
  z.object({ access_token: z.string(), token_type: z.string(), expires_in: z.number(), scope: z.string().optional() }),
  // Reddit answers some grant problems with 200 and an error body.
  z.object({ error: z.union([z.string(), z.number()]), message: z.string().optional() }),
])
