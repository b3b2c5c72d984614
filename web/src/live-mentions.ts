import { useEffect, useState } from 'preact/hooks'
import type { Schemas } from './api'

// A topic's new mentions as they are stored, from GET /v1/topics/{id}/mentions/stream. The browser's
// EventSource sends the session cookie (same origin) and, after a drop, reconnects by itself with
// Last-Event-ID, so the service sends first what was stored meanwhile. A refused stream (signed
// out, revoked, too many open) is not retried: the page says live updates stopped.
export type LiveState = 'off' | 'connecting' | 'live' | 'reconnecting' | 'stopped'

export interface LiveMentions {
  state: LiveState
  /** The stream opened once (or could not open): a feed read from now on misses nothing it does not send. */
  ready: boolean
  /** Too many mentions were stored while disconnected to be sent: the feed should be read again. */
  overflow: boolean
  /** Mentions received since the stream opened (or since `take`), oldest first. */
  received: Schemas['Mention'][]
  /** Hands over what was received and empties the list; `overflow` is cleared too. */
  take: () => Schemas['Mention'][]
}

/** Received mentions kept at most while nobody takes them (the oldest go first). */
const MAX_HELD = 500
/** How long the feed waits for the stream to open before it is read anyway. */
const OPEN_WAIT_MS = 3000

export function useLiveMentions(topicId: string, enabled: boolean): LiveMentions {
  const [state, setState] = useState<LiveState>(enabled ? 'connecting' : 'off')
  const [ready, setReady] = useState(!enabled)
  const [overflow, setOverflow] = useState(false)
  const [received, setReceived] = useState<Schemas['Mention'][]>([])
  useEffect(() => {
    setReceived([])
    setOverflow(false)
    if (!enabled || typeof EventSource === 'undefined') {
      setState(enabled ? 'stopped' : 'off')
      setReady(true)
      return
    }
    setState('connecting')
    setReady(false)
    const source = new EventSource(`/v1/topics/${encodeURIComponent(topicId)}/mentions/stream`)
    // A stream held back on the way (a buffering proxy) must not keep the feed from loading.
    const notWaitingLonger = setTimeout(() => setReady(true), OPEN_WAIT_MS)
    source.onopen = () => { setState('live'); setReady(true) }
    source.onerror = () => {
      // CLOSED: the service refused the stream (no retry); CONNECTING: the browser reconnects.
      setState(source.readyState === EventSource.CLOSED ? 'stopped' : 'reconnecting')
      if (source.readyState === EventSource.CLOSED) setReady(true)
    }
    source.addEventListener('mention', (event) => {
      let mention: Schemas['Mention']
      try { mention = JSON.parse((event as MessageEvent<string>).data) as Schemas['Mention'] } catch { return }
      setReceived((list) => (list.some((m) => m.id === mention.id) ? list : [...list, mention].slice(-MAX_HELD)))
    })
    source.addEventListener('overflow', () => setOverflow(true))
    return () => {
      clearTimeout(notWaitingLonger)
      source.close()
    }
  }, [topicId, enabled])
  const take = () => {
    const taken = received
    setReceived([])
    setOverflow(false)
    return taken
  }
  return { state, ready, overflow, received, take }
}
