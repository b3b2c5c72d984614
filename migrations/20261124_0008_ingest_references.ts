import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// The tables written for every ingested post keep their references to accounts and posts without
// foreign keys. Ingest writes them with ids the same transaction has just written or read, and
// Relais never deletes an account or a post, so the constraints guarded nothing the service does,
// while checking them (a look-up and a row lock per reference, one query each) took a sixth of the
// database's time per post. The reference to topics stays: people delete topics, and a topic's
// matches go with it, also when a collection is storing new ones at that moment.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table posts drop constraint posts_author_id_fkey;
    alter table topic_posts drop constraint topic_posts_post_id_fkey;
    alter table interactions drop constraint interactions_source_id_fkey;
    alter table interactions drop constraint interactions_target_id_fkey;
    alter table interactions drop constraint interactions_post_id_fkey;
  `)
}

// The keys come back `not valid`: rows written meanwhile are not checked (the helper
// test/helpers/dangling-references.ts lists any that dangle); new rows are.
export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table posts add constraint posts_author_id_fkey foreign key (author_id) references accounts(id) on delete set null not valid;
    alter table topic_posts add constraint topic_posts_post_id_fkey foreign key (post_id) references posts(id) on delete cascade not valid;
    alter table interactions add constraint interactions_source_id_fkey foreign key (source_id) references accounts(id) on delete cascade not valid;
    alter table interactions add constraint interactions_target_id_fkey foreign key (target_id) references accounts(id) on delete cascade not valid;
    alter table interactions add constraint interactions_post_id_fkey foreign key (post_id) references posts(id) on delete cascade not valid;
  `)
}
