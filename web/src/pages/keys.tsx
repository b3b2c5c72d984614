import { useState } from 'preact/hooks'
import { api, ApiError, get, type Schemas } from '../api'
import { formatDate, t } from '../i18n'
import { Loading, useData } from '../ui'

export function Keys() {
  const list = useData(() => get<Schemas['ApiKeyList']>('/v1/keys'), [])
  const [created, setCreated] = useState<Schemas['CreatedApiKey'] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const create = async (e: Event) => {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    try {
      setCreated(await api<Schemas['CreatedApiKey']>('POST', '/v1/keys', { name: String(f.get('name')), scopes: [String(f.get('scope'))] }))
      list.reload()
    } catch (err) { setError(err instanceof ApiError ? err.message : String(err)) }
  }
  const revoke = async (id: string) => { await api('DELETE', `/v1/keys/${id}`); list.reload() }
  return (
    <>
      <h1>{t('Keys')}</h1>
      <form class="filters" onSubmit={create} aria-label={t('Create a key')}>
        <label>{t('Name')}<input name="name" maxLength={200} required /></label>
        <label>{t('Scopes')}<select name="scope"><option value="read">read</option><option value="write">write</option><option value="admin">admin</option></select></label>
        <button type="submit">{t('Create a key')}</button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {created && <p role="status" class="notice">{t('Copy it now: it will not be shown again.')} <code data-testid="new-key">{created.key}</code></p>}
      {!list.data ? <Loading error={list.error} /> : (
        <table class="reflow">
          <thead><tr><th>{t('Name')}</th><th>{t('Scopes')}</th><th>{t('Created')}</th><th /></tr></thead>
          <tbody>{list.data.items.map((k) => (
            <tr key={k.id}>
              <td data-label={t('Name')}>{k.name || '—'}</td><td data-label={t('Scopes')}>{k.scopes.join(', ')}</td><td data-label={t('Created')}>{formatDate(k.createdAt)}</td>
              <td>{k.revokedAt ? <span class="muted">{t('revoked')}</span> : <button type="button" onClick={() => revoke(k.id)} aria-label={`${t('Revoke')} ${k.name}`}>{t('Revoke')}</button>}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
    </>
  )
}
