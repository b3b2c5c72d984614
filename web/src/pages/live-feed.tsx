import { useEffect, useRef, useState } from 'preact/hooks'
import type { Schemas } from '../api'
import { formatNumber, t } from '../i18n'
import type { LiveMentions, LiveState } from '../live-mentions'
import { MentionItem } from './mention-item'

// The mention feed's first page, with the mentions that arrive live on top. Someone who sees the
// top of the list gets them inserted at once; someone reading further down is not moved: a bar
// says how many wait, and "Show" inserts them and takes the focus to the newest. Both are
// announced politely to screen readers.
function stateText(state: LiveState): string {
  switch (state) {
    case 'off': return t('Live updates paused while filtered.')
    case 'connecting': return t('Connecting to live updates…')
    case 'live': return t('Live: new mentions appear here as they are collected.')
    case 'reconnecting': return t('Connection lost: reconnecting…')
    case 'stopped': return t('Live updates stopped: reload the page to resume them.')
  }
}

const newCount = (n: number) => (n === 1 ? t('1 new mention') : t('{n} new mentions').replace('{n}', formatNumber(n)))
const shownCount = (n: number) => (n === 1 ? t('1 new mention shown at the top') : t('{n} new mentions shown at the top').replace('{n}', formatNumber(n)))

export function LiveFeed({ items, live, reload }: { items: Schemas['Mention'][]; live: LiveMentions; reload: () => void }) {
  const [shown, setShown] = useState<Schemas['Mention'][]>([])
  const [announced, setAnnounced] = useState('')
  const list = useRef<HTMLUListElement>(null)
  const known = new Set([...shown, ...items].map((m) => m.id))
  const waiting = live.received.filter((m) => !known.has(m.id))

  const insert = (focus: boolean) => {
    const fresh = live.take().filter((m) => !known.has(m.id)).reverse()
    if (fresh.length === 0) return
    setShown((before) => [...fresh, ...before])
    setAnnounced(shownCount(fresh.length))
    if (focus) requestAnimationFrame(() => list.current?.querySelector<HTMLElement>('li.fresh')?.focus())
  }
  useEffect(() => {
    if (live.received.length === 0 || live.overflow) return
    const top = list.current?.getBoundingClientRect().top ?? 0
    if (top >= 0) insert(false)
  }, [live.received])

  const reloadFeed = () => {
    live.take()
    setShown([])
    setAnnounced('')
    reload()
  }
  const shownIds = new Set(shown.map((m) => m.id))
  return (
    <>
      <p class="muted live-state" data-testid="live-state">{stateText(live.state)}</p>
      <div class="live-bar" role="status" data-testid="live-bar">
        {live.overflow ? (
          <p class="notice">{t('More mentions arrived than can be shown live.')} <button type="button" onClick={reloadFeed}>{t('Reload the feed')}</button></p>
        ) : waiting.length > 0 ? (
          <p class="notice">{newCount(waiting.length)} <button type="button" onClick={() => insert(true)}>{t('Show')}</button></p>
        ) : <span class="visually-hidden">{announced}</span>}
      </div>
      <ul class="mentions" ref={list}>
        {[...shown, ...items.filter((m) => !shownIds.has(m.id))].map((m) => <MentionItem key={m.id} m={m} fresh={shownIds.has(m.id)} />)}
      </ul>
    </>
  )
}
