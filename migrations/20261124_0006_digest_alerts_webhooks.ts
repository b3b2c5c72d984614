import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// Weekly digests, spike alerts and webhooks.
// - digest_deliveries is unique per (subscription, ISO week): the row is claimed before the email
//   is handed to SMTP, so two instances (or a restart) never send the same week twice.
// - alerts are unique per (topic, network, kind, hour): re-analysing an hour adds nothing.
// - webhook_deliveries is an outbox, unique per (webhook, event key), retried with backoff.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    create table digest_subscriptions (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      topic_id uuid not null references topics(id) on delete cascade,
      recipients text[] not null check (cardinality(recipients) between 1 and 50),
      weekday smallint not null check (weekday between 1 and 7),
      hour smallint not null check (hour between 0 and 23),
      time_zone text not null,
      language text not null check (language in ('en', 'fr')),
      refused jsonb not null default '[]',
      schedule_from timestamptz not null default now(),
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default now()
    );
    create index digest_subscriptions_workspace on digest_subscriptions (workspace_id, created_at, id);
    create index digest_subscriptions_topic on digest_subscriptions (topic_id);

    create table digest_deliveries (
      id bigint generated always as identity primary key,
      subscription_id uuid not null references digest_subscriptions(id) on delete cascade,
      iso_week text not null,
      scheduled_for timestamptz not null,
      status text not null check (status in ('claimed', 'sending', 'retrying', 'sent', 'failed', 'unknown')),
      message_id text not null,
      attempts integer not null default 0,
      claimed_by text,
      lease_until timestamptz,
      next_attempt_at timestamptz,
      accepted text[] not null default '{}',
      rejected jsonb not null default '[]',
      smtp_response text,
      error text,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default now(),
      sent_at timestamptz,
      unique (subscription_id, iso_week)
    );

    create table alert_settings (
      topic_id uuid primary key references topics(id) on delete cascade,
      k real not null check (k > 0 and k <= 20),
      min_volume integer not null check (min_volume >= 1),
      cooldown_hours integer not null check (cooldown_hours between 0 and 720),
      baseline_hours integer not null check (baseline_hours between 24 and 2160),
      updated_at timestamptz not null default now()
    );

    create table alerts (
      id bigint generated always as identity primary key,
      topic_id uuid not null references topics(id) on delete cascade,
      network text not null,
      kind text not null check (kind in ('volume', 'negative')),
      hour_start timestamptz not null,
      volume integer not null,
      negative_share real not null,
      observed real not null,
      baseline_mean real not null,
      baseline_stddev real not null,
      threshold real not null,
      k real not null,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      unique (topic_id, network, kind, hour_start)
    );
    create index alerts_topic_feed on alerts (topic_id, hour_start desc, id desc);

    create table webhooks (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      url text not null,
      events text[] not null check (cardinality(events) > 0),
      secret text not null,
      description text not null default '',
      active boolean not null default true,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default now()
    );
    create index webhooks_workspace on webhooks (workspace_id, created_at, id);

    create table webhook_deliveries (
      id bigint generated always as identity primary key,
      webhook_id uuid not null references webhooks(id) on delete cascade,
      event text not null,
      event_key text not null,
      payload jsonb not null,
      status text not null check (status in ('pending', 'delivering', 'delivered', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      lease_until timestamptz,
      last_status_code integer,
      last_error text,
      created_at timestamptz not null default date_trunc('milliseconds', now()),
      updated_at timestamptz not null default now(),
      delivered_at timestamptz,
      unique (webhook_id, event_key)
    );
    create index webhook_deliveries_log on webhook_deliveries (webhook_id, id desc);
    create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status in ('pending', 'delivering');
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    drop table webhook_deliveries, webhooks, alerts, alert_settings, digest_deliveries, digest_subscriptions
  `)
}
