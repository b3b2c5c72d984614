// Reads about one status (who boosted it, its replies) need the instance's own id of a status
// Relais knows by its `uri`: the id kept for this source at collection is used when there is one;
// a status collected in this run is known to the connector; one posted
// on the instance itself carries its id in its uri; any other is looked up through search with
// `resolve` (a token is needed; without one, null: that status is not read).
import type { HttpClient } from '../http.ts'
import type { MastodonIdIndex } from './id-index.ts'
import { mastodonSearchSchema } from './schemas.ts'

export interface StatusReadDeps {
  http: HttpClient
  baseUrl: string
  localDomain: string
  index: MastodonIdIndex
  hasToken: boolean
}

export async function localStatusId(deps: StatusReadDeps, post: { externalId: string; readId: string | null }, signal?: AbortSignal): Promise<string | null> {
  if (post.readId !== null) return post.readId
  const uri = post.externalId
  const known = deps.index.statusId(uri)
  if (known !== null) return known
  const own = /^https:\/\/([^/]+)\/users\/[^/]+\/statuses\/(\d+)$/.exec(uri)
  if (own && own[1].toLowerCase() === deps.localDomain) return own[2]
  if (!deps.hasToken) return null
  const { body } = await deps.http.getJson('/api/v2/search', { q: uri, type: 'statuses', resolve: true, limit: 1 }, mastodonSearchSchema, { signal })
  const found = body.statuses.find((status) => status.uri === uri)
  return found?.id ?? null
}
