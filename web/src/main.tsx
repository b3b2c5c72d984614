import { render } from 'preact'
import { useEffect } from 'preact/hooks'
import './style.css'
import { api } from './api'
import { lang, setLang, t } from './i18n'
import { match, navigate, onLinkClick, useLocation } from './router'
import { adopt, loadSession, session } from './session'
import { Loading } from './ui'
import { SignIn } from './pages/sign-in'
import { OpenLink, Setup, Invite, Unsubscribe } from './pages/links'
import { Topics, TopicEdit } from './pages/topics'
import { TopicOverview } from './pages/topic-overview'
import { TopicPeople } from './pages/topic-people'
import { TopicMentions, TopicInbox } from './pages/topic-mentions'
import { AccountPage } from './pages/account'
import { Keys } from './pages/keys'
import { Jobs } from './pages/jobs'
import { Sources } from './pages/sources'
import { Digests } from './pages/digests'
import { LazyMap } from './pages/lazy-map'
import { Webhooks } from './pages/webhooks'
import { Members } from './pages/members'
import { TopicAlerts } from './pages/topic-alerts'

// Pages anyone may open without a session (they start one).
const PUBLIC = ['/sign-in', '/setup', '/invite', '/open', '/unsubscribe']

function Page({ path }: { path: string }) {
  let p: Record<string, string> | null
  if (path === '/' || path === '/topics') return <Topics />
  if (path === '/topics/new') return <TopicEdit />
  if ((p = match('/topics/:id/edit', path))) return <TopicEdit id={p.id} />
  if ((p = match('/topics/:id/map', path))) return <LazyMap id={p.id} />
  if ((p = match('/topics/:id/people', path))) return <TopicPeople id={p.id} />
  if ((p = match('/topics/:id/mentions', path))) return <TopicMentions id={p.id} />
  if ((p = match('/topics/:id/inbox', path))) return <TopicInbox id={p.id} />
  if ((p = match('/topics/:id/alerts', path))) return <TopicAlerts id={p.id} />
  if ((p = match('/topics/:id', path))) return <TopicOverview id={p.id} />
  if ((p = match('/accounts/:id', path))) return <AccountPage id={p.id} />
  if (path === '/keys') return <Keys />
  if (path === '/jobs') return <Jobs />
  if (path === '/sources') return <Sources />
  if (path === '/digests') return <Digests />
  if (path === '/webhooks') return <Webhooks />
  if (path === '/members') return <Members />
  return <p>{t('Page not found.')}</p>
}

function App() {
  const { path } = useLocation()
  useEffect(() => { void loadSession() }, [])
  const isPublic = PUBLIC.some((p) => path === p || path.startsWith(`${p}/`))
  if (path === '/sign-in') return <Shell><SignIn /></Shell>
  if (path === '/setup') return <Shell><Setup /></Shell>
  if (path === '/invite') return <Shell><Invite /></Shell>
  if (path === '/open') return <Shell><OpenLink /></Shell>
  if (path === '/unsubscribe') return <Shell><Unsubscribe /></Shell>
  if (session.value === undefined) return <Shell><Loading /></Shell>
  if (session.value === null && !isPublic) {
    navigate(`/sign-in?next=${encodeURIComponent(path)}`, true)
    return null
  }
  return <Shell><Page path={path} /></Shell>
}

function Shell({ children }: { children: preact.ComponentChildren }) {
  const s = session.value
  const member = s && s.person
  const signOut = async (everywhere: boolean) => {
    await api('DELETE', everywhere ? '/v1/session/all' : '/v1/session').catch(() => null)
    adopt(null)
    navigate('/sign-in')
  }
  return (
    <div onClick={onLinkClick}>
      <a class="skip" href="#main">{t('Skip to content')}</a>
      <header class="top">
        <a class="brand" href="/">Relais</a>
        {member && (
          <nav aria-label={t('Main')}>
            <a href="/topics">{t('Topics')}</a>
            <a href="/sources">{t('Sources')}</a>
            <a href="/digests">{t('Digests')}</a>
            <a href="/webhooks">{t('Webhooks')}</a>
            {s.role === 'admin' && <a href="/keys">{t('Keys')}</a>}
            {s.role === 'admin' && <a href="/members">{t('Members')}</a>}
            <a href="/jobs">{t('Jobs')}</a>
          </nav>
        )}
        {s && !s.person && s.topicId && <span class="muted">{t('Read-only view of one topic')}</span>}
        <span class="spacer" />
        <label class="lang">
          <span class="visually-hidden">{t('Language')}</span>
          <select value={lang.value} onChange={(e) => setLang((e.target as HTMLSelectElement).value as 'en' | 'fr')}>
            <option value="en">English</option>
            <option value="fr">Français</option>
          </select>
        </label>
        {s && <span class="who">{s.person?.name ?? ''} · {s.workspace.name}</span>}
        {s && <button type="button" onClick={() => signOut(false)}>{t('Sign out')}</button>}
        {member && <button type="button" class="link" onClick={() => signOut(true)}>{t('Sign out everywhere')}</button>}
      </header>
      <main id="main">{children}</main>
    </div>
  )
}

render(<App />, document.getElementById('app')!)
