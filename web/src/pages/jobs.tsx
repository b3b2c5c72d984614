import { api, get, type Schemas } from '../api'
import { formatDate, t } from '../i18n'
import { session } from '../session'
import { Card, Loading, useData } from '../ui'

export function Jobs() {
  const list = useData(() => get<Schemas['JobList']>('/v1/jobs'), [])
  const admin = session.value?.role === 'admin'
  const run = async (name: string) => { await api('POST', `/v1/jobs/${name}/runs`, {}); list.reload() }
  if (!list.data) return <Loading error={list.error} />
  return (
    <>
      <h1>{t('Jobs')}</h1>
      <div class="grid">
        {list.data.items.map((job) => (
          <Card key={job.name} title={job.name}>
            <p>{job.description}</p>
            <p class="muted">{job.schedule} · {t('Next run')}: {job.nextRunAt ? formatDate(job.nextRunAt) : '—'}</p>
            {admin && <button type="button" onClick={() => run(job.name)}>{t('Run now')}</button>}
            <h3>{t('Last runs')}</h3>
            <ul>{job.lastRuns.map((r) => <li key={r.id}>{r.status} · {r.trigger} · {r.startedAt ? formatDate(r.startedAt) : '—'}{r.error ? ` · ${r.error}` : ''}</li>)}</ul>
          </Card>
        ))}
      </div>
    </>
  )
}
