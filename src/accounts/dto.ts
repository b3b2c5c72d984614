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
  .meta({ id: 'AccountDetail' })

export type AccountDetail = z.infer<typeof accountDetailSchema>
