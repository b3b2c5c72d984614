import { get, type Schemas } from '../api'
import { formatNumber, networkName, t } from '../i18n'
import { Card, Loading, useData } from '../ui'
import { TopicNav } from './topic-nav'

type Ranked = Schemas['RankedAccount']

/** In words, why an account ranks where it does (from its score components). */
function reason(r: Ranked, kind: string): string {
  const c = r.components
  if (kind === 'relays') return `betweenness ${formatNumber(c.betweenness, 3)}, ${formatNumber(c.crossCommunity * 100, 0)}% cross-community ties, ${c.amplification} reposts/quotes`
  return `${c.inDegree} accounts pay attention, ${c.topicPosts} posts on the topic, engagement ${c.engagement}${c.followers !== null ? `, ${formatNumber(c.followers)} followers` : ''}`
}

function RankingList({ id, kind }: { id: string; kind: 'influencers' | 'relays' | 'prospects' }) {
  const page = useData(() => get<Schemas['RankingPage']>(`/v1/topics/${id}/${kind}?limit=15`), [id, kind])
  if (!page.data) return <Loading error={page.error} />
  if (!page.data.computedAt) return <p class="muted">{t('Not scored yet.')}</p>
  return (
    <ol class="ranked">
      {page.data.items.map((r) => (
        <li key={r.account.id}>
          <a href={`/accounts/${r.account.id}?topic=${id}`}>{r.account.displayName || r.account.handle}</a>{' '}
          <span class="muted">{networkName(r.account.network)} · {formatNumber(r.score, 1)}{r.movement.isNew ? ` · ${t('new')}` : r.movement.change ? ` · ${r.movement.change > 0 ? '▲' : '▼'}${Math.abs(r.movement.change)}` : ''}</span>
          <br /><small>{t('Why')}: {reason(r, kind)}</small>
        </li>
      ))}
    </ol>
  )
}

function Movers({ id }: { id: string }) {
  const page = useData(() => get<Schemas['RankingPage']>(`/v1/topics/${id}/influencers?limit=100`), [id])
  if (!page.data) return <Loading error={page.error} />
  const movers = page.data.items.filter((r) => (r.movement.change ?? 0) > 0 || r.movement.isNew).sort((a, b) => (b.movement.change ?? 100) - (a.movement.change ?? 100)).slice(0, 10)
  return <ul>{movers.map((r) => <li key={r.account.id}><a href={`/accounts/${r.account.id}?topic=${id}`}>{r.account.displayName || r.account.handle}</a> <span class="muted">{r.movement.isNew ? t('new') : `▲${r.movement.change}`} → #{r.rank}</span></li>)}</ul>
}

export function TopicPeople({ id }: { id: string }) {
  const topic = useData(() => get<Schemas['Topic']>(`/v1/topics/${id}`), [id])
  return (
    <>
      <TopicNav id={id} name={topic.data?.name} />
      <div class="grid">
        <Card title={t('Influencers')}><RankingList id={id} kind="influencers" /></Card>
        <Card title={t('Relays')}><RankingList id={id} kind="relays" /></Card>
        <Card title={t('Prospects')}><RankingList id={id} kind="prospects" /></Card>
        <Card title={t('Movers')}><Movers id={id} /></Card>
      </div>
    </>
  )
}
