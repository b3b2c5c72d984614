import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// Core data model. Creation times that page lists (keyset cursors carry them as ISO strings,
// millisecond precision) are stored at millisecond precision so a cursor compares exactly.
// Accounts and posts are shared by every workspace (public data, unique per
// network and external id, so collection is idempotent); what a workspace sees of them goes
// through its topics.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    create table workspaces (
      id uuid primary key default gen_random_uuid(),
      name text not null check (length(name) between 1 and 200),
      settings jsonb not null default '{}',
      created_at timestamptz not null default date_trunc('milliseconds', now())
    );

    create table api_keys (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null default '',
      public_id text not null unique,
      secret_hash text not null,
      scopes text[] not null check (scopes <@ array['read','write','admin']::text[] and cardinality(scopes) > 0),
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create index api_keys_workspace on api_keys (workspace_id);

    create table sources (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null,
      network text not null,
      base_url text,
      settings jsonb not null default '{}',
      credentials jsonb not null default '{}',
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default now(),
      unique (workspace_id, name)
    );

    create table topics (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null,
      query text not null,
      networks text[] not null default '{}',
      languages text[] not null default '{}',
      own_accounts jsonb not null default '{}',
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default now(),
      unique (workspace_id, name)
    );
    create index topics_workspace_created on topics (workspace_id, created_at, id);

    create table accounts (
      id bigint generated always as identity primary key,
      network text not null,
      external_id text not null,
      handle text not null,
      display_name text,
      bio text,
      url text,
      followers_count integer,
      following_count integer,
      posts_count integer,
      first_seen_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      graph_collected_at timestamptz,
      unique (network, external_id)
    );
    create index accounts_handle on accounts (network, lower(handle));

    create table posts (
      id bigint generated always as identity primary key,
      network text not null,
      external_id text not null,
      author_id bigint references accounts(id) on delete set null,
      created_at timestamptz not null,
      text text not null default '',
      lang text,
      url text,
      reply_to_external_id text,
      repost_of_external_id text,
      quote_of_external_id text,
      likes integer not null default 0,
      reposts integer not null default 0,
      replies integer not null default 0,
      quotes integer not null default 0,
      hashtags text[] not null default '{}',
      mentions text[] not null default '{}',
      links text[] not null default '{}',
      sentiment real,
      is_question boolean not null default false,
      search_config regconfig not null default 'simple',
      search_vector tsvector generated always as (to_tsvector(search_config, text)) stored,
      collected_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (network, external_id)
    );
    create index posts_author_created on posts (author_id, created_at);
    create index posts_reply_to on posts (network, reply_to_external_id) where reply_to_external_id is not null;
    create index posts_repost_of on posts (network, repost_of_external_id) where repost_of_external_id is not null;
    create index posts_quote_of on posts (network, quote_of_external_id) where quote_of_external_id is not null;
    create index posts_search on posts using gin (search_vector);

    create table topic_posts (
      topic_id uuid not null references topics(id) on delete cascade,
      post_id bigint not null references posts(id) on delete cascade,
      post_created_at timestamptz not null,
      matched_at timestamptz not null default now(),
      matched_terms text[] not null default '{}',
      handled_at timestamptz,
      primary key (topic_id, post_id)
    );
    create index topic_posts_post on topic_posts (post_id);
    create index topic_posts_feed on topic_posts (topic_id, post_created_at desc, post_id desc);

    create table follows (
      network text not null,
      follower_id bigint not null references accounts(id) on delete cascade,
      followee_id bigint not null references accounts(id) on delete cascade,
      first_seen_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      primary key (follower_id, followee_id)
    );
    create index follows_followee on follows (followee_id);

    create table interactions (
      id bigint generated always as identity primary key,
      network text not null,
      kind text not null check (kind in ('reply', 'repost', 'quote', 'mention')),
      source_id bigint not null references accounts(id) on delete cascade,
      target_id bigint not null references accounts(id) on delete cascade,
      post_id bigint not null references posts(id) on delete cascade,
      occurred_at timestamptz not null,
      weight real not null default 1,
      unique (post_id, kind, target_id)
    );
    create index interactions_source on interactions (source_id, occurred_at);
    create index interactions_target on interactions (target_id, occurred_at);

    create table collection_checkpoints (
      topic_id uuid not null references topics(id) on delete cascade,
      source_key text not null,
      kind text not null,
      cursor jsonb not null,
      updated_at timestamptz not null default now(),
      primary key (topic_id, source_key, kind)
    );

    create table job_runs (
      id bigint generated always as identity primary key,
      job text not null,
      scope text not null default '*',
      workspace_id uuid references workspaces(id) on delete cascade,
      trigger text not null default 'schedule' check (trigger in ('schedule', 'manual', 'api')),
      params jsonb not null default '{}',
      scheduled_for timestamptz,
      started_at timestamptz not null default now(),
      heartbeat_at timestamptz not null default now(),
      finished_at timestamptz,
      status text not null default 'running' check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
      stats jsonb not null default '{}',
      error text
    );
    create index job_runs_job_started on job_runs (job, started_at desc);
    -- At most one run in flight per job and scope, whichever instance started it.
    create unique index job_runs_one_running on job_runs (job, scope) where status = 'running';

    create table job_claims (
      job text not null,
      scope text not null,
      fire_at timestamptz not null,
      claimed_by text not null,
      claimed_at timestamptz not null default now(),
      primary key (job, scope, fire_at)
    );
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    drop table job_claims, job_runs, collection_checkpoints, interactions, follows, topic_posts, posts,
      accounts, topics, sources, api_keys, workspaces
  `)
}
