import { z } from 'zod'

// What each network's source needs to connect. `credentials` are secrets: write-only through the
// API, never returned, never logged. `settings` are plain connection settings.
// http is accepted here and refused by the operator's policy unless allowed (check-source-urls.ts).
const httpsUrl = z.url({ protocol: /^https?$/ }).max(2000)
  .refine((u) => !URL.canParse(u) || (!new URL(u).username && !new URL(u).password), 'no user or password in the URL (put secrets in credentials)')

const mastodon = z.strictObject({
  network: z.literal('mastodon'),
  baseUrl: httpsUrl.describe('The instance, e.g. https://mastodon.social'),
  settings: z.strictObject({ localDomain: z.string().max(253).optional() }).default({}),
  credentials: z.strictObject({ accessToken: z.string().min(1).max(500).optional() }).default({}),
})
const bluesky = z.strictObject({
  network: z.literal('bluesky'),
  baseUrl: httpsUrl.optional().describe('AppView for reads; default https://public.api.bsky.app'),
  settings: z.strictObject({ pdsUrl: httpsUrl.optional() }).default({}),
  credentials: z.strictObject({ identifier: z.string().min(1).max(253).optional(), appPassword: z.string().min(1).max(200).optional() }).default({}),
})
const reddit = z.strictObject({
  network: z.literal('reddit'),
  baseUrl: httpsUrl.optional().describe('Default https://oauth.reddit.com'),
  settings: z.strictObject({ tokenUrl: httpsUrl.optional() }).default({}),
  credentials: z.strictObject({ clientId: z.string().min(1).max(200), clientSecret: z.string().min(1).max(200) }),
})
const x = z.strictObject({
  network: z.literal('x'),
  baseUrl: httpsUrl.optional().describe('Default https://api.x.com'),
  settings: z.strictObject({}).default({}),
  credentials: z.strictObject({ bearerToken: z.string().min(1).max(1000) }),
})

export const sourceConfigSchema = z.discriminatedUnion('network', [mastodon, bluesky, reddit, x])

/** The same, with the fields a stored source adds (its name). */
export function sourceConfigWith<Shape extends z.ZodRawShape>(extra: Shape) {
  return z.discriminatedUnion('network', [mastodon.extend(extra), bluesky.extend(extra), reddit.extend(extra), x.extend(extra)])
}

export type SourceConfig = z.infer<typeof sourceConfigSchema>
