import type { Kysely } from 'kysely'
import type { DB } from '../../platform/db/schema.ts'
import { BLUESKY_SANDBOX_IDENTIFIER, BLUESKY_SANDBOX_PASSWORD, MASTODON_SANDBOX_TOKEN, type SandboxData, type SandboxServer } from '../sandbox/index.ts'
import { createApiKey, createWorkspace } from '../../tenancy/workspaces/service.ts'
import type { SecretBox } from '../../platform/secrets/secret-box.ts'
import { sealCredentials } from '../../platform/secrets/stored-secrets.ts'

export interface DemoWorkspace { workspaceId: string; key: string; topics: { id: string; name: string }[] }

const TOPICS = [
  { sandboxTopic: 'velo', name: 'Vélo en ville', query: '#velo OR #mobilite OR #velotaf OR "piste cyclable"', languages: ['fr'] },
  { sandboxTopic: 'rust', name: 'Rust & open source', query: '#rustlang OR #opensource OR "open source"', languages: ['en'] },
]

/**
 * The demo workspace: sources pointing at the sandbox (every Mastodon instance and Bluesky, the
 * latter read live from the sandbox's Jetstream as well), an admin key, and two topics — one
 * French, one English — each with a "brand" account of its own (an ordinary member of the topic's
 * community) so prospects mean something.
 */
export async function createDemoWorkspace(db: Kysely<DB>, data: SandboxData, sandbox: SandboxServer, secrets: SecretBox): Promise<DemoWorkspace> {
  const workspace = await createWorkspace(db, 'Demo — simulated network')
  const key = await createApiKey(db, workspace.id, ['admin'], 'demo')
  await db
    .insertInto('sources')
    .values([
      ...data.instances.map((domain) => ({
        workspace_id: workspace.id, name: `Sandbox Mastodon ${domain}`, network: 'mastodon', base_url: sandbox.mastodonUrl(domain),
        // No localDomain setting: the connector reads the instance's account domain from it (/api/v2/instance).
        credentials: sealCredentials(secrets, { accessToken: MASTODON_SANDBOX_TOKEN }),
      })),
      {
        workspace_id: workspace.id, name: 'Sandbox Bluesky', network: 'bluesky', base_url: sandbox.blueskyAppViewUrl,
        // Read live too, from the sandbox's Jetstream: a new post reaches the feed within seconds.
        settings: { pdsUrl: sandbox.blueskyPdsUrl, streaming: 'on', jetstreamUrl: sandbox.blueskyJetstreamUrl }, credentials: sealCredentials(secrets, { identifier: BLUESKY_SANDBOX_IDENTIFIER, appPassword: BLUESKY_SANDBOX_PASSWORD }),
      },
    ])
    .execute()
  const topics: DemoWorkspace['topics'] = []
  for (const spec of TOPICS) {
    const community = data.communities.findIndex((c) => c.topic === spec.sandboxTopic)
    const brand = data.accounts.find((a) => a.community === community && a.role === 'member' && a.network === 'mastodon')
    // Its Bluesky account too, the member others name most: mentions of it are collected even off
    // the topic's query, so the demo's inbox shows them.
    const blueskyBrand = mostMentionedMember(data, community, 'bluesky')
    const ownAccounts = { ...(brand && { mastodon: [brand.handle] }), ...(blueskyBrand && { bluesky: [blueskyBrand.handle] }) }
    const row = await db
      .insertInto('topics')
      .values({ workspace_id: workspace.id, name: spec.name, query: spec.query, languages: spec.languages, own_accounts: ownAccounts })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow()
    topics.push(row)
  }
  return { workspaceId: workspace.id, key: key.key, topics }
}

function mostMentionedMember(data: SandboxData, community: number, network: 'bluesky' | 'mastodon') {
  const { posts, accounts } = data
  const counts = new Map<number, number>()
  for (let i = 0; i < posts.count; i++) {
    const named = posts.mention[i]
    if (named >= 0 && accounts[posts.author[i]].network === network) counts.set(named, (counts.get(named) ?? 0) + 1)
  }
  const members = accounts.filter((a) => a.community === community && a.role === 'member' && a.network === network)
  return members.reduce<(typeof members)[number] | undefined>((best, a) => (best === undefined || (counts.get(a.index) ?? 0) > (counts.get(best.index) ?? 0) ? a : best), undefined)
}
