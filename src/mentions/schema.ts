import { z } from 'zod'

export const mentionAuthorSchema = z.object({
  id: z.string().describe('Relais account id'),
  handle: z.string(),
  displayName: z.string().nullable(),
  url: z.string().nullable(),
  followersCount: z.number().int().nullable(),
})

const EXAMPLE_MENTION = {
  id: '81234', network: 'mastodon', url: 'https://piaille.fr/@lea/113', text: 'Quelle piste cyclable prendre pour aller à Part-Dieu à vélo ? #velotaf',
  createdAt: '2026-11-20T08:14:03.000Z', lang: 'fr',
  author: { id: '5521', handle: 'lea@piaille.fr', displayName: 'Léa', url: 'https://piaille.fr/@lea', followersCount: 312 },
  engagement: { likes: 4, reposts: 1, replies: 2, quotes: 0, total: 7 },
  sentiment: 0, sentimentLabel: 'neutral', isQuestion: true, hashtags: ['velotaf'], matchedTerms: ['#velotaf'],
}

export const mentionSchema = z
  .object({
    id: z.string().describe('Relais post id'),
    network: z.string(),
    url: z.string().nullable(),
    text: z.string(),
    createdAt: z.iso.datetime(),
    lang: z.string().nullable(),
    author: mentionAuthorSchema.nullable().describe('null when the author is gone (a deleted account).'),
    engagement: z.object({
      likes: z.number().int(), reposts: z.number().int(), replies: z.number().int(), quotes: z.number().int(),
      total: z.number().int().describe('likes + reposts + replies + quotes: what `sort=engaged` orders by.'),
    }),
    sentiment: z.number().nullable().describe('-1 (negative) … 1 (positive), calibrated per language so the same bands hold in all: below -0.05 negative, above 0.05 positive, below -0.3 worth answering; null for a language the analyser does not know.'),
    sentimentLabel: z.enum(['negative', 'neutral', 'positive']).nullable().describe('The label the topic stats count this post under; null with no sentiment.'),
    isQuestion: z.boolean(),
    hashtags: z.array(z.string()),
    matchedTerms: z.array(z.string()).describe('The terms of the topic query the post matched.'),
  })
  .meta({ id: 'Mention', example: EXAMPLE_MENTION })

export const mentionPageSchema = z
  .object({ items: z.array(mentionSchema), nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.') })
  .meta({ id: 'MentionPage', example: { items: [EXAMPLE_MENTION], nextCursor: 'WyJuIiwiMjAyNi0xMS0yMFQwODoxNDowMy4wMDBaIiw4MTIzNF0' } })

export const INBOX_REASONS = ['question', 'negative', 'directMention'] as const

export const inboxItemSchema = z
  .object({
    reasons: z.array(z.enum(INBOX_REASONS)).min(1).describe('question: the post asks something; negative: sentiment below -0.3; directMention: it names one of the topic\'s own accounts.'),
    mention: mentionSchema,
  })
  .meta({ id: 'InboxItem', example: { reasons: ['question'], mention: EXAMPLE_MENTION } })

export const inboxPageSchema = z
  .object({ items: z.array(inboxItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'InboxPage', example: { items: [{ reasons: ['question'], mention: EXAMPLE_MENTION }], nextCursor: null } })

export const handledStateSchema = z
  .object({ postId: z.string(), handledAt: z.iso.datetime().nullable().describe('When it was marked handled; null when it is back in the inbox.') })
  .meta({ id: 'InboxHandledState', example: { postId: '81234', handledAt: '2026-11-20T09:02:11.000Z' } })

export type Mention = z.infer<typeof mentionSchema>
export type MentionPage = z.infer<typeof mentionPageSchema>
export type InboxReason = (typeof INBOX_REASONS)[number]
export type InboxPage = z.infer<typeof inboxPageSchema>
export type HandledState = z.infer<typeof handledStateSchema>
