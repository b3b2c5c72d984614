// New mentions of the topics someone is watching, for the live stream: one poller per process
// looks, every `intervalMs`, at each watched topic's matches stored since its last look, and hands
// the new ones to every listener of that topic. One query per watched topic per interval however
// many clients watch it.
//
// Why a look-back (`overlapMs`): a match carries its transaction's start time and becomes visible
// at commit, so a match may appear after later-timed ones were seen. Each look reads again from
// `overlapMs` before the database's clock at the previous look and skips the matches already sent
// (kept for that long), so a batch committed up to `overlapMs` after it began is not missed.
import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { databaseNowUs, liveMentions, matchesSince, type LiveMention } from './new-mentions.ts'

export type MentionListener = (mentions: readonly LiveMention[]) => void

export interface MentionHub {
  /** Resolves once the topic is watched: matches stored from then on reach `listener`. Returns the way to stop. */
  watch(topicId: string, listener: MentionListener): Promise<() => void>
  /** Stops looking (the listeners get nothing more). */
  close(): void
}

export interface MentionHubOptions { intervalMs: number; overlapMs: number; batch: number }

export const DEFAULT_MENTION_HUB_OPTIONS: Readonly<MentionHubOptions> = Object.freeze({ intervalMs: 500, overlapMs: 30_000, batch: 200 })

/** Matches of the look-back read when a topic starts being watched, at most. */
const BASELINE_MAX = 5000

interface Watched { listeners: Set<MentionListener>; sinceUs: number; sent: Map<number, number> }

export function createMentionHub(db: Kysely<DB>, options: Partial<MentionHubOptions> = {}, onError: (error: unknown) => void = () => {}): MentionHub {
  const { intervalMs, overlapMs, batch } = { ...DEFAULT_MENTION_HUB_OPTIONS, ...options }
  const overlapUs = overlapMs * 1000
  const topics = new Map<string, Watched>()
  let timer: NodeJS.Timeout | null = null
  let looking: Promise<void> | null = null

  /** The topic's new matches since its last look, handed to its listeners. */
  async function look(topicId: string, watched: Watched): Promise<void> {
    const nowUs = await databaseNowUs(db)
    // The matches already sent are all at or after `sinceUs`: reading that many more finds up to `batch` new ones.
    const limit = watched.sent.size + batch
    const marks = await matchesSince(db, topicId, watched.sinceUs, limit)
    const fresh = marks.filter((mark) => !watched.sent.has(mark.postId))
    for (const mark of fresh) watched.sent.set(mark.postId, mark.matchedUs)
    // A full read may have left newer matches unread: the next look starts at the last one read.
    const nextUs = marks.length === limit ? Math.min(marks.at(-1)!.matchedUs, nowUs - overlapUs) : nowUs - overlapUs
    watched.sinceUs = Math.max(watched.sinceUs, nextUs)
    for (const [postId, matchedUs] of watched.sent) if (matchedUs < watched.sinceUs) watched.sent.delete(postId)
    if (fresh.length === 0 || watched.listeners.size === 0) return
    const mentions = await liveMentions(db, topicId, fresh)
    for (const listener of watched.listeners) listener(mentions)
  }

  const tick = () => {
    if (looking !== null) return
    looking = (async () => {
      for (const [topicId, watched] of topics) {
        if (watched.listeners.size === 0) continue
        await look(topicId, watched).catch(onError)
      }
    })().finally(() => { looking = null })
  }

  return {
    async watch(topicId, listener) {
      let watched = topics.get(topicId)
      if (watched === undefined) {
        // What is there already counts as sent: only matches stored from now on are new.
        let sinceUs = (await databaseNowUs(db)) - overlapUs
        const there = await matchesSince(db, topicId, sinceUs, BASELINE_MAX)
        const sent = new Map(there.map((mark) => [mark.postId, mark.matchedUs]))
        // More than that many in the look-back: the older ones are taken as seen.
        if (there.length === BASELINE_MAX) sinceUs = there.at(-1)!.matchedUs
        watched = topics.get(topicId) ?? { listeners: new Set(), sinceUs, sent }
        topics.set(topicId, watched)
      }
      watched.listeners.add(listener)
      timer ??= setInterval(tick, intervalMs)
      const stop = () => {
        watched.listeners.delete(listener)
        if (watched.listeners.size === 0 && topics.get(topicId) === watched) topics.delete(topicId)
        if (topics.size === 0 && timer !== null) {
          clearInterval(timer)
          timer = null
        }
      }
      return stop
    },
    close() {
      if (timer !== null) clearInterval(timer)
      timer = null
      topics.clear()
    },
  }
}
