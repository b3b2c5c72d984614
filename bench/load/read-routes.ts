// The read routes of the API, from its OpenAPI document (so routes added later are loaded too),
// with path parameters naming the bench's own resources. Routes that do not answer 200 before the
// load starts (an id the bench cannot provide) are left out, and listed.
import { fillPath, listOperations } from '../../test/fixtures/openapi-document.ts'
import type { LoadService } from './service.ts'

export async function readRoutes(service: LoadService): Promise<{ paths: string[]; leftOut: string[] }> {
  const account = await service.database.db.selectFrom('scores').select('account_id').orderBy('influence_rank').limit(1).executeTakeFirst()
  const run = await service.database.db.selectFrom('job_runs').select('id').orderBy('id').limit(1).executeTakeFirst()
  const ids: Record<string, string> = { topics: service.topicId, accounts: String(account?.account_id ?? 0), 'job-runs': String(run?.id ?? 0), jobs: 'score' }
  const templates = listOperations().filter((op) => op.method === 'GET' && op.path.startsWith('/v1/')).map((op) => op.path)
  const paths: string[] = []
  const leftOut: string[] = []
  for (const template of templates) {
    const path = fillPath(template, (_param, resource) => ids[resource] ?? 'none')
    const res = await fetch(service.url + path, { headers: { authorization: `Bearer ${service.keys.read}` } })
    await res.arrayBuffer()
    if (res.status === 200) paths.push(path)
    else leftOut.push(`${template} (${res.status})`)
  }
  return { paths, leftOut }
}
