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

/** The instance's id of the status, or null; `requests`: the lookups it took (0, or 1 for a resolving search). */
export async function localStatusId(deps: StatusReadDeps, post: { externalId: string; readId: string | null }, signal?: AbortSignal): Promise<{ id: string | null; requests: number }> {
  if (post.readId !== null) return { id: post.readId, requests: 0 }
  const uri = post.externalId
  const known = deps.index.statusId(uri)
  if (known !== null) return { id: known, requests: 0 }
  // Status uris are on the host the instance serves (its web domain), not its accounts' domain.
  const own = /^https:\/\/([^/]+)\/users\/[^/]+\/statuses\/(\d+)$/.exec(uri)
  if (own && own[1].toLowerCase() === new URL(deps.baseUrl).host.toLowerCase()) return { id: own[2], requests: 0 }
  if (!deps.hasToken) return { id: null, requests: 0 }
  const { body } = await deps.http.getJson('/api/v2/search', { q: uri, type: 'statuses', resolve: true, limit: 1 }, mastodonSearchSchema, { signal })
  const found = body.statuses.find((status) => status.uri === uri)
  return { id: found?.id ?? null, requests: 1 }
}
