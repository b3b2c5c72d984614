import { useState } from 'preact/hooks'
import { api, ApiError, get, type Schemas } from '../api'
import { formatDate, t } from '../i18n'
import { session } from '../session'
import { Card, Loading, useData } from '../ui'

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const

export function Digests() {
  const list = useData(() => get<Schemas['DigestSubscriptionPage']>('/v1/digests?limit=100'), [])
  const topics = useData(() => get<Schemas['TopicPage']>('/v1/topics?limit=100'), [])
  const [error, setError] = useState<string | null>(null)
  const canWrite = session.value?.role !== 'viewer'
  const name = (topicId: string) => topics.data?.items.find((x) => x.id === topicId)?.name ?? topicId.slice(0, 8)
  const run = async (action: () => Promise<unknown>) => {
    try { await action(); setError(null); list.reload() } catch (err) { setError(err instanceof ApiError ? err.message : String(err)) }
  }
  const create = (e: Event) => {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    return run(() => api('POST', '/v1/digests', {
      topicId: String(f.get('topicId')),
      recipients: String(f.get('recipients')).split(/[\s,;]+/).filter(Boolean),
      weekday: String(f.get('weekday')), hour: Number(f.get('hour')), timeZone: String(f.get('timeZone')), language: String(f.get('language')),
    }))
  }
  if (!list.data) return <Loading error={list.error} />
  return (
    <>
      <h1>{t('Digests')}</h1>
      {error && <p class="error" role="alert">{error}</p>}
      {list.data.items.length === 0 ? <p class="muted">{t('No digest yet.')}</p> : (
        <table class="reflow">
          <thead><tr><th>{t('Topic')}</th><th>{t('Recipients')}</th><th>{t('When')}</th><th>{t('Next send')}</th><th /></tr></thead>
          <tbody>{list.data.items.map((d) => (
            <tr key={d.id}>
              <td data-label={t('Topic')}><a href={`/topics/${d.topicId}`}>{name(d.topicId)}</a></td>
              <td data-label={t('Recipients')}>{d.recipients.length ? d.recipients.join(', ') : <span class="muted">{t('nobody (everyone unsubscribed)')}</span>}{d.refusedRecipients.length > 0 && <><br /><small class="error">{t('Refused')}: {d.refusedRecipients.map((r) => r.address).join(', ')}</small></>}</td>
              <td data-label={t('When')}>{t(d.weekday)} {d.hour}h {d.timeZone} · {d.language}</td>
              <td data-label={t('Next send')}>{formatDate(d.nextSendAt)}{d.lastDelivery && <><br /><small class="muted">{t('Last')}: {d.lastDelivery.status}</small></>}</td>
              <td>
                <a href={`/v1/digests/${d.id}/preview`} target="_blank" rel="noopener">{t('Preview')}</a>{' '}
                {canWrite && <button type="button" onClick={() => run(() => api('DELETE', `/v1/digests/${d.id}`))} aria-label={`${t('Stop')} ${name(d.topicId)}`}>{t('Stop')}</button>}
              </td>
            </tr>
          ))}</tbody>
        </table>
      )}
      {canWrite && topics.data && (
        <Card title={t('New digest')}>
          <form onSubmit={create} class="stack" aria-label={t('New digest')}>
            <label>{t('Topic')}<select name="topicId" required>{topics.data.items.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}</select></label>
            <label>{t('Recipients (one address per line or separated by commas)')}<textarea name="recipients" rows={2} required /></label>
            <label>{t('Day')}<select name="weekday">{WEEKDAYS.map((d) => <option key={d} value={d}>{t(d)}</option>)}</select></label>
            <label>{t('Hour')}<input name="hour" type="number" min={0} max={23} value={8} required /></label>
            <label>{t('Time zone')}<input name="timeZone" required value={Intl.DateTimeFormat().resolvedOptions().timeZone} /></label>
            <label>{t('Language of the email')}<select name="language"><option value="en">English</option><option value="fr">Français</option></select></label>
            <button type="submit">{t('Create')}</button>
          </form>
        </Card>
      )}
    </>
  )
}
