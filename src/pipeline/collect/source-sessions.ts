import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { ConnectorError } from '../networks/errors.ts'
import type { CollectableNetwork } from '../../platform/shared/network-names.ts'
import type { LoginLimit, SessionStore } from '../networks/session-store.ts'
import type { SecretBox } from '../../platform/secrets/secret-box.ts'
import { SOURCE_SESSION_PURPOSE as SESSION_PURPOSE } from '../../platform/secrets/stored-secrets.ts'

export interface SessionCounters { logins: number }

/**
 * A source's network session, kept sealed in `source_sessions`, so every run, process and
 * instance shares one login. Logins are counted in the same row, under a row lock, so two
 * instances logging in at once both count and neither passes the network's limits.
 */
export function sourceSessionStore(db: Kysely<DB>, box: SecretBox, source: { id: string; network: CollectableNetwork }, counters?: SessionCounters): SessionStore {
  return {
    async load() {
      const row = await db.selectFrom('source_sessions').select('sealed').where('source_id', '=', source.id).executeTakeFirst()
      if (!row?.sealed) return null
      try {
        return JSON.parse(box.open(row.sealed, SESSION_PURPOSE)) as unknown
      } catch {
        // Sealed under a key no longer held, or altered: a new login replaces it.
        return null
      }
    },
    async save(session) {
      const sealed = box.seal(JSON.stringify(session), SESSION_PURPOSE)
      await db.insertInto('source_sessions').values({ source_id: source.id, sealed })
        .onConflict((oc) => oc.column('source_id').doUpdateSet({ sealed, updated_at: sql`now()` })).execute()
    },
    async beforeLogin(limits) {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('source_sessions').values({ source_id: source.id, sealed: null }).onConflict((oc) => oc.column('source_id').doNothing()).execute()
        const row = await trx.selectFrom('source_sessions').select(['logins', sql<Date>`now()`.as('now')]).where('source_id', '=', source.id).forUpdate().executeTakeFirstOrThrow()
        const now = new Date(row.now).getTime()
        const longest = Math.max(0, ...limits.map((l) => l.windowMs))
        const recent = row.logins.map((d) => new Date(d).getTime()).filter((t) => t > now - longest)
        for (const limit of limits) {
          const inWindow = recent.filter((t) => t > now - limit.windowMs).sort((a, b) => a - b)
          if (inWindow.length >= limit.count) {
            const retryAt = new Date(inWindow[inWindow.length - limit.count] + limit.windowMs)
            throw new ConnectorError(source.network, 'rate_limited', `Login paused: this source already logged in ${inWindow.length} times within the network's limit of ${limit.label}; next login possible after ${retryAt.toISOString()}`, { retryAt })
          }
        }
        const logins = [...recent.map((t) => new Date(t)), new Date(now)]
        await trx.updateTable('source_sessions').set({ logins, updated_at: sql`now()` }).where('source_id', '=', source.id).execute()
      })
      if (counters) counters.logins++
    },
  }
}
