import { useState } from 'preact/hooks'
import { api, ApiError, get, type Schemas } from '../api'
import { formatDate, t } from '../i18n'
import { session } from '../session'
import { Loading, useData } from '../ui'

const EVENTS = ['alert.created', 'digest.sent', 'score_run.finished'] as const

/** Signed webhooks: the secret is shown once, when the webhook is created. */
export function Webhooks() {
  const list = useData(() => get<Schemas['WebhookPage']>('/v1/webhooks?limit=100'), [])
  const [created, setCreated] = useState<Schemas['CreatedWebhook'] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const admin = session.value?.role === 'admin'
  const run = async (action: () => Promise<unknown>) => {
    try { await action(); setError(null); list.reload() } catch (err) { setError(err instanceof ApiError ? err.message : String(err)) }
  }
  const create = (e: Event) => {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    return run(async () => setCreated(await api<Schemas['CreatedWebhook']>('POST', '/v1/webhooks', {
      url: String(f.get('url')), description: String(f.get('description') ?? ''), events: EVENTS.filter((ev) => f.get(ev) === 'on'),
    })))
  }
  return (
    <>
      <h1>{t('Webhooks')}</h1>
      <p class="muted">{t('Relais POSTs each event, signed with the webhook\'s secret (Relais-Signature header).')}</p>
      {admin && (
        <form class="filters" onSubmit={create} aria-label={t('Add a webhook')}>
          <label>URL<input name="url" type="url" required maxLength={2000} placeholder="https://hooks.example.com/relais" /></label>
          <label>{t('Description')}<input name="description" maxLength={200} /></label>
          <fieldset><legend>{t('Events')}</legend>{EVENTS.map((ev) => <label key={ev} class="inline"><input type="checkbox" name={ev} defaultChecked={ev === 'alert.created'} /> {ev}</label>)}</fieldset>
          <button type="submit">{t('Add a webhook')}</button>
        </form>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      {created && <p role="status" class="notice">{t('Secret, shown once: store it now.')} <code data-testid="webhook-secret">{created.secret}</code></p>}
      {!list.data ? <Loading error={list.error} /> : list.data.items.length === 0 ? <p class="muted">{t('No webhook yet.')}</p> : (
        <table class="reflow">
          <thead><tr><th>URL</th><th>{t('Events')}</th><th>{t('State')}</th><th>{t('Created')}</th><th /></tr></thead>
          <tbody>{list.data.items.map((w) => (
            <tr key={w.id}>
              <td data-label="URL">{w.url}{w.description && <><br /><small class="muted">{w.description}</small></>}</td>
              <td data-label={t('Events')}>{w.events.join(', ')}</td>
              <td data-label={t('State')}>{w.active ? t('active') : t('paused')}</td>
              <td data-label={t('Created')}>{formatDate(w.createdAt)}</td>
              <td>{admin && (
                <>
                  <button type="button" onClick={() => run(() => api('PATCH', `/v1/webhooks/${w.id}`, { active: !w.active }))}>{w.active ? t('Pause') : t('Resume')}</button>{' '}
                  <button type="button" onClick={() => run(() => api('DELETE', `/v1/webhooks/${w.id}`))} aria-label={`${t('Delete')} ${w.url}`}>{t('Delete')}</button>
                </>
              )}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </>
  )
}
