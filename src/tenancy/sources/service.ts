import { sql, type Kysely } from 'kysely'
import type { SourceRow } from '../../platform/db/tables/sources.ts'
import type { DB } from '../../platform/db/schema.ts'
import { AppError, notFound } from '../../platform/shared/errors.ts'
import { isUuid } from '../../platform/shared/ids.ts'
import { PUBLIC_ONLY, type AddressPolicy } from '../../pipeline/networks/http/address-policy.ts'
import { checkSourceUrls } from './check-source-urls.ts'
import { NO_SECRETS, type SecretBox } from '../../platform/secrets/secret-box.ts'
import { sealCredentials } from '../../platform/secrets/stored-secrets.ts'
import { sourceToDto, type NewSource, type Source, type SourceChange } from './dto.ts'
import { streamLeasesOf, streamStateOf, streamsOnNetwork } from './stream-state.ts'
import { enforceQuota } from '../workspaces/quotas.ts'

const COLUMNS = ['id', 'name', 'network', 'base_url', 'settings', 'credentials', 'created_at', 'updated_at'] as const
type StoredSource = Pick<SourceRow, (typeof COLUMNS)[number]>
export const MAX_SOURCES_PER_WORKSPACE = 200

/** The network endpoints a workspace collects from. Credentials go in, never out. */
export function createSourceService({ db, addressPolicy = PUBLIC_ONLY, secrets = NO_SECRETS }: { db: Kysely<DB>; addressPolicy?: AddressPolicy; secrets?: SecretBox }) {
  const represent = async (workspaceId: string, rows: StoredSource[]): Promise<Source[]> => {
    const leases = await streamLeasesOf(db, workspaceId, rows.filter((row) => streamsOnNetwork(row.network)).map((row) => row.id))
    const now = new Date()
    return rows.map((row) => sourceToDto(row, streamStateOf(row, leases.get(row.id), now)))
  }
  const find = async (workspaceId: string, id: string): Promise<StoredSource> => {
    const row = isUuid(id) ? await db.selectFrom('sources').select(COLUMNS).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst() : undefined
    if (row === undefined) throw notFound('The source')
    return row
  }
  return {
    async list(workspaceId: string): Promise<Source[]> {
      const rows = await db.selectFrom('sources').select(COLUMNS).where('workspace_id', '=', workspaceId).orderBy('created_at').limit(MAX_SOURCES_PER_WORKSPACE).execute()
      return represent(workspaceId, rows)
    },

    async get(workspaceId: string, id: string): Promise<Source> {
      return (await represent(workspaceId, [await find(workspaceId, id)]))[0]
    },

    /** Turns the source's live reading on or off; the stream worker follows the setting on its next look. */
    async change(workspaceId: string, id: string, input: SourceChange): Promise<Source> {
      const source = await find(workspaceId, id)
      if (!streamsOnNetwork(source.network)) throw new AppError('unprocessable', `A ${source.network} source has no live stream to turn on or off.`)
      const row = await db.updateTable('sources')
        .set({ settings: sql<Record<string, string>>`settings || jsonb_build_object('streaming', ${input.streaming ? 'on' : 'off'}::text)`, updated_at: sql<Date>`now()` })
        .where('workspace_id', '=', workspaceId).where('id', '=', id)
        .returning(COLUMNS)
        .executeTakeFirst()
      if (row === undefined) throw notFound('The source')
      return (await represent(workspaceId, [row]))[0]
    },

    async create(workspaceId: string, input: NewSource): Promise<Source> {
      await checkSourceUrls(input, addressPolicy)
      await enforceQuota(db, workspaceId, 'sources')
      const row = await db
        .insertInto('sources')
        .values({ workspace_id: workspaceId, name: input.name, network: input.network, base_url: input.baseUrl ?? null, settings: clean(input.settings), credentials: sealCredentials(secrets, clean(input.credentials)) })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow()
        .catch((error: { code?: string }) => {
          if (error.code === '23505') throw new AppError('conflict', `A source named "${input.name}" already exists in this workspace.`)
          throw error
        })
      return (await represent(workspaceId, [row]))[0]
    },

    async remove(workspaceId: string, id: string): Promise<void> {
      if (!isUuid(id)) throw notFound('The source')
      const result = await db.deleteFrom('sources').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst()
      if (Number(result.numDeletedRows) === 0) throw notFound('The source')
    },
  }
}

export type SourceService = ReturnType<typeof createSourceService>

const clean = (record: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => entry[1] !== undefined))
