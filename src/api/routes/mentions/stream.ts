import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { DB } from '../../../platform/db/schema.ts'
import { AppError } from '../../../platform/shared/errors.ts'
import { findTopic } from '../../../tenancy/topics/find-topic.ts'
import { createMentionHub, type MentionHubOptions } from '../../../insight/mentions/mention-hub.ts'
import { markOfEventId } from '../../../insight/mentions/new-mentions.ts'
import { problemResponses } from '../../problem.ts'
import { stillAuthorized } from '../../plugins/auth.ts'
import { DEFAULT_LIVE_STREAM_OPTIONS, runLiveStream, type LiveStreamOptions } from './live-stream.ts'

export type LiveMentionOptions = LiveStreamOptions & MentionHubOptions & {
  /** Streams one key (or one signed-in session) may hold open at once, per process. */
  maxStreamsPerKey: number
  /** Streams one workspace may hold open at once, all its keys and sessions together, per process. */
  maxStreamsPerWorkspace: number
  /** Streams this process holds open at once, for every workspace. */
  maxStreams: number
}

const params = z.object({ id: z.string().max(64).describe('Topic id') })
const EXAMPLE_STREAM = 'retry: 3000\n\n: connected\n\nid: 1796682211501000.81234\nevent: mention\ndata: {"id":"81234","network":"bluesky","url":"https://bsky.app/profile/did:plc:ab12/post/3l2k","text":"Mon vélo est enfin réparé","createdAt":"2026-12-07T22:48:12.000Z","lang":"fr","author":null,"engagement":{"likes":0,"reposts":0,"replies":0,"quotes":0,"total":0},"sentiment":0.4,"sentimentLabel":"positive","isQuestion":false,"hashtags":[],"matchedTerms":["vélo"]}\n\n: heartbeat\n\n'

/**
 * New mentions of a topic as server-sent events, scoped like the feed (another workspace's topic
 * is not found). Each process looks for new matches of the watched topics through one hub; the
 * open streams are ended when the app closes.
 */
export const mentionStreamRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; options?: Partial<LiveMentionOptions> }> = async (app, { db, options = {} }) => {
  const settings: LiveMentionOptions = { ...DEFAULT_LIVE_STREAM_OPTIONS, maxStreamsPerKey: 5, maxStreamsPerWorkspace: 50, maxStreams: 1000, intervalMs: 500, overlapMs: 30_000, batch: 200, ...options }
  const hub = createMentionHub(db, settings, (err) => app.log.warn({ err }, 'live mentions: a look for new mentions failed'))
  const openPerKey = new OpenCounts()
  const openPerWorkspace = new OpenCounts()
  const streams = new Set<{ close(): void; done: Promise<void> }>()
  app.addHook('preClose', async () => {
    const open = [...streams]
    for (const stream of open) stream.close()
    await Promise.all(open.map((stream) => stream.done))
    hub.close()
  })

  app.get('/topics/:id/mentions/stream', {
    config: { scope: 'read' },
    schema: {
      operationId: 'streamMentions', tags: ['mentions'], summary: 'New mentions of the topic, live, as server-sent events',
      description: [
        'Each mention stored for the topic after the stream opened is sent as an event `mention` whose data is the mention as the feed (`listMentions`) serves it, and whose `id` marks its place.',
        'The comment `: connected` says the stream is live; `: heartbeat` comes every 15 seconds.',
        'Reconnecting with `Last-Event-ID` (browsers do it) first sends what was stored after that event (up to 1,000; beyond, an `overflow` event says to read the rest from the feed).',
        'At most 5 streams per key and 50 per workspace at once (429 beyond); a stream ends after 30 minutes, or when the client stops reading, and the client reconnects.',
        'The key (or session) is checked again every 10 seconds: once it is revoked, the stream ends within about 15 seconds and a reconnection is refused (401).',
        'A mention is sent within a second or so of being stored.',
      ].join(' '),
      produces: ['text/event-stream'],
      params,
      headers: z.object({ 'last-event-id': z.string().max(100).optional().describe('The `id` of the last event received, to resume after it.') }),
      response: { 200: z.string().describe('A text/event-stream of `mention` events (data: a Mention).').meta({ example: EXAMPLE_STREAM }), ...problemResponses(401, 403, 404, 406, 429, 503) },
    },
  }, async (req, reply) => {
    const { workspaceId, keyId } = req.auth
    await findTopic(db, workspaceId, req.params.id)
    if (openPerKey.of(keyId) >= settings.maxStreamsPerKey) throw new AppError('rate_limited', `At most ${settings.maxStreamsPerKey} live streams per key at once: close one first.`)
    if (openPerWorkspace.of(workspaceId) >= settings.maxStreamsPerWorkspace) throw new AppError('rate_limited', `At most ${settings.maxStreamsPerWorkspace} live streams per workspace at once, all its keys and sessions together: close one first.`)
    if (openPerWorkspace.total >= settings.maxStreams) throw new AppError('unavailable', 'This server holds as many live streams as it can: try again in a minute, or read the feed.')
    openPerKey.add(keyId)
    openPerWorkspace.add(workspaceId)
    reply.hijack()
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': req.id,
    })
    try {
      const stream = await runLiveStream(db, hub, req.params.id, markOfEventId(typeof req.headers['last-event-id'] === 'string' ? req.headers['last-event-id'] : undefined), reply.raw, settings, () => stillAuthorized(db, req))
      streams.add(stream)
      await stream.done
      streams.delete(stream)
    } catch (err) {
      req.log.warn({ err }, 'live mentions: the stream failed')
      reply.raw.end()
    } finally {
      openPerKey.remove(keyId)
      openPerWorkspace.remove(workspaceId)
    }
  })
}

/** How many streams each key (or workspace) holds open in this process. */
class OpenCounts {
  private readonly counts = new Map<string, number>()
  /** Every stream counted, whatever its id. */
  total = 0
  of(id: string): number { return this.counts.get(id) ?? 0 }
  add(id: string): void { this.counts.set(id, this.of(id) + 1); this.total++ }
  remove(id: string): void {
    this.total--
    const left = this.of(id) - 1
    if (left > 0) this.counts.set(id, left)
    else this.counts.delete(id)
  }
}
