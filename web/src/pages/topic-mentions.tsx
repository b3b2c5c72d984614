import { useState } from 'preact/hooks'
import { api, get, type Schemas } from '../api'
import { networkName, t } from '../i18n'
import { useLiveMentions } from '../live-mentions'
import { session } from '../session'
import { Loading, useData } from '../ui'
import { TopicNav } from './topic-nav'
import { LiveFeed } from './live-feed'
import { MentionItem } from './mention-item'

export function TopicMentions({ id }: { id: string }) {
  const topic = useData(() => get<Schemas['Topic']>(`/v1/topics/${id}`), [id])
  const [filters, setFilters] = useState({ q: '', network: '' })
  const query = new URLSearchParams({ limit: '30', ...(filters.q && { q: filters.q }), ...(filters.network && { network: filters.network }) })
  // New mentions arrive live on the first page with no filter: the stream sends the unfiltered feed.
  const live = useLiveMentions(id, !filters.q && !filters.network)
  // Read once the stream is open, so that nothing stored in between is missed (what both send is shown once).
  const page = useData(() => (live.ready ? get<Schemas['MentionPage']>(`/v1/topics/${id}/mentions?${query}`) : new Promise<never>(() => {})), [id, query.toString(), live.ready])
  const submit = (e: Event) => {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    setFilters({ q: String(f.get('q') ?? ''), network: String(f.get('network') ?? '') })
  }
  return (
    <>
      <TopicNav id={id} name={topic.data?.name} />
      <form class="filters" onSubmit={submit} aria-label={t('Filters')}>
        <label>{t('Search')}<input name="q" type="search" /></label>
        <label>{t('Network')}<select name="network"><option value="">{t('All networks')}</option>{(topic.data?.networks ?? []).map((n) => <option key={n} value={n}>{networkName(n)}</option>)}</select></label>
        <button type="submit">{t('Search')}</button>
      </form>
      {!page.data ? <Loading error={page.error} /> : <LiveFeed key={`${id}?${query}`} items={page.data.items} live={live} reload={page.reload} />}
    </>
  )
}

export function TopicInbox({ id }: { id: string }) {
  const topic = useData(() => get<Schemas['Topic']>(`/v1/topics/${id}`), [id])
  const page = useData(() => get<Schemas['InboxPage']>(`/v1/topics/${id}/inbox?limit=30`), [id])
  const canWrite = session.value?.role !== 'viewer' && !session.value?.topicId
  const handle = async (postId: string) => {
    await api('POST', `/v1/topics/${id}/inbox/${encodeURIComponent(postId)}/handled`, {})
    page.reload()
  }
  return (
    <>
      <TopicNav id={id} name={topic.data?.name} />
      {!page.data ? <Loading error={page.error} /> : page.data.items.length === 0 ? <p class="muted">{t('Nothing to answer.')}</p> : (
        <ul class="mentions">{page.data.items.map((item) => (
          <MentionItem key={item.mention.id} m={item.mention}>
            {item.reasons.map((r) => <span class="chip" key={r}>{r}</span>)}
            {canWrite && <button type="button" onClick={() => handle(item.mention.id)}>{t('Mark handled')}</button>}
          </MentionItem>
        ))}</ul>
      )}
    </>
  )
}
