import { get, type Schemas } from '../api'
import { formatDate, formatNumber, networkName, t } from '../i18n'
import { Card, Loading, useData } from '../ui'

export function AccountPage({ id }: { id: string }) {
  const detail = useData(() => get<Schemas['AccountDetail']>(`/v1/accounts/${id}`), [id])
  if (!detail.data) return <Loading error={detail.error} />
  const { account, topics, recentPosts } = detail.data
  return (
    <>
      <h1>{account.displayName || account.handle}</h1>
      <div class="grid">
        <Card title={t('Profile')}>
          <p>{account.handle} · {networkName(account.network)}{account.followersCount !== null && ` · ${formatNumber(account.followersCount)} ${t('followers')}`}</p>
          {account.bio && <p>{account.bio}</p>}
          {account.url && <p><a href={account.url} target="_blank" rel="noopener noreferrer">{t('Open the original')}</a></p>}
        </Card>
        {topics.map((topic) => (
          <Card key={topic.topicId} title={`${t('Scores')}: ${topic.topicName}`}>
            {!topic.latest ? <p class="muted">{t('Not scored yet.')}</p> : (
              <>
                <p>{t('Influence')} {formatNumber(topic.latest.influence, 1)} (#{topic.latest.influenceRank}) · {t('Relay')} {formatNumber(topic.latest.relay, 1)} (#{topic.latest.relayRank})</p>
                <h3>{t('Components')}</h3>
                <dl class="components">{Object.entries(topic.latest.components).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{componentText(v)}</dd></div>)}</dl>
              </>
            )}
            <p class="muted">{topic.history.map((h) => `${formatDate(h.computedAt)}: #${h.influenceRank}`).join(' · ')}</p>
            <p><a href={`/topics/${topic.topicId}/map`}>{t('Map')}</a></p>
          </Card>
        ))}
        <Card title={t('Its posts on the topic')} wide>
          <ul class="mentions">{recentPosts.map((p) => <li key={p.id} class="mention"><p class="muted">{formatDate(p.createdAt)}</p><p>{p.text}</p>{p.url && <a href={p.url} target="_blank" rel="noopener noreferrer">{t('Open the original')}</a>}</li>)}</ul>
        </Card>
      </div>
    </>
  )
}

/** A component as a person reads it: numbers formatted, words as they are, a linked account by its handle. */
function componentText(v: unknown): string {
  if (v === null || v === undefined) return '—'
  if (typeof v === 'number') return formatNumber(v, 4)
  if (typeof v === 'object' && 'handle' in v) return String((v as { handle: unknown }).handle)
  return String(v)
}
