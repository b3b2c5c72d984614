import { useEffect, useState } from 'preact/hooks'
import { api, ApiError } from '../api'
import { t } from '../i18n'
import { navigate } from '../router'
import { adopt, loadSession, type Session } from '../session'
import { Loading } from '../ui'

// Link secrets travel in the URL fragment, which browsers never send to a server or in a Referer.
const secret = () => location.hash.slice(1)

/**
 * A demo sign-in link or a digest's read-only link. `?to=` names the page a digest link is for:
 * a member already signed in goes straight there; a visitor goes there if the link allows it.
 */
export function OpenLink() {
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    const to = new URLSearchParams(location.search).get('to')
    const safeTo = to && /^\/[A-Za-z0-9/_-]*$/.test(to) ? to : null
    const open = async () => {
      const current = await loadSession()
      if (current?.person && safeTo) {
        navigate(safeTo, true)
        return
      }
      const opened = await api<{ session: Session; redirectTo: string }>('POST', '/v1/session/links', { token: secret() })
      adopt(opened.session)
      navigate(safeTo && safeTo.startsWith(opened.redirectTo) ? safeTo : opened.redirectTo, true)
    }
    open().catch((e: unknown) => setError(e instanceof ApiError ? e.message : String(e)))
  }, [])
  return error ? <Loading error={error} /> : <p>{t('Opening the link…')}</p>
}

function PersonForm({ title, withWorkspace, submit }: { title: string; withWorkspace?: boolean; submit: (f: Record<string, string>) => Promise<Session> }) {
  const [error, setError] = useState<string | null>(null)
  const onSubmit = async (e: Event) => {
    e.preventDefault()
    const fields = Object.fromEntries(new FormData(e.target as HTMLFormElement)) as Record<string, string>
    try { adopt(await submit(fields)); navigate('/', true) } catch (err) { setError(err instanceof ApiError ? err.message : String(err)) }
  }
  return (
    <form class="narrow" onSubmit={onSubmit}>
      <h1>{title}</h1>
      {withWorkspace && <label>{t('Your workspace')}<input name="workspaceName" required maxLength={200} /></label>}
      <label>{t('Name')}<input name="name" required maxLength={200} autocomplete="name" /></label>
      <label>{t('Email')}<input name="email" type="email" required autocomplete="username" /></label>
      <label>{t('Password')}<input name="password" type="password" required minLength={10} autocomplete="new-password" /></label>
      {error && <p class="error" role="alert">{error}</p>}
      <button type="submit">{t('Create')}</button>
    </form>
  )
}

export const Setup = () => <PersonForm title={t('Set up Relais')} withWorkspace submit={(f) => api<Session>('POST', '/v1/setup', { ...f, token: secret() })} />
export const Invite = () => <PersonForm title={t('Join the workspace')} submit={(f) => api<Session>('POST', '/v1/invitations/accept', { ...f, token: secret() })} />

/** The visible unsubscribe link of a digest: one button, no account needed. */
export function Unsubscribe() {
  const [done, setDone] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const confirm = () => fetch(`/v1/unsubscribe/${encodeURIComponent(secret())}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ 'List-Unsubscribe': 'One-Click' }) })
    .then((r) => (r.ok ? setDone(true) : r.json().then((p: { detail?: string }) => setError(p.detail ?? r.statusText))))
  return (
    <div class="narrow">
      <h1>{t('Unsubscribe')}</h1>
      {done ? <p role="status">{t('You are unsubscribed from this digest.')}</p> : <button type="button" onClick={confirm}>{t('Confirm unsubscribe')}</button>}
      {error && <p class="error" role="alert">{error}</p>}
    </div>
  )
}
