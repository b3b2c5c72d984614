import { useEffect, useState } from 'preact/hooks'
import { api, ApiError, get, type Schemas } from '../api'
import { formatDate, networkName, t } from '../i18n'
import { session } from '../session'
import { Card, Loading, useData } from '../ui'
import { CoverageNotes } from './coverage'
import { LiveState, LiveSwitch, type LiveOutcome } from './source-live'

/** The live state (lag, errors) is read again this often while the page is open. */
const REFRESH_MS = 10_000

export function Sources() {
  const list = useData(() => get<Schemas['SourceList']>('/v1/sources'), [])
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const admin = session.value?.role === 'admin'
  useEffect(() => {
    const timer = setInterval(list.reload, REFRESH_MS)
    return () => clearInterval(timer)
  }, [])
  const changed = (outcome: LiveOutcome) => {
    setNotice(outcome.notice ?? null)
    setError(outcome.error ?? null)
    list.reload()
  }
  const add = async (e: Event) => {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    try {
      await api('POST', '/v1/sources', { name: String(f.get('name')), network: String(f.get('network')), baseUrl: String(f.get('baseUrl')) })
      setError(null)
      list.reload()
    } catch (err) { setError(err instanceof ApiError ? err.message : String(err)) }
  }
  return (
    <>
      <h1>{t('Sources')}</h1>
      {admin && (
        <form class="filters" onSubmit={add} aria-label={t('Add a source')}>
          <label>{t('Name')}<input name="name" required maxLength={200} /></label>
          <label>{t('Network')}<select name="network"><option value="mastodon">Mastodon</option><option value="bluesky">Bluesky</option></select></label>
          <label>{t('Base URL')}<input name="baseUrl" type="url" required placeholder="https://mastodon.social" /></label>
          <button type="submit">{t('Add a source')}</button>
        </form>
      )}
      {error && <p class="error" role="alert">{error}</p>}
      {notice && <p class="notice" role="status">{notice}</p>}
      {!list.data ? <Loading error={list.error} /> : (
        <table class="reflow">
          <thead><tr><th>{t('Name')}</th><th>{t('Network')}</th><th>{t('Base URL')}</th><th>{t('Live collection')}</th><th>{t('Created')}</th>{admin && <th />}</tr></thead>
          <tbody>{list.data.items.map((s) => (
            <tr key={s.id}>
              <td data-label={t('Name')}>{s.name}</td><td data-label={t('Network')}>{networkName(s.network)}</td><td data-label={t('Base URL')}>{s.baseUrl ?? '—'}</td>
              <td data-label={t('Live collection')}><LiveState streaming={s.streaming} /></td>
              <td data-label={t('Created')}>{formatDate(s.createdAt)}</td>
              {admin && <td><LiveSwitch source={s} done={changed} /></td>}
            </tr>
          ))}</tbody>
        </table>
      )}
      <Card title={t('What each network gives')} wide><CoverageNotes /></Card>
    </>
  )
}
