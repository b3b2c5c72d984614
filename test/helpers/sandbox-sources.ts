import type { Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import { sealCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { TEST_SECRETS } from './test-secrets.ts'
import { BLUESKY_SANDBOX_IDENTIFIER, BLUESKY_SANDBOX_PASSWORD, type SandboxServer } from '../../src/simulation/sandbox/index.ts'

export const SANDBOX_INSTANCE = 'piaille.sandbox.example'

/** A workspace's sources pointing at the sandbox: one Mastodon instance and Bluesky. */
export async function addSandboxSources(db: Kysely<DB>, workspaceId: string, sandbox: SandboxServer, options: { mastodonToken?: string } = {}) {
  await db
    .insertInto('sources')
    .values([
      {
        workspace_id: workspaceId, name: 'sandbox mastodon', network: 'mastodon', base_url: sandbox.mastodonUrl(SANDBOX_INSTANCE),
        settings: { localDomain: SANDBOX_INSTANCE }, credentials: options.mastodonToken ? sealCredentials(TEST_SECRETS, { accessToken: options.mastodonToken }) : {},
      },
      {
        workspace_id: workspaceId, name: 'sandbox bluesky', network: 'bluesky', base_url: sandbox.blueskyAppViewUrl,
        settings: { pdsUrl: sandbox.blueskyPdsUrl }, credentials: sealCredentials(TEST_SECRETS, { identifier: BLUESKY_SANDBOX_IDENTIFIER, appPassword: BLUESKY_SANDBOX_PASSWORD }),
      },
    ])
    .execute()
}
