// GET /api/v1/instance (v1 shape) and GET /api/v2/instance (its `domain`, 4.0+), labelled as
// simulated. Both name the instance's account domain, which is not the host it is reached at
// (127.0.0.1 and a port): connectors learn it here.
import { SANDBOX_LABEL } from '../../types.ts'
import { json, type SandboxResponse } from '../http-types.ts'
import type { SandboxView } from '../sandbox-view.ts'

export function instanceV1(view: SandboxView, instance: number): SandboxResponse {
  const domain = view.data.instances[instance]
  let users = 0
  for (const a of view.data.accounts) if (a.instance === domain) users++
  let statuses = 0
  for (const a of view.data.accounts) if (a.instance === domain) statuses += view.authorPosts(a.index).length
  return json({
    uri: domain,
    title: SANDBOX_LABEL,
    short_description: `${SANDBOX_LABEL}: seeded, generated accounts and posts for demos and tests. Nothing here is real.`,
    description: `${SANDBOX_LABEL}. Every account, post and follow on ${domain} was generated from a seed; none of it is real.`,
    email: `admin@${domain}`,
    version: '4.4.0',
    urls: { streaming_api: `wss://${domain}` },
    stats: { user_count: users, status_count: statuses, domain_count: view.data.instances.length - 1 },
    thumbnail: `https://${domain}/packs/media/images/preview.png`,
    languages: ['fr', 'en', 'es', 'de'],
    registrations: false,
    approval_required: false,
    invites_enabled: false,
    configuration: {
      accounts: { max_featured_tags: 10 },
      statuses: { max_characters: 500, max_media_attachments: 4, characters_reserved_per_url: 23 },
      media_attachments: { supported_mime_types: ['image/jpeg', 'image/png'], image_size_limit: 16777216, image_matrix_limit: 33177600, video_size_limit: 103809024, video_frame_rate_limit: 120, video_matrix_limit: 8294400 },
      polls: { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2629746 },
    },
    contact_account: null,
    rules: [{ id: '1', text: 'This is a simulated network: do not treat anything here as real.' }],
  })
}

/** GET /api/v2/instance, the fields a client reads: `domain` is the instance's account domain. */
export function instanceV2(view: SandboxView, instance: number): SandboxResponse {
  const domain = view.data.instances[instance]
  return json({
    domain,
    title: SANDBOX_LABEL,
    version: '4.4.0',
    source_url: 'https://github.com/mastodon/mastodon',
    description: `${SANDBOX_LABEL}. Every account, post and follow on ${domain} was generated from a seed; none of it is real.`,
    languages: ['fr', 'en', 'es', 'de'],
    registrations: { enabled: false, approval_required: false, message: null },
    contact: { email: `admin@${domain}`, account: null },
    rules: [{ id: '1', text: 'This is a simulated network: do not treat anything here as real.' }],
  })
}
