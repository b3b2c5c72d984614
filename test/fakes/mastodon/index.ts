export { startFakeMastodon, type FakeMastodon, type FakeMastodonOptions, type RecordedRequest } from './server.ts'
export type { FakeMastodonAccount, FakeMastodonFollow, FakeMastodonQuote, FakeMastodonSeed, FakeMastodonStatus } from './seed.ts'
export { minuteTimes, opaqueIds } from './ids.ts'
