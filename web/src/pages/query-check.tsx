import { useEffect, useState } from 'preact/hooks'
import { api, type Schemas } from '../api'
import { t } from '../i18n'
import { CoverageNotes } from './coverage'

const WAIT_MS = 300

/** The query checked as it is typed (through POST /v1/topics/check): the mistake, or what each network will be asked. */
export function QueryCheck({ query, networks }: { query: string; networks: string[] }) {
  const [check, setCheck] = useState<Schemas['QueryCheck'] | null>(null)
  useEffect(() => {
    if (!query.trim()) { setCheck(null); return }
    let live = true
    const timer = setTimeout(() => {
      api<Schemas['QueryCheck']>('POST', '/v1/topics/check', { query, networks }).then((c) => { if (live) setCheck(c) }, () => { if (live) setCheck(null) })
    }, WAIT_MS)
    return () => { live = false; clearTimeout(timer) }
  }, [query, networks.join(',')])
  if (!check) return null
  if (!check.valid && check.error) {
    const at = check.error.position
    return (
      <div class="query-check" role="status" data-testid="query-check">
        <p class="error">{check.error.message}</p>
        <p><code>{query.slice(0, at)}<mark>{query.slice(at, at + 1) || ' '}</mark>{query.slice(at + 1)}</code></p>
      </div>
    )
  }
  return (
    <div class="query-check" role="status" data-testid="query-check">
      <p class="ok">{t('The query is valid. What each network will be asked:')}</p>
      <dl class="coverage">
        {check.networks.map((n) => (
          <div key={n.network}>
            <dt>{n.label}{!n.complete && ` — ${t('partly')}`}</dt>
            <dd>{n.searches.length ? n.searches.map((s) => <code key={s} class="search">{s}</code>) : <span class="muted">{t('nothing')}</span>}{n.note && <small class="muted"> {n.note}</small>}</dd>
          </div>
        ))}
      </dl>
      <details><summary>{t('What each network gives')}</summary><CoverageNotes networks={check.networks.map((n) => n.network)} /></details>
    </div>
  )
}
