import { useState } from 'preact/hooks'
import { api, ApiError, get, type Schemas } from '../api'
import { formatDate, formatNumber, formatPercent, networkName, t } from '../i18n'
import { session } from '../session'
import { Card, Loading, useData } from '../ui'
import { TopicNav } from './topic-nav'

const FIELDS = [
  ['k', 'Threshold k (mean + k·σ)', 0.1],
  ['minVolume', 'Minimum mentions in the hour', 1],
  ['cooldownHours', 'Hours before the same alert again', 1],
  ['baselineHours', 'Hours of baseline', 1],
] as const

/** A topic's spike alerts and how they are detected (baseline + k·σ, cooldown). */
export function TopicAlerts({ id }: { id: string }) {
  const topic = useData(() => get<Schemas['Topic']>(`/v1/topics/${id}`), [id])
  const alerts = useData(() => get<Schemas['AlertPage']>(`/v1/topics/${id}/alerts?limit=50`), [id])
  const settings = useData(() => get<Schemas['AlertSettings']>(`/v1/topics/${id}/alert-settings`), [id])
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const canWrite = session.value?.role !== 'viewer' && !session.value?.topicId
  const save = async (e: Event) => {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    try {
      await api('PUT', `/v1/topics/${id}/alert-settings`, Object.fromEntries(FIELDS.map(([k]) => [k, Number(f.get(k))])))
      setMessage({ ok: true, text: t('Saved.') })
      settings.reload()
    } catch (err) { setMessage({ ok: false, text: err instanceof ApiError ? err.message : String(err) }) }
  }
  return (
    <>
      <TopicNav id={id} name={topic.data?.name} />
      <div class="grid">
        <Card title={t('Alerts')} wide>
          {!alerts.data ? <Loading error={alerts.error} /> : alerts.data.items.length === 0 ? <p class="muted">{t('No alert.')}</p> : (
            <table class="reflow">
              <thead><tr><th>{t('Hour')}</th><th>{t('Network')}</th><th>{t('Kind')}</th><th>{t('mentions')}</th><th>{t('negative')}</th></tr></thead>
              <tbody>{alerts.data.items.map((a) => (
                <tr key={a.id}><td data-label={t('Hour')}>{formatDate(a.hourStart)}</td><td data-label={t('Network')}>{networkName(a.network)}</td><td data-label={t('Kind')}>{t(a.kind)}</td><td data-label={t('mentions')}>{formatNumber(a.volume)}</td><td data-label={t('negative')}>{formatPercent(a.negativeShare)}</td></tr>
              ))}</tbody>
            </table>
          )}
        </Card>
        <Card title={t('How spikes are detected')}>
          {!settings.data ? <Loading error={settings.error} /> : (
            <form onSubmit={save} class="stack">
              {FIELDS.map(([k, label, step]) => (
                <label key={k}>{t(label)}<input name={k} type="number" step={step} min={step} required value={settings.data![k]} disabled={!canWrite} /></label>
              ))}
              {canWrite && <button type="submit">{t('Save')}</button>}
              {message && <p class={message.ok ? 'notice' : 'error'} role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
            </form>
          )}
        </Card>
      </div>
    </>
  )
}
