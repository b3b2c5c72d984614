import { z } from 'zod'
import { accountProfileSchema, scoreComponentsSchema } from '../rankings/dto.ts'

const scorePointSchema = z.object({
  computedAt: z.iso.datetime(),
  influence: z.number(),
  relay: z.number(),
  influenceRank: z.number().int(),
  relayRank: z.number().int(),
})

export const accountDetailSchema = z
  .object({
    account: accountProfileSchema,
    topics: z.array(
      z.object({
        topicId: z.uuid(),
        topicName: z.string(),
        latest: scorePointSchema.extend({ community: z.number().int(), prospect: z.boolean(), components: scoreComponentsSchema }).nullable()
          .describe('Scores in the topic\'s latest snapshot; null when the account is not in it.'),
        history: z.array(scorePointSchema).describe('Recent snapshots, newest first.'),
      }),
    ),
    recentPosts: z.array(
      z.object({
        id: z.string(),
        network: z.string(),
        url: z.string().nullable(),
        text: z.string(),
        createdAt: z.iso.datetime(),
        topicIds: z.array(z.uuid()),
      }),
    ).describe('Its latest posts on the workspace\'s topics.'),
  })
  .meta({
    id: 'AccountDetail',
    example: {
      account: { id: '1042', network: 'mastodon', externalId: 'noemie@piaille.fr', handle: 'noemie@piaille.fr', displayName: 'Noémie', url: 'https://piaille.fr/@noemie', bio: 'Vélotaf quotidien', followersCount: 2200, followingCount: 310 },
      topics: [{ topicId: '7d3f1f0e-2c1b-4b8a-9a52-1f0d6a3c9b11', topicName: 'Vélo en ville', latest: null, history: [{ computedAt: '2026-11-24T10:40:00.000Z', influence: 100, relay: 42.5, influenceRank: 1, relayRank: 3 }] }],
      recentPosts: [{ id: '88123', network: 'mastodon', url: 'https://piaille.fr/@noemie/1133', text: 'Nouvelle piste cyclable rue de la Paix #velo', createdAt: '2026-11-23T08:12:00.000Z', topicIds: ['7d3f1f0e-2c1b-4b8a-9a52-1f0d6a3c9b11'] }],
    },
  })

export type AccountDetail = z.infer<typeof accountDetailSchema>
