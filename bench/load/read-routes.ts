// The read routes of the API, from its OpenAPI document (so routes added later are loaded too),
// with path parameters naming the bench's own resources. Routes that do not answer 200 before the
// load starts (an id the bench cannot provide) are left out, and listed.
import { readFileSync } from 'node:fs'
import type { LoadService } from './service.ts'

const documentFile = new URL('../../openapi/openapi.json', import.meta.url)

export async function readRoutes(service: LoadService): Promise<{ paths: string[]; leftOut: string[] }> {
  const document = JSON.parse(readFileSync(documentFile, 'utf8')) as { paths: Record<string, Record<string, unknown>> }
  const account = await service.database.db.selectFrom('scores').select('account_id').orderBy('influence_rank').limit(1).executeTakeFirst()
  const run = await service.database.db.selectFrom('job_runs').select('id').orderBy('id').limit(1).executeTakeFirst()
  const ids: Record<string, string> = { topics: service.topicId, accounts: String(account?.account_id ?? 0), 'job-runs': String(run?.id ?? 0), jobs: 'score' }
  const templates = Object.entries(document.paths).filter(([path, item]) => path.startsWith('/v1/') && item.get).map(([path]) => path)
  const paths: string[] = []
  const leftOut: string[] = []
  for (const template of templates) {
    const path = template.replace(/\{[^}]+\}/g, (_m, offset: number) => ids[template.slice(0, offset).split('/').filter(Boolean).pop() ?? ''] ?? 'none')
    const res = await fetch(service.url + path, { headers: { authorization: `Bearer ${service.keys.read}` } })
    await res.arrayBuffer()
    if (res.status === 200) paths.push(path)
    else leftOut.push(`${template} (${res.status})`)
  }
  return { paths, leftOut }
}
