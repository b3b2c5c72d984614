import { sql, type Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import type { WorkspaceQuotas } from '../../platform/db/tables/workspaces.ts'
import { AppError } from '../../platform/shared/errors.ts'

// How much one workspace may create, so that one tenant cannot fill the instance (or the
// collection every tenant shares) for all. The operator raises or lowers them per workspace with
// `relais workspace quotas`; a tenant cannot.

export const QUOTA_KINDS = ['topics', 'sources', 'webhooks', 'digests', 'digestRecipients'] as const
export type QuotaKind = (typeof QUOTA_KINDS)[number]

export const DEFAULT_QUOTAS: Readonly<Record<QuotaKind, number>> = Object.freeze({
  topics: 100,
  sources: 50,
  webhooks: 20,
  digests: 50,
  /** Addresses over all the workspace's digest subscriptions. */
  digestRecipients: 500,
})

const WHAT: Record<QuotaKind, string> = {
  topics: 'topics', sources: 'sources', webhooks: 'webhooks', digests: 'digest subscriptions', digestRecipients: 'digest recipients (over all its digests)',
}

/** The workspace's quotas: the defaults, with the operator's overrides. */
export async function workspaceQuotas(db: Kysely<DB>, workspaceId: string): Promise<Record<QuotaKind, number>> {
  const row = await db.selectFrom('workspaces').select('quotas').where('id', '=', workspaceId).executeTakeFirst()
  return { ...DEFAULT_QUOTAS, ...(row?.quotas ?? {}) }
}

async function inUse(db: Kysely<DB>, workspaceId: string, kind: QuotaKind, exceptDigest?: string): Promise<number> {
  const counted = (table: 'topics' | 'sources' | 'webhooks' | 'digest_subscriptions') =>
    db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()
  if (kind === 'digestRecipients') {
    const other = exceptDigest === undefined ? sql`true` : sql`id <> ${exceptDigest}`
    const { rows } = await sql<{ n: string | null }>`
      select sum(cardinality(recipients)) as n from digest_subscriptions where workspace_id = ${workspaceId} and ${other}`.execute(db)
    return Number(rows[0].n ?? 0)
  }
  const table = kind === 'digests' ? 'digest_subscriptions' : kind
  return Number((await counted(table)).n)
}

/**
 * Refuses, with a problem saying which quota and how to get past it, what would take the
 * workspace over a quota. `adding`: how many of the kind the request adds; `exceptDigest`: the
 * subscription whose recipients the request replaces. Checked before the insert: two requests at
 * the same instant may each pass with one place left (the quota is a bound on abuse, not a count
 * to the unit).
 */
export async function enforceQuota(db: Kysely<DB>, workspaceId: string, kind: QuotaKind, adding = 1, exceptDigest?: string): Promise<void> {
  const [quotas, used] = await Promise.all([workspaceQuotas(db, workspaceId), inUse(db, workspaceId, kind, exceptDigest)])
  const limit = quotas[kind]
  if (used + adding <= limit) return
  throw new AppError('quota_exceeded',
    `This workspace may have at most ${limit} ${WHAT[kind]} and has ${used}; this request would add ${adding}. Remove some first, or ask the operator to raise the quota.`,
    { extra: { quota: kind, limit, used } })
}

export type { WorkspaceQuotas }
