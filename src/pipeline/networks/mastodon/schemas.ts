// Wire formats of the Mastodon REST API (entities/Status.md, Account.md, Quote.md, Search.md),
// reduced to the fields Relais reads. Unknown fields are dropped; nullable ones stay nullable.
import { z } from 'zod'

const count = z.number().int().nonnegative().catch(0)

export const mastodonAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  acct: z.string(),
  display_name: z.string().nullish(),
  note: z.string().nullish(),
  url: z.string().nullish(),
  uri: z.string().nullish(),
  followers_count: z.number().int().nullish(),
  following_count: z.number().int().nullish(),
  statuses_count: z.number().int().nullish(),
  // Profile metadata (entities/Field): `value` is HTML; `verified_at` is set when the linked page
  // links back to the profile with rel="me". A malformed list is read as no fields.
  fields: z.array(z.object({ name: z.string(), value: z.string(), verified_at: z.string().nullish() })).max(64).nullish().catch(null),
})
export type MastodonAccount = z.infer<typeof mastodonAccountSchema>

export const mastodonMentionSchema = z.object({
  id: z.string(),
  username: z.string(),
  url: z.string().nullish(),
  acct: z.string(),
})

export const mastodonTagSchema = z.object({ name: z.string(), url: z.string().nullish() })

const baseStatusShape = {
  id: z.string(),
  uri: z.string(),
  url: z.string().nullish(),
  created_at: z.iso.datetime({ offset: true }),
  /** Set when the author edited it (3.5+); null or absent otherwise. */
  edited_at: z.string().nullish().catch(null),
  account: mastodonAccountSchema,
  content: z.string().catch(''),
  spoiler_text: z.string().nullish(),
  language: z.string().nullish(),
  in_reply_to_id: z.string().nullish(),
  in_reply_to_account_id: z.string().nullish(),
  replies_count: count.optional(),
  reblogs_count: count.optional(),
  favourites_count: count.optional(),
  quotes_count: count.optional(),
  mentions: z.array(mastodonMentionSchema).catch([]).optional(),
  tags: z.array(mastodonTagSchema).catch([]).optional(),
}

/** A quoted status one level deep; its own quote (if any) only matters as a reference. */
const quotedStatusSchema = z.object({
  ...baseStatusShape,
  quote: z.object({ state: z.string(), quoted_status_id: z.string().nullish() }).nullish(),
})

/** `Quote` carries the quoted status, `ShallowQuote` only its (instance-local) id. */
export const mastodonQuoteSchema = z.object({
  state: z.string(),
  quoted_status: quotedStatusSchema.nullish().catch(null),
  quoted_status_id: z.string().nullish(),
})
export type MastodonQuote = z.infer<typeof mastodonQuoteSchema>

const nonReblogStatusSchema = z.object({
  ...baseStatusShape,
  quote: mastodonQuoteSchema.nullish().catch(null),
})

export const mastodonStatusSchema = z.object({
  ...nonReblogStatusSchema.shape,
  reblog: nonReblogStatusSchema.nullish(),
})
export type MastodonStatus = z.infer<typeof mastodonStatusSchema>
/** Any status shape the normaliser meets: a top-level one, a boosted original, a quoted one. */
export type MastodonAnyStatus = z.infer<typeof quotedStatusSchema> & { quote?: MastodonQuote | { state: string; quoted_status_id?: string | null } | null }

export const mastodonStatusListSchema = z.array(mastodonStatusSchema)
export const mastodonAccountListSchema = z.array(mastodonAccountSchema)

export const mastodonSearchSchema = z.object({
  accounts: z.array(mastodonAccountSchema).catch([]),
  statuses: mastodonStatusListSchema,
  hashtags: z.array(z.unknown()).catch([]),
})
