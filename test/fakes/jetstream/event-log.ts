// A generated Jetstream v1 event log (shared/reference/network-apis.md §3.7): post creates, some
// of them planted with a topic's word, likes, deletes of earlier posts, identity and account
// events. The log knows which posts are on the topic and still there: what a consumer must hold.

export interface JetstreamCommitEvent {
  did: string
  time_us: number
  kind: 'commit'
  commit: { rev: string; operation: 'create' | 'update' | 'delete'; collection: string; rkey: string; cid?: string; record?: Record<string, unknown> }
}
export interface JetstreamIdentityEvent { did: string; time_us: number; kind: 'identity'; identity: { did: string; handle: string; seq: number; time: string } }
export interface JetstreamAccountEvent { did: string; time_us: number; kind: 'account'; account: { active: boolean; did: string; seq: number; time: string; status?: string } }
export type JetstreamEvent = JetstreamCommitEvent | JetstreamIdentityEvent | JetstreamAccountEvent

export interface EventLog {
  events: JetstreamEvent[]
  /** AT-URIs of the posts that carry the topic word and were not deleted later in the log. */
  onTopic: Set<string>
  /** AT-URIs of on-topic posts the log deletes. */
  deletedOnTopic: Set<string>
}

export interface EventLogOptions {
  count: number
  /** time_us of the first event, and the spacing of the others. */
  startUs: number
  intervalUs: number
  /** A word no other generated text contains. */
  topicWord: string
  seed?: number
}

function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const FILLER = ['morning', 'coffee', 'weather', 'train', 'music', 'garden', 'book', 'cat', 'bread', 'walk', 'rain', 'code']
const POST = 'app.bsky.feed.post'

export function generateEventLog({ count, startUs, intervalUs, topicWord, seed = 1 }: EventLogOptions): EventLog {
  const next = random(seed)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]
  const dids = Array.from({ length: 40 }, (_, i) => `did:plc:fake${i.toString().padStart(4, '0')}`)
  const events: JetstreamEvent[] = []
  const created: { did: string; rkey: string; uri: string }[] = []
  const onTopic = new Set<string>()
  const deletedOnTopic = new Set<string>()
  for (let i = 0; i < count; i++) {
    const time_us = startUs + i * intervalUs
    const did = pick(dids)
    const rkey = `3l${(1_000_000 + i).toString(36)}`
    const rev = `3m${(2_000_000 + i).toString(36)}`
    const roll = next()
    if (roll < 0.6) {
      const planted = next() < 0.3
      const words = Array.from({ length: 4 + Math.floor(next() * 8) }, () => pick(FILLER))
      if (planted) words.splice(Math.floor(next() * words.length), 0, next() < 0.5 ? topicWord : topicWord.toUpperCase())
      const text = words.join(' ')
      const uri = `at://${did}/${POST}/${rkey}`
      const record = { $type: POST, text, langs: ['en'], createdAt: new Date(time_us / 1000).toISOString() }
      events.push({ did, time_us, kind: 'commit', commit: { rev, operation: 'create', collection: POST, rkey, cid: `bafyfake${i}`, record } })
      created.push({ did, rkey, uri })
      if (planted) onTopic.add(uri)
    } else if (roll < 0.75) {
      const subject = created.length ? pick(created).uri : `at://${did}/${POST}/none`
      const record = { $type: 'app.bsky.feed.like', subject: { uri: subject, cid: 'bafyliked' }, createdAt: new Date(time_us / 1000).toISOString() }
      events.push({ did, time_us, kind: 'commit', commit: { rev, operation: 'create', collection: 'app.bsky.feed.like', rkey, cid: `bafylike${i}`, record } })
    } else if (roll < 0.9 && created.length > 0) {
      // Deletes carry neither record nor cid; only the author deletes, so the DID is the post's.
      const [gone] = created.splice(Math.floor(next() * created.length), 1)
      events.push({ did: gone.did, time_us, kind: 'commit', commit: { rev, operation: 'delete', collection: POST, rkey: gone.rkey } })
      if (onTopic.delete(gone.uri)) deletedOnTopic.add(gone.uri)
    } else if (roll < 0.95) {
      events.push({ did, time_us, kind: 'identity', identity: { did, handle: `${did.slice(8)}.bsky.social`, seq: i, time: new Date(time_us / 1000).toISOString() } })
    } else {
      events.push({ did, time_us, kind: 'account', account: { active: true, did, seq: i, time: new Date(time_us / 1000).toISOString() } })
    }
  }
  return { events, onTopic, deletedOnTopic }
}

const FOLLOW = 'app.bsky.graph.follow'
const iso = (timeUs: number) => new Date(timeUs / 1000).toISOString()

/** A post create by `did`. */
export function postEvent(did: string, rkey: string, text: string, time_us: number): JetstreamCommitEvent {
  return { did, time_us, kind: 'commit', commit: { rev: `3r${rkey}`, operation: 'create', collection: POST, rkey, cid: `bafy${rkey}`, record: { $type: POST, text, langs: ['en'], createdAt: iso(time_us) } } }
}

/** `did` follows `subject` through the follow record `rkey`. */
export function followEvent(did: string, subject: string, rkey: string, time_us: number): JetstreamCommitEvent {
  return { did, time_us, kind: 'commit', commit: { rev: `3r${rkey}`, operation: 'create', collection: FOLLOW, rkey, cid: `bafy${rkey}`, record: { $type: FOLLOW, subject, createdAt: iso(time_us) } } }
}

/** `did` removes its follow record `rkey`: as on the wire, the delete carries neither record nor subject. */
export function unfollowEvent(did: string, rkey: string, time_us: number): JetstreamCommitEvent {
  return { did, time_us, kind: 'commit', commit: { rev: `3u${rkey}`, operation: 'delete', collection: FOLLOW, rkey } }
}

/** The account's status changed: `active: false` with `status` (deleted, deactivated, takendown, …). */
export function accountEvent(did: string, active: boolean, status: string | undefined, time_us: number): JetstreamAccountEvent {
  return { did, time_us, kind: 'account', account: { active, did, seq: time_us % 1_000_000, time: iso(time_us), ...(status === undefined ? {} : { status }) } }
}
