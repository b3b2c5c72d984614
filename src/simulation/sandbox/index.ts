// The sandbox: a seeded simulated social network served over the real Mastodon and Bluesky
// wire formats, for `relais demo`, benchmarks and end-to-end tests. Always labelled simulated
// (print SANDBOX_LABEL wherever it shows).
//
//   const data = generateSandbox({ seed: 'demo' })            // 2,000 accounts, 14 days
//   const sandbox = await startSandboxServer({ data })
//   createMastodonConnector({ baseUrl: sandbox.mastodonUrl('piaille.sandbox.example'),
//                             accessToken: MASTODON_SANDBOX_TOKEN })   // its account domain: /api/v2/instance
//   createBlueskyConnector({ appViewUrl: sandbox.blueskyAppViewUrl, pdsUrl: sandbox.blueskyPdsUrl,
//                            identifier: BLUESKY_SANDBOX_IDENTIFIER, appPassword: BLUESKY_SANDBOX_PASSWORD })
//   sandbox.advance(24)                                       // reveal the next day's posts
//
// Bluesky's posts are also published on a Jetstream (`sandbox.blueskyJetstreamUrl`, `/subscribe`)
// as sandbox time reaches them; `liveClock: true` lets sandbox time pass with the wall clock.
//
// As on the real networks, counts grow after a post is first read and a share of remote posts
// reach an instance late, with ids older than posts already served (server/arrival-and-growth.ts).
//
// `data.truth` holds what was planted (hubs, bridges, the negative spike) for checking scores.
export { generateSandbox, DEFAULT_SANDBOX_NOW, type GenerateOptions } from './generate.ts'
export { weeklySandboxNow } from './weekly-now.ts'
export { renderPost, type SandboxPost, type Segment } from './render-post.ts'
export { startSandboxServer, type SandboxServer, type SandboxServerOptions } from './server/server.ts'
export { MASTODON_SANDBOX_TOKEN } from './server/mastodon/search.ts'
export { BLUESKY_SANDBOX_IDENTIFIER, BLUESKY_SANDBOX_PASSWORD } from './server/bluesky/session.ts'
export type { RateLimitOptions } from './server/rate-limit.ts'
export {
  LANGUAGES,
  SANDBOX_HEADER,
  SANDBOX_LABEL,
  type GroundTruth,
  type Language,
  type SandboxAccount,
  type SandboxData,
  type SandboxNetwork,
  type SpikeTruth,
} from './types.ts'
