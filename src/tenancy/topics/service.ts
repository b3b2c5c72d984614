import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { AppError, notFound } from '../../platform/shared/errors.ts'
import { createdAtIdCursor, decodeCursor, keysetPage, type Page } from '../../platform/shared/cursor.ts'
import { isUuid } from '../../platform/shared/ids.ts'
import { topicToDto, type Topic, type TopicInput, type TopicPatch } from './dto.ts'
import { checkTopicQuery } from './check-query.ts'
import { pastKeyset } from '../../platform/db/keyset.ts'

const COLUMNS = ['id', 'name', 'query', 'networks', 'languages', 'own_accounts', 'created_at', 'updated_at'] as const


/** Topics of one workspace. Every query is filtered by the workspace: another's topic is "not found". */
export function createTopicService({ db }: { db: Kysely<DB> }) {
  return {
    async list(workspaceId: string, limit: number, cursor?: string): Promise<Page<Topic>> {
      let query = db.selectFrom('topics').select(COLUMNS).where('workspace_id', '=', workspaceId)
      if (cursor) {
        const [createdAt, id] = decodeCursor(cursor, createdAtIdCursor)
        query = query.where(pastKeyset('created_at', new Date(createdAt), id, 'asc'))
      }
      const rows = await query.orderBy('created_at').orderBy('id').limit(limit + 1).execute()
      return keysetPage(rows, limit, topicToDto, (topic) => [topic.createdAt, topic.id])
    },

    async get(workspaceId: string, id: string): Promise<Topic> {
      if (!isUuid(id)) throw notFound('The topic')
      const row = await db.selectFrom('topics').select(COLUMNS).where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst()
      if (!row) throw notFound('The topic')
      return topicToDto(row)
    },

    async create(workspaceId: string, input: TopicInput): Promise<Topic> {
      checkTopicQuery(input.query)
      const row = await db
        .insertInto('topics')
        .values({ workspace_id: workspaceId, name: input.name, query: input.query, networks: input.networks, languages: input.languages, own_accounts: input.ownAccounts })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow()
        .catch(duplicateName(input.name))
      return topicToDto(row)
    },

    async update(workspaceId: string, id: string, patch: TopicPatch): Promise<Topic> {
      if (!isUuid(id)) throw notFound('The topic')
      if (patch.query !== undefined) checkTopicQuery(patch.query)
      const row = await db
        .updateTable('topics')
        .set({
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.query !== undefined && { query: patch.query }),
          ...(patch.networks !== undefined && { networks: patch.networks }),
          ...(patch.languages !== undefined && { languages: patch.languages }),
          ...(patch.ownAccounts !== undefined && { own_accounts: patch.ownAccounts }),
          updated_at: new Date(),
        })
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', id)
        .returning(COLUMNS)
        .executeTakeFirst()
        .catch(duplicateName(patch.name ?? ''))
      if (!row) throw notFound('The topic')
      return topicToDto(row)
    },

    async remove(workspaceId: string, id: string): Promise<void> {
      if (!isUuid(id)) throw notFound('The topic')
      const result = await db.deleteFrom('topics').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst()
      if (Number(result.numDeletedRows) === 0) throw notFound('The topic')
    },
  }
}

export type TopicService = ReturnType<typeof createTopicService>

const duplicateName = (name: string) => (error: unknown): never => {
  if ((error as { code?: string }).code === '23505') throw new AppError('conflict', `A topic named "${name}" already exists in this workspace.`)
  throw error
}
