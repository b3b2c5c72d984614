import { get, type Schemas } from '../api'
import { formatDate, formatNumber, formatPercent, lang, networkName, t } from '../i18n'
import { Bar, Card, Loading, useData } from '../ui'
import { TopicNav } from './topic-nav'
import { VolumeChart } from './volume-chart'
import { BestHoursGrid } from './best-hours'

export function TopicOverview({ id }: { id: string }) {
  const topic = useData(() => get<Schemas['Topic']>(`/v1/topics/${id}`), [id])
  const stats = useData(() => get<Schemas['TopicStats']>(`/v1/topics/${id}/stats`), [id])
  const fit = useData(() => get<Schemas['NetworkFit']>(`/v1/topics/${id}/network-fit`), [id])
  const trends = useData(() => get<Schemas['TopicTrends']>(`/v1/topics/${id}/trends?window=7d&minCount=2`), [id])
  const hours = useData(() => get<Schemas['BestHours']>(`/v1/topics/${id}/best-hours?timeZone=${encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone)}`), [id])
  const alerts = useData(() => get<Schemas['AlertPage']>(`/v1/topics/${id}/alerts?limit=10`), [id])
  const top = useData(() => get<Schemas['RankingPage']>(`/v1/topics/${id}/influencers?limit=5`), [id])
  return (
    <>
      <TopicNav id={id} name={topic.data?.name} />
      {topic.error && <Loading error={topic.error} />}
      <div class="grid">
        <Card title={t('Influencers')}>
          {!top.data ? <Loading error={top.error} /> : (
            <ol class="ranked" data-testid="top-influencers">
              {top.data.items.map((r) => (
                <li key={r.account.id}><a href={`/accounts/${r.account.id}?topic=${id}`}>{r.account.displayName || r.account.handle}</a> <span class="muted">{networkName(r.account.network)} · {formatNumber(r.score, 1)}</span></li>
              ))}
            </ol>
          )}
        </Card>
        <Card title={t('Volume over time')} wide>
          {!stats.data ? <Loading error={stats.error} /> : (
            <>
              <p><strong>{formatNumber(stats.data.totals.mentions)}</strong> {t('mentions')} · {t('Sentiment')}: {(['positive', 'neutral', 'negative', 'unknown'] as const).map((k) => `${t(k)} ${formatPercent(stats.data!.totals.sentiment[k].share)}`).join(' · ')}</p>
              <VolumeChart stats={stats.data} />
            </>
          )}
        </Card>
        <Card title={t('Share by network')}>
          {!stats.data ? <Loading error={stats.error} /> : (
            <table><tbody>{stats.data.networks.map((n) => (
              <tr key={n.network}><th scope="row">{networkName(n.network)}</th><td><Bar share={n.share} label={formatPercent(n.share)} /></td><td class="nowrap">{formatPercent(n.share)}</td><td>{formatNumber(n.mentions)}</td></tr>
            ))}</tbody></table>
          )}
        </Card>
        <Card title={t('Network fit')} wide>
          {!fit.data ? <Loading error={fit.error} /> : (
            <>
              {fit.data.recommendation && <p><strong>{networkName(fit.data.recommendation.network)}</strong>: {fit.data.recommendation.summary}</p>}
              <table class="reflow"><tbody>{fit.data.networks.map((n) => (
                <tr key={n.network}><th scope="row">{networkName(n.network)}</th><td>{formatNumber(n.fitScore, 0)}/100</td><td class="muted">{('reasons' in n && Array.isArray((n as { reasons?: unknown }).reasons)) ? ((n as { reasons: string[] }).reasons).join(' ') : ''}</td></tr>
              ))}</tbody></table>
            </>
          )}
        </Card>
        <Card title={t('Rising hashtags and terms')}>
          {!trends.data ? <Loading error={trends.error} /> : trends.data.networks.map((n) => (
            <div key={n.network}>
              <h3>{networkName(n.network)}</h3>
              <p>{n.hashtags.slice(0, 8).map((h) => <span class="chip" key={h.value}>#{h.value} <small>{h.recent}</small></span>)}</p>
              <p>{n.terms.slice(0, 8).map((h) => <span class="chip" key={h.value}>{h.value} <small>{h.recent}</small></span>)}</p>
              {n.hashtags.length === 0 && n.terms.length === 0 && <p class="muted">{n.notice ? n.notice[lang.value] : t('Nothing is rising this week.')}</p>}
            </div>
          ))}
        </Card>
        <Card title={t('Best hours to post')} wide>
          {!hours.data ? <Loading error={hours.error} /> : <BestHoursGrid hours={hours.data} />}
        </Card>
        <Card title={t('Alerts')}>
          {!alerts.data ? <Loading error={alerts.error} /> : alerts.data.items.length === 0 ? <p class="muted">{t('No alert.')}</p> : (
            <ul>{alerts.data.items.map((a) => <li key={a.id}>{formatDate(a.hourStart)} · {networkName(a.network)} · {t(a.kind)} · {formatNumber(a.volume)} {t('mentions')}</li>)}</ul>
          )}
        </Card>
      </div>
    </>
  )
}
