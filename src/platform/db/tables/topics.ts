import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'

/** The workspace's own accounts per network, e.g. { mastodon: ['brand@example.social'] }. */
export type OwnAccounts = Record<string, string[]>

export interface TopicsTable {
  id: Generated<string>
  workspace_id: string
  name: string
  query: string
  networks: ColumnType<string[], string[] | undefined, string[]>
  languages: ColumnType<string[], string[] | undefined, string[]>
  own_accounts: ColumnType<OwnAccounts, OwnAccounts | undefined, OwnAccounts>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
export type TopicRow = Selectable<TopicsTable>
export type NewTopic = Insertable<TopicsTable>
export type TopicUpdate = Updateable<TopicsTable>
