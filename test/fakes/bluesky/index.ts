export { startFakeBluesky, type FakeBluesky, type FakeBlueskyOptions, type RecordedXrpcRequest } from './server.ts'
export { postUri, repostUri } from './seed.ts'
export type { FakeBlueskyActor, FakeBlueskyFacet, FakeBlueskyFollow, FakeBlueskyLogin, FakeBlueskyPost, FakeBlueskyRepost, FakeBlueskySeed } from './seed.ts'
