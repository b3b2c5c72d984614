import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// Score snapshots: one score_runs row per scoring of a topic, one scores row per ranked account.
// Snapshots are kept, so history and movers need no extra bookkeeping.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    create table score_runs (
      id bigint generated always as identity primary key,
      topic_id uuid not null references topics(id) on delete cascade,
      computed_at timestamptz not null default date_trunc('milliseconds', now()),
      window_start timestamptz not null,
      params jsonb not null default '{}',
      coverage jsonb not null default '{}'
    );
    create index score_runs_topic on score_runs (topic_id, computed_at desc);

    create table scores (
      run_id bigint not null references score_runs(id) on delete cascade,
      account_id bigint not null references accounts(id) on delete cascade,
      influence real not null,
      relay real not null,
      influence_rank integer not null,
      relay_rank integer not null,
      previous_influence_rank integer,
      previous_relay_rank integer,
      prospect boolean not null default false,
      community integer not null,
      components jsonb not null,
      primary key (run_id, account_id)
    );
    create index scores_influence on scores (run_id, influence_rank);
    create index scores_relay on scores (run_id, relay_rank);
    create index scores_account on scores (account_id, run_id desc);
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `drop table scores, score_runs`)
}
