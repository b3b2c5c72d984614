import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// People who sign in to the web app, their workspaces and roles, their cookie sessions, and the
// one-time or expiring links (first-run setup, demo sign-in, invitations, digest read-only links).
// Only SHA-256 hashes of session and link tokens are stored: a leaked table opens nothing.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    create table people (
      id uuid primary key default gen_random_uuid(),
      email text not null unique check (length(email) between 3 and 320),
      name text not null check (length(name) between 1 and 200),
      password_hash text not null,
      created_at timestamptz not null default date_trunc('milliseconds', now())
    );

    create table memberships (
      person_id uuid not null references people(id) on delete cascade,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      role text not null check (role in ('viewer','editor','admin')),
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      primary key (person_id, workspace_id)
    );
    create index memberships_workspace on memberships (workspace_id);

    create table access_links (
      id uuid primary key default gen_random_uuid(),
      purpose text not null check (purpose in ('setup','demo','invitation','share','unsubscribe')),
      token_hash text not null unique,
      workspace_id uuid references workspaces(id) on delete cascade,
      role text check (role in ('viewer','editor','admin')),
      person_id uuid references people(id) on delete cascade,
      topic_id uuid references topics(id) on delete cascade,
      digest_id uuid references digest_subscriptions(id) on delete cascade,
      email text,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      expires_at timestamptz not null,
      used_at timestamptz,
      revoked_at timestamptz
    );
    create index access_links_workspace on access_links (workspace_id);

    create table web_sessions (
      id uuid primary key default gen_random_uuid(),
      token_hash text not null unique,
      person_id uuid references people(id) on delete cascade,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      role text not null check (role in ('viewer','editor','admin')),
      topic_id uuid references topics(id) on delete cascade,
      link_id uuid references access_links(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      expires_at timestamptz not null,
      revoked_at timestamptz
    );
    create index web_sessions_person on web_sessions (person_id);
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    drop table web_sessions;
    drop table access_links;
    drop table memberships;
    drop table people
  `)
}
