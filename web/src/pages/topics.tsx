import { useState } from 'preact/hooks'
import { api, ApiError, get, type Schemas } from '../api'
import { networkName, t } from '../i18n'
import { navigate } from '../router'
import { session } from '../session'
import { Loading, useData } from '../ui'
import { QueryCheck } from './query-check'

export function Topics() {
  const { data, error } = useData(() => get<Schemas['TopicPage']>('/v1/topics?limit=100'), [])
  const canWrite = session.value?.role !== 'viewer'
  return (
    <>
      <h1>{t('Topics')}</h1>
      {canWrite && <p><a class="button" href="/topics/new">{t('New topic')}</a></p>}
      {!data ? <Loading error={error} /> : (
        <ul class="list">
          {data.items.map((topic) => (
            <li key={topic.id}>
              <a href={`/topics/${topic.id}`}><strong>{topic.name}</strong></a>
              <code>{topic.query}</code>
              <span class="muted">{topic.networks.map(networkName).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** Create or edit a topic; the API checks the query as it is typed (a 400 names the mistake). */
export function TopicEdit({ id }: { id?: string }) {
  const existing = useData(() => (id ? get<Schemas['Topic']>(`/v1/topics/${id}`) : Promise.resolve(null)), [id])
  const [error, setError] = useState<string | null>(null)
  const [typed, setTyped] = useState<string | null>(null)
  // Both fields hold what was typed: a re-render (the query check) must not reset the name.
  const [name, setName] = useState<string | null>(null)
  if (id && !existing.data) return <Loading error={existing.error} />
  const topic = existing.data
  const submit = async (e: Event) => {
    e.preventDefault()
    const form = new FormData(e.target as HTMLFormElement)
    const body = { name: String(form.get('name')), query: String(form.get('query')) }
    try {
      const saved = await api<Schemas['Topic']>(id ? 'PATCH' : 'POST', id ? `/v1/topics/${id}` : '/v1/topics', body)
      navigate(`/topics/${saved.id}`)
    } catch (err) { setError(err instanceof ApiError ? err.message : String(err)) }
  }
  return (
    <form class="narrow" onSubmit={submit}>
      <h1>{id ? t('Edit') : t('New topic')}</h1>
      <label>{t('Name')}<input name="name" required maxLength={200} value={name ?? topic?.name ?? ''} onInput={(e) => setName((e.target as HTMLInputElement).value)} /></label>
      <label>{t('Query')}<textarea name="query" required rows={3} value={typed ?? topic?.query ?? ''} onInput={(e) => setTyped((e.target as HTMLTextAreaElement).value)} placeholder={'"fête des fleurs" OR #fleuriste lang:fr'} /></label>
      <QueryCheck query={typed ?? topic?.query ?? ''} networks={topic?.networks ?? []} />
      <p class="muted"><a href="/docs" target="_blank" rel="noopener">{t('Guide')}</a>: AND, OR, NOT, "phrase", #hashtag, @handle, lang:fr, network:mastodon</p>
      {error && <p class="error" role="alert">{error}</p>}
      <button type="submit">{id ? t('Save') : t('Create')}</button>
    </form>
  )
}
