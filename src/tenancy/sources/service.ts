import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { AppError, notFound } from '../../platform/shared/errors.ts'
import { isUuid } from '../../platform/shared/ids.ts'
import { PUBLIC_ONLY, type AddressPolicy } from '../../pipeline/networks/http/address-policy.ts'
import { checkSourceUrls } from './check-source-urls.ts'
import { NO_SECRETS, type SecretBox } from '../../platform/secrets/secret-box.ts'
import { sealCredentials } from '../../platform/secrets/stored-secrets.ts'
import { sourceToDto, type NewSource, type Source } from './dto.ts'

const COLUMNS = ['id', 'name', 'network', 'base_url', 'settings', 'credentials', 'created_at', 'updated_at'] as const
export const MAX_SOURCES_PER_WORKSPACE = 200

/** The network endpoints a workspace collects from. Credentials go in, never out. */
export function createSourceService({ db, addressPolicy = PUBLIC_ONLY, secrets = NO_SECRETS }: { db: Kysely<DB>; addressPolicy?: AddressPolicy; secrets?: SecretBox }) {
  return {
    async list(workspaceId: string): Promise<Source[]> {
      const rows = await db.selectFrom('sources').select(COLUMNS).where('workspace_id', '=', workspaceId).orderBy('created_at').limit(MAX_SOURCES_PER_WORKSPACE).execute()
      return rows.map(sourceToDto)
    },

    async create(workspaceId: string, input: NewSource): Promise<Source> {
      await checkSourceUrls(input, addressPolicy)
      const row = await db
        .insertInto('sources')
        .values({ workspace_id: workspaceId, name: input.name, network: input.network, base_url: input.baseUrl ?? null, settings: clean(input.settings), credentials: sealCredentials(secrets, clean(input.credentials)) })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow()
        .catch((error: { code?: string }) => {
          if (error.code === '23505') throw new AppError('conflict', `A source named "${input.name}" already exists in this workspace.`)
          throw error
        })
      return sourceToDto(row)
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
