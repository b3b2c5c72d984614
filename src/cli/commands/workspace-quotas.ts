import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { isUuid } from '../../platform/shared/ids.ts'
import { DEFAULT_QUOTAS, QUOTA_KINDS, workspaceQuotas, type QuotaKind } from '../../tenancy/workspaces/quotas.ts'
import { UsageError, withDatabase, type Io } from '../context.ts'
import { workspaceQuotasUsage } from '../usage.ts'

// The operator's quotas of one workspace: printed as JSON; `--topics 500` (and the other kinds)
// sets one, `--topics default` goes back to the default. A tenant has no way to change them.

const FLAG: Record<QuotaKind, string> = { topics: 'topics', sources: 'sources', webhooks: 'webhooks', digests: 'digests', digestRecipients: 'digest-recipients' }

export async function workspaceQuotasCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: Object.fromEntries(QUOTA_KINDS.map((k) => [FLAG[k], { type: 'string' as const }])) })
  const [workspaceId] = positionals
  if (positionals.length !== 1 || !isUuid(workspaceId)) throw new UsageError(workspaceQuotasUsage)
  const changes: Partial<Record<QuotaKind, number | null>> = {}
  for (const kind of QUOTA_KINDS) {
    const given = values[FLAG[kind]]
    if (given === undefined) continue
    if (given === 'default') changes[kind] = null
    else if (/^\d{1,9}$/.test(given)) changes[kind] = Number(given)
    else throw new UsageError(`--${FLAG[kind]} takes a whole number (or "default"), not "${given}".`)
  }
  return withDatabase('workspace quotas', async ({ db }) => {
    const exists = await db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).executeTakeFirst()
    if (!exists) throw new UsageError(`No workspace ${workspaceId}.`)
    if (Object.keys(changes).length) {
      const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== null))
      const reset = Object.entries(changes).filter(([, v]) => v === null).map(([k]) => k)
      await sql`update workspaces set quotas = (quotas - ${reset}::text[]) || ${JSON.stringify(set)}::jsonb where id = ${workspaceId}`.execute(db)
      io.err(`Quotas of workspace ${workspaceId} updated (defaults: ${JSON.stringify(DEFAULT_QUOTAS)}).`)
    }
    io.out(JSON.stringify(await workspaceQuotas(db, workspaceId), null, 2))
    return 0
  })
}
