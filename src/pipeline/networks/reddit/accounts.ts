import { ConnectorError } from '../errors.ts'
import type { HttpClient } from '../http.ts'
import type { NormalizedAccount } from '../model.ts'
import { normalizeAbout } from './normalize.ts'
import { userAboutSchema, userDataByIdsSchema } from './schemas.ts'

const IDS_PER_LOOKUP = 100

type Call = <T>(fn: () => Promise<T>) => Promise<T>

function isMissing(err: unknown): boolean {
  return err instanceof ConnectorError && (err.kind === 'not_found' || err.kind === 'forbidden')
}

/**
 * Relais keys Reddit accounts by `t2_` fullname, but Reddit's user endpoints take a name.
 * Accepts `t2_…`, `u/name` or a bare name; returns fullname-or-input → name for those found.
 */
export async function resolveNames(http: HttpClient, call: Call, ids: string[], signal?: AbortSignal, onRequest: () => void = () => {}): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  const fullnames: string[] = []
  for (const id of ids) {
    if (id.startsWith('t2_')) fullnames.push(id)
    else names.set(id, id.replace(/^\/?u\//, ''))
  }
  for (let i = 0; i < fullnames.length; i += IDS_PER_LOOKUP) {
    const chunk = fullnames.slice(i, i + IDS_PER_LOOKUP)
    try {
      const res = await call(() => {
        onRequest()
        return http.getJson('/api/user_data_by_account_ids', { ids: chunk.join(','), raw_json: 1 }, userDataByIdsSchema, signal ? { signal } : {})
      })
      for (const [fullname, user] of Object.entries(res.body)) names.set(fullname, user.name)
    } catch (err) {
      // None of the ids exist any more.
      if (!isMissing(err)) throw err
    }
  }
  return names
}

/** Profiles of `ids` (fullnames or names); `onRequest` is told of each request made, a retried one included. */
export async function fetchProfiles(http: HttpClient, call: Call, ids: string[], signal?: AbortSignal, onRequest: () => void = () => {}): Promise<NormalizedAccount[]> {
  const names = await resolveNames(http, call, ids, signal, onRequest)
  const accounts: NormalizedAccount[] = []
  for (const [input, name] of names) {
    try {
      const res = await call(() => {
        onRequest()
        return http.getJson(`/user/${encodeURIComponent(name)}/about`, { raw_json: 1 }, userAboutSchema, signal ? { signal } : {})
      })
      const account = normalizeAbout(res.body.data, input.startsWith('t2_') ? input : null)
      if (account) accounts.push(account)
    } catch (err) {
      if (!isMissing(err)) throw err
    }
  }
  return accounts
}
