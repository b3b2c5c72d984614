import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// What the conversation pass last read of a matched post: the repost and reply counts the post
// carried when its reposters (or its replies) were read. A post is read again only once the
// network's count has grown past them, so an unchanged post costs no request.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    create table post_conversation_reads (
      post_id bigint primary key references posts(id) on delete cascade,
      reposts_read integer,
      replies_read integer,
      read_at timestamptz not null default now()
    )
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `drop table post_conversation_reads`)
}
