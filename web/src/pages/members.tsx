import { useState } from 'preact/hooks'
import { api, ApiError, get, type Schemas } from '../api'
import { formatDate, t } from '../i18n'
import { session } from '../session'
import { Card, Loading, useData } from '../ui'

const ROLES = ['viewer', 'editor', 'admin'] as const
const pending = (list: Schemas['InvitationList']) => list.items.filter((i) => !i.usedAt && !i.revokedAt)
type Role = (typeof ROLES)[number]

/** The workspace's people (admin): roles, removal, and invitations by link. */
export function Members() {
  const members = useData(() => get<Schemas['MemberList']>('/v1/members'), [])
  const invitations = useData(() => get<Schemas['InvitationList']>('/v1/invitations'), [])
  const [link, setLink] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const me = session.value?.person?.id
  const run = async (action: () => Promise<unknown>) => {
    try { await action(); setError(null); members.reload(); invitations.reload() } catch (err) { setError(err instanceof ApiError ? err.message : String(err)) }
  }
  const invite = (e: Event) => {
    e.preventDefault()
    const f = new FormData(e.target as HTMLFormElement)
    const email = String(f.get('email') ?? '').trim()
    return run(async () => setLink((await api<Schemas['CreatedInvitation']>('POST', '/v1/invitations', { role: String(f.get('role')), ...(email && { email }) })).url))
  }
  return (
    <>
      <h1>{t('Members')}</h1>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="grid">
        <Card title={t('Members')} wide>
          {!members.data ? <Loading error={members.error} /> : (
            <table class="reflow">
              <thead><tr><th>{t('Name')}</th><th>{t('Email')}</th><th>{t('Role')}</th><th>{t('Since')}</th><th /></tr></thead>
              <tbody>{members.data.items.map((m) => (
                <tr key={m.personId}>
                  <td data-label={t('Name')}>{m.name}{m.personId === me && ` (${t('you')})`}</td><td data-label={t('Email')}>{m.email}</td>
                  <td data-label={t('Role')}>
                    <select aria-label={`${t('Role')}: ${m.name}`} value={m.role} onChange={(e) => run(() => api('PATCH', `/v1/members/${m.personId}`, { role: (e.target as HTMLSelectElement).value as Role }))}>
                      {ROLES.map((r) => <option key={r} value={r}>{t(r)}</option>)}
                    </select>
                  </td>
                  <td data-label={t('Since')}>{formatDate(m.since)}</td>
                  <td><button type="button" onClick={() => run(() => api('DELETE', `/v1/members/${m.personId}`))} aria-label={`${t('Remove')} ${m.name}`}>{t('Remove')}</button></td>
                </tr>
              ))}</tbody>
            </table>
          )}
        </Card>
        <Card title={t('Invite someone')}>
          <form onSubmit={invite} class="stack">
            <label>{t('Email (optional: the link then works for this address only)')}<input name="email" type="email" maxLength={320} /></label>
            <label>{t('Role')}<select name="role">{ROLES.map((r) => <option key={r} value={r}>{t(r)}</option>)}</select></label>
            <button type="submit">{t('Create an invitation link')}</button>
          </form>
          {link && <p role="status" class="notice">{t('Send this link; it works once, for 7 days:')} <code data-testid="invitation-link">{link}</code></p>}
        </Card>
        <Card title={t('Invitations')}>
          {!invitations.data ? <Loading error={invitations.error} /> : pending(invitations.data).length === 0 ? <p class="muted">{t('No pending invitation.')}</p> : (
            <ul>{pending(invitations.data).map((i) => (
              <li key={i.id}>{t(i.role)} · {i.email ?? t('anyone with the link')} · {t('until')} {formatDate(i.expiresAt)}{' '}
                <button type="button" onClick={() => run(() => api('DELETE', `/v1/invitations/${i.id}`))}>{t('Revoke')}</button></li>
            ))}</ul>
          )}
        </Card>
      </div>
    </>
  )
}
