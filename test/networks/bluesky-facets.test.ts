import t from 'tap'
import { extractFacets } from '../../src/pipeline/networks/bluesky/facets.ts'
import type { BlueskyFacet } from '../../src/pipeline/networks/bluesky/schemas.ts'

const tag = (byteStart: number, byteEnd: number, value: string): BlueskyFacet => ({
  index: { byteStart, byteEnd },
  features: [{ $type: 'app.bsky.richtext.facet#tag', tag: value }],
})
const mention = (byteStart: number, byteEnd: number, did: string): BlueskyFacet => ({
  index: { byteStart, byteEnd },
  features: [{ $type: 'app.bsky.richtext.facet#mention', did }],
})
const link = (byteStart: number, byteEnd: number, uri: string): BlueskyFacet => ({
  index: { byteStart, byteEnd },
  features: [{ $type: 'app.bsky.richtext.facet#link', uri }],
})

t.test('offsets count UTF-8 bytes: accents and emoji before a facet', async (t) => {
  // Offsets worked out by hand: "café " is 6 bytes (é takes 2), "🎉" 4, the space 1 → "#Rust"
  // starts at byte 11 and ends at 16; " " then "@bob.test" is bytes 17..26. In UTF-16 code units
  // "#Rust" starts at 8, so slicing the JS string with byte offsets would read "st @b".
  const text = 'café 🎉 #Rust @bob.test'
  const entities = extractFacets(text, [tag(11, 16, 'Rust'), mention(17, 26, 'did:plc:bob')], undefined)
  t.same(entities.mentions, [{ externalId: 'did:plc:bob', handle: 'bob.test' }])
  t.same(entities.hashtags, ['rust'])
})

t.test('multi-byte text inside the facet itself', async (t) => {
  // "→ " is 4 bytes (the arrow takes 3); "@zoë.example" is 13 bytes (ë takes 2): bytes 4..17.
  const text = '→ @zoë.example, voir https://exemple.fr/é'
  // ", voir " brings us to byte 24; the link is 8 + 10 + 1 + 2 (é) = 21 bytes: 24..45.
  const entities = extractFacets(text, [mention(4, 17, 'did:plc:zoe'), link(24, 45, 'https://exemple.fr/%C3%A9')], undefined)
  t.same(entities.mentions, [{ externalId: 'did:plc:zoe', handle: 'zoë.example' }])
  t.same(entities.links, ['https://exemple.fr/%C3%A9'], 'the link is the feature uri, not the display text')
  t.equal(Buffer.byteLength(text), 45, 'the link facet ends exactly at the end of the text')
})

t.test('broken offsets keep the feature and never throw', async (t) => {
  const entities = extractFacets('short', [mention(3, 99, 'did:plc:far'), tag(4, 2, 'Backwards'), mention(-1, 2, 'did:plc:neg')], undefined)
  t.same(entities.mentions, [
    { externalId: 'did:plc:far', handle: 'did:plc:far' },
    { externalId: 'did:plc:neg', handle: 'did:plc:neg' },
  ])
  t.same(entities.hashtags, ['backwards'])
})

t.test('record tags join facet tags, lower-cased, once each; unknown features are ignored', async (t) => {
  const unknown: BlueskyFacet = { index: { byteStart: 0, byteEnd: 1 }, features: [{ $type: 'com.example.facet#sparkle', colour: 'gold' }] }
  const entities = extractFacets('#A b', [tag(0, 2, 'A'), unknown], ['a', 'ExtraTag', '#hashed', ''])
  t.same(entities.hashtags, ['a', 'extratag', 'hashed'])
  t.same(entities.mentions, [])
  t.same(entities.links, [])
})
