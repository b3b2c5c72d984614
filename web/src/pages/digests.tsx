import { get, type Schemas } from '../api'
import { t } from '../i18n'
import { Loading, useData } from '../ui'

export function Digests() {
  const list = useData(() => get<Schemas['DigestSubscriptionPage']>('/v1/digests?limit=100'), [])
  if (!list.data) return <Loading error={list.error} />
  return (
    <>
      <h1>{t('Digests')}</h1>
      <table>
        <thead><tr><th>{t('Topics')}</th><th>{t('Recipients')}</th><th>{t('Language')}</th><th /></tr></thead>
        <tbody>{list.data.items.map((d) => (
          <tr key={d.id}>
            <td><a href={`/topics/${d.topicId}`}>{d.topicId.slice(0, 8)}</a></td><td>{d.recipients.join(', ')}</td><td>{d.language} · {d.weekday} {d.hour}h {d.timeZone}</td>
            <td><a href={`/v1/digests/${d.id}/preview`} target="_blank" rel="noopener">{t('Preview')}</a></td>
          </tr>
        ))}</tbody>
      </table>
    </>
  )
}
