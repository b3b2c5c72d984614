import type { Kysely } from 'kysely'
import type { DB } from '../../src/platform/db/schema.ts'
import { sealCredentials } from '../../src/platform/secrets/stored-secrets.ts'
import { TEST_SECRETS } from './test-secrets.ts'
import { BLUESKY_SANDBOX_IDENTIFIER, BLUESKY_SANDBOX_PASSWORD, type SandboxServer } from '../../src/simulation/sandbox/index.ts'

export const SANDBOX_INSTANCE = 'piaille.sandbox.example'

/**
 * A workspace's sources pointing at the sandbox: one Mastodon instance and Bluesky. `urls` puts other servers (a tenant's own, in front of the sandbox) in place of the sandbox's.
 */
export async function addSandboxSources(db: Kysely<DB>, workspaceId: string, sandbox: SandboxServer, options: { mastodonToken?: string; urls?: SandboxUrls } = {}) {
  const urls = options.urls ?? sandboxUrls(sandbox)
  await db
    .insertInto('sources')
    .values([
      {
        workspace_id: workspaceId, name: 'sandbox mastodon', network: 'mastodon', base_url: urls.mastodon,
        settings: { localDomain: SANDBOX_INSTANCE }, credentials: options.mastodonToken ? sealCredentials(TEST_SECRETS, { accessToken: options.mastodonToken }) : {},
      },
      {
        workspace_id: workspaceId, name: 'sandbox bluesky', network: 'bluesky', base_url: urls.appview,
        settings: { pdsUrl: urls.pds }, credentials: sealCredentials(TEST_SECRETS, { identifier: BLUESKY_SANDBOX_IDENTIFIER, appPassword: BLUESKY_SANDBOX_PASSWORD }),
      },
    ])
    .execute()
}

export interface SandboxUrls { mastodon: string; appview: string; pds: string }

export const sandboxUrls = (sandbox: SandboxServer): SandboxUrls =>
  ({ mastodon: sandbox.mastodonUrl(SANDBOX_INSTANCE), appview: sandbox.blueskyAppViewUrl, pds: sandbox.blueskyPdsUrl })
