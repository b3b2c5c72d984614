import { useState } from 'preact/hooks'
import { api, ApiError } from '../api'
import { t } from '../i18n'
import { navigate } from '../router'
import { adopt, type Session } from '../session'

export function SignIn() {
  const [error, setError] = useState<string | null>(null)
  const submit = async (e: Event) => {
    e.preventDefault()
    const form = new FormData(e.target as HTMLFormElement)
    try {
      adopt(await api<Session>('POST', '/v1/session', { email: form.get('email'), password: form.get('password') }))
      const next = new URLSearchParams(location.search).get('next')
      navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/')
    } catch (err) { setError(err instanceof ApiError ? err.message : String(err)) }
  }
  return (
    <form class="narrow" onSubmit={submit}>
      <h1>{t('Sign in')}</h1>
      <label>{t('Email')}<input name="email" type="email" autocomplete="username" required /></label>
      <label>{t('Password')}<input name="password" type="password" autocomplete="current-password" required /></label>
      {error && <p class="error" role="alert">{error}</p>}
      <button type="submit">{t('Sign in')}</button>
    </form>
  )
}
