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

const EXAMPLE_INBOX_EXTRAS = {
  why: { en: 'Asks a question. 1240 followers, 12 reactions, posted 1 h ago.', fr: 'Pose une question. 1240 abonnés, 12 réactions, publié il y a 1 h.' },
  priority: { score: 8.125, reach: 5.208, urgency: 2, recency: 0.78 },
  conversation: { id: 'mastodon https://piaille.fr/users/lea/statuses/1', size: 1, priority: 8.125 },
}

export const INBOX_REASONS = ['question', 'negative', 'directMention'] as const

export const inboxItemSchema = z
  .object({
    reasons: z.array(z.enum(INBOX_REASONS)).min(1).describe('question: the post asks something; negative: sentiment below -0.3; directMention: it names one of the topic\'s own accounts.'),
    why: z.object({ en: z.string(), fr: z.string() }).describe('Why it is in the inbox and what ranks it, in English and French.'),
    priority: z.object({
      score: z.number().describe('reach × urgency × recency; the inbox is sorted by it, conversation by conversation.'),
      reach: z.number().describe('1 + log₁₀(1 + the author\'s followers) + log₁₀(1 + the post\'s reactions).'),
      urgency: z.number().describe('3 if it names one of the topic\'s own accounts, + 2 for a question, + 2 for a complaint.'),
      recency: z.number().describe('½ ^ (age in days) at `asOf`.'),
    }),
    conversation: z.object({
      id: z.string().describe('The network and the first post of the reply chain (as far as the stored posts reach): items of one conversation share it and come together.'),
      size: z.number().int().describe('Items of this conversation in the inbox.'),
      priority: z.number().describe('The highest priority among them: conversations are ordered by it.'),
    }),
    mention: mentionSchema,
  })
  .meta({ id: 'InboxItem', example: { reasons: ['question'], ...EXAMPLE_INBOX_EXTRAS, mention: EXAMPLE_MENTION } })

export const inboxPageSchema = z
  .object({
    asOf: z.iso.datetime().describe('The time recency is computed at: the start of the current hour, kept by the cursor so every page of one walk uses the same order.'),
    items: z.array(inboxItemSchema),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'InboxPage', example: { asOf: '2026-11-20T10:00:00.000Z', items: [{ reasons: ['question'], ...EXAMPLE_INBOX_EXTRAS, mention: EXAMPLE_MENTION }], nextCursor: null } })

export const handledStateSchema = z
  .object({ postId: z.string(), handledAt: z.iso.datetime().nullable().describe('When it was marked handled; null when it is back in the inbox.') })
  .meta({ id: 'InboxHandledState', example: { postId: '81234', handledAt: '2026-11-20T09:02:11.000Z' } })

export type Mention = z.infer<typeof mentionSchema>
export type MentionPage = z.infer<typeof mentionPageSchema>
export type InboxReason = (typeof INBOX_REASONS)[number]
export type InboxPage = z.infer<typeof inboxPageSchema>
export type HandledState = z.infer<typeof handledStateSchema>
