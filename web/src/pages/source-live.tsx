import { useState } from 'preact/hooks'
import { api, ApiError, type Schemas } from '../api'
import { formatDate, formatNumber, lang, t } from '../i18n'

// A source's live collection, in words: whether it is read live, how far behind the network it
// is, and why it cannot be read; and the admin's switch that turns the live reading on or off.

type Streaming = NonNullable<Schemas['Source']['streaming']>

/** "3 minutes ago", "il y a 3 minutes": the largest unit that fits. */
function ago(seconds: number): string {
  const rtf = new Intl.RelativeTimeFormat(lang.value, { numeric: 'always' })
  if (seconds < 90) return rtf.format(-Math.round(seconds), 'second')
  if (seconds < 90 * 60) return rtf.format(-Math.round(seconds / 60), 'minute')
  if (seconds < 36 * 3600) return rtf.format(-Math.round(seconds / 3600), 'hour')
  return rtf.format(-Math.round(seconds / 86_400), 'day')
}

function stateText(s: Streaming): string {
  if (!s.enabled) return t('Live reading off')
  return s.reading ? t('Live, being read') : t('On, but no running process reads it')
}

/** How far behind: seconds while it is close, otherwise when the last event was. */
function lagText(s: Streaming): string {
  if (s.lastEventAt === null) return s.enabled ? t('no event stored yet') : ''
  const seconds = s.enabled && s.lagSeconds !== null ? s.lagSeconds : Math.max(0, (Date.now() - Date.parse(s.lastEventAt)) / 1000)
  if (s.enabled && seconds < 60) return t('{lag} s behind').replace('{lag}', formatNumber(seconds, 1))
  return t('last event {ago}').replace('{ago}', ago(seconds))
}

export function LiveState({ streaming }: { streaming: Schemas['Source']['streaming'] }) {
  if (!streaming) return <span class="muted">{t('No live stream on this network')}</span>
  const lag = lagText(streaming)
  return (
    <span data-testid="live-state">
      <strong>{stateText(streaming)}</strong>
      {lag && <><br /><span title={streaming.lastEventAt ? formatDate(streaming.lastEventAt) : undefined}>{lag}</span></>}
      {streaming.lastError && (
        <><br /><span class="error">{t('Last error')} ({formatDate(streaming.lastError.at)}): {streaming.lastError.message}</span></>
      )}
    </span>
  )
}

export interface LiveOutcome { notice?: string; error?: string }

/** Turns the live reading of a source on or off; says what the API answered. */
export function LiveSwitch({ source, done }: { source: Schemas['Source']; done: (outcome: LiveOutcome) => void }) {
  const [busy, setBusy] = useState(false)
  if (!source.streaming) return null
  const on = source.streaming.enabled
  const toggle = async () => {
    setBusy(true)
    try {
      const changed = await api<Schemas['Source']>('PATCH', `/v1/sources/${source.id}`, { streaming: !on })
      const nowOn = changed.streaming?.enabled === true
      done({ notice: `${source.name}: ${nowOn ? t('live reading is on. A running reader starts within about ten seconds.') : t('live reading is off. A running reader stops within about ten seconds; scheduled collection goes on.')}` })
    } catch (err) {
      const refused = err instanceof ApiError && err.status === 403 ? `${t('Only an admin of the workspace can turn live reading on or off.')} ` : ''
      done({ error: `${source.name}: ${t('live reading was not changed.')} ${refused}(${err instanceof ApiError ? `${err.status}: ` : ''}${err instanceof Error ? err.message : String(err)})` })
    } finally { setBusy(false) }
  }
  const label = on ? t('Turn live reading off') : t('Turn live reading on')
  return <button type="button" onClick={toggle} disabled={busy} aria-label={`${label}: ${source.name}`}>{label}</button>
}
