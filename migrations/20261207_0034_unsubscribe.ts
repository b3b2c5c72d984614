import type { Kysely } from 'kysely'
import { runStatements } from './run-statements.ts'

// Who left a digest through its unsubscribe link, and when: the address is taken off the
// subscription at once; this row is the record an admin reads, and the sender's last guard.
// Unsubscribe links themselves are access_links (purpose 'unsubscribe'), one per recipient and send.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    create table digest_unsubscribes (
      subscription_id uuid not null references digest_subscriptions(id) on delete cascade,
      address text not null check (length(address) between 3 and 320),
      unsubscribed_at timestamptz not null default date_trunc('milliseconds', now()),
      primary key (subscription_id, address)
    );
    create index access_links_digest on access_links (digest_id) where digest_id is not null;
    -- The last recipient may leave: a digest with nobody left stays (its settings are the admin's)
    -- and sends nothing until someone is added again.
    alter table digest_subscriptions drop constraint digest_subscriptions_recipients_check;
    alter table digest_subscriptions add constraint digest_subscriptions_recipients_check check (cardinality(recipients) <= 50)
  `)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(db, `
    alter table digest_subscriptions drop constraint digest_subscriptions_recipients_check;
    alter table digest_subscriptions add constraint digest_subscriptions_recipients_check check (cardinality(recipients) between 1 and 50) not valid;
    drop index access_links_digest;
    drop table digest_unsubscribes
  `)
}
