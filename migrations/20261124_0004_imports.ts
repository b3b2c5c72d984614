import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// What each workspace imported from NDJSON files. Accounts, posts and follows are shared; a
// workspace otherwise sees them only through its topics, so an imported post that matches none of
// its topics would be invisible to it (and missing from its export). These rows record which
// records a workspace brought in itself, so `relais export` gives back what `relais import` took.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    create table imported_accounts (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      account_id bigint not null references accounts(id) on delete cascade,
      imported_at timestamptz not null default now(),
      primary key (workspace_id, account_id)
    );
    create index imported_accounts_account on imported_accounts (account_id);

    create table imported_posts (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      post_id bigint not null references posts(id) on delete cascade,
      -- false when the file gave no language: ingest detects one, but the export leaves it out so
      -- the file comes back as it went in.
      lang_given boolean not null,
      imported_at timestamptz not null default now(),
      primary key (workspace_id, post_id)
    );
    create index imported_posts_post on imported_posts (post_id);

    create table imported_follows (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      follower_id bigint not null,
      followee_id bigint not null,
      imported_at timestamptz not null default now(),
      primary key (workspace_id, follower_id, followee_id),
      foreign key (follower_id, followee_id) references follows (follower_id, followee_id) on delete cascade
    );
    create index imported_follows_edge on imported_follows (follower_id, followee_id);
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    drop table imported_follows, imported_posts, imported_accounts
  `)
}
