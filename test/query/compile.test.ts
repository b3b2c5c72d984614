import t from 'tap'
import { networksOf, parse } from '../../src/pipeline/query/index.ts'
import { compileForNetwork, compileForNetworks } from '../../src/pipeline/networks/compile-query.ts'

const specsFor = (query: string, network: 'mastodon' | 'bluesky' | 'reddit' | 'x', options = {}) =>
  compileForNetwork(parse(query), network, options)

t.test('networksOf follows network: terms', async (t) => {
  const all = ['mastodon', 'bluesky', 'reddit', 'x', 'instagram']
  t.same(networksOf(parse('rust'), all), all)
  t.same(networksOf(parse('rust network:mastodon'), all), ['mastodon'])
  t.same(networksOf(parse('rust -network:x'), all), ['mastodon', 'bluesky', 'reddit', 'instagram'])
  t.same(networksOf(parse('(rust network:x) OR (#rust network:mastodon)'), all), ['mastodon', 'x'])
  t.same(networksOf(parse('rust network:x network:reddit'), all), [])
  const excluded = specsFor('rust network:mastodon', 'x')
  t.same(excluded.specs, [])
  t.equal(excluded.complete, true)
  t.match(excluded.note, /leave X out/)
  t.same(specsFor('(rust network:x) OR (#go network:mastodon)', 'x').specs, [{ kind: 'query', q: 'rust' }])
})

t.test('Mastodon: hashtag timelines cover hashtag alternatives', async (t) => {
  const tags = specsFor('#rust OR #golang OR (#rust #wasm)', 'mastodon')
  t.same(tags.specs, [{ kind: 'hashtag', tag: 'rust' }, { kind: 'hashtag', tag: 'golang' }])
  t.equal(tags.complete, true)
  const shared = specsFor('(#rust rust) OR (#rust go) OR (#wasm #rust)', 'mastodon')
  t.same(shared.specs, [{ kind: 'hashtag', tag: 'rust' }], 'one timeline covers every alternative requiring #rust')
  t.same(specsFor('#Café', 'mastodon').specs, [{ kind: 'hashtag', tag: 'café' }, { kind: 'hashtag', tag: 'cafe' }])
  const partial = specsFor('#rust OR "open source"', 'mastodon')
  t.same(partial.specs, [{ kind: 'hashtag', tag: 'rust' }])
  t.equal(partial.complete, false)
  t.match(partial.note, /only hashtag timelines .* "open source" are not collected/)
  const withSearch = specsFor('#rust OR "open source" -spam', 'mastodon', { mastodonSearch: true })
  t.same(withSearch.specs, [{ kind: 'hashtag', tag: 'rust' }, { kind: 'query', q: '"open source" -spam' }])
  t.equal(withSearch.complete, false, 'full-text search only finds opted-in accounts')
  t.match(withSearch.note, /opted into search/)
})

t.test('Bluesky: one search per alternative, no exclusions, lang and tags as parameters', async (t) => {
  const compiled = specsFor('(rust OR "open source") #wasm -spam lang:fr', 'bluesky')
  t.same(compiled.specs, [
    { kind: 'query', q: 'rust #wasm', lang: 'fr', tags: ['wasm'] },
    { kind: 'query', q: '"open source" #wasm', lang: 'fr', tags: ['wasm'] },
  ])
  t.equal(compiled.complete, true)
  t.match(compiled.note, /cannot express -spam/)
  t.same(specsFor('@alice.bsky.social rust', 'bluesky').specs, [
    { kind: 'query', q: 'rust from:alice.bsky.social' },
    { kind: 'query', q: 'rust mentions:alice.bsky.social' },
  ])
  const undotted = specsFor('@alice OR rust', 'bluesky')
  t.same(undotted.specs, [{ kind: 'query', q: 'rust' }])
  t.equal(undotted.complete, false, '@alice is not a Bluesky handle')
})

t.test('Reddit: boolean q, hashtags and handles as words', async (t) => {
  t.same(specsFor('(rust OR #golang) -"buy now" NOT spam', 'reddit').specs, [
    { kind: 'query', q: '(rust OR golang) AND NOT "buy now" AND NOT spam' },
  ])
  t.same(specsFor('@carol rust', 'reddit').specs, [{ kind: 'query', q: '(author:carol OR carol) AND rust' }])
  t.same(specsFor('rust -#spam lang:fr', 'reddit').specs, [{ kind: 'query', q: 'rust' }], 'applied locally')
  t.same(specsFor('"AND" OR e-mail', 'reddit').specs, [{ kind: 'query', q: '"AND" OR "e mail"' }])
})

t.test('X: operators, mentions as @user OR from:user, optional -is:retweet', async (t) => {
  t.same(specsFor('(rust OR #golang) -"buy now" @dev_x -lang:de', 'x').specs, [
    { kind: 'query', q: '(rust OR #golang) (@dev_x OR from:dev_x) -"buy now" -lang:de' },
  ])
  t.same(specsFor('rust OR go', 'x', { xExcludeRetweets: true }).specs, [{ kind: 'query', q: '(rust OR go) -is:retweet' }])
  t.same(specsFor('rust -@spammer', 'x').specs, [{ kind: 'query', q: 'rust -@spammer -from:spammer' }])
  t.same(specsFor('rust (lang:fr OR go)', 'x').specs, [{ kind: 'query', q: 'rust' }], 'a filter alone in an OR is broadened away')
  const fediverse = specsFor('@alice@mastodon.social OR rust', 'x')
  t.same(fediverse.specs, [{ kind: 'query', q: 'rust' }])
  t.equal(fediverse.complete, false)
  t.match(fediverse.note, /cannot express @alice@mastodon.social/)
})

t.test('long queries are split at OR and stay within 512 characters', async (t) => {
  const phrases = Array.from({ length: 12 }, (_, i) => `"${Array.from({ length: 8 }, (_, j) => `w${i}x${j}`).join(' ')}"`)
  const query = parse(phrases.join(' OR '))
  for (const compiled of compileForNetworks(query)) {
    if (compiled.network === 'mastodon') continue
    t.equal(compiled.complete, true, `${compiled.network} is complete`)
    for (const spec of compiled.specs) {
      if (spec.kind === 'query') t.ok(spec.q.length <= 512, `${compiled.network} q has ${spec.q.length} characters`)
    }
  }
  t.equal(compileForNetwork(query, 'x').specs.length, 2, 'X packs the alternatives into two searches')
  const longConjunction = parse(`${phrases.slice(0, 8).join(' ')} -spam`)
  const x = compileForNetwork(longConjunction, 'x')
  t.equal(x.specs.length, 1)
  t.ok(x.specs[0].kind === 'query' && x.specs[0].q.length <= 512)
  t.equal(x.complete, true, 'dropping operands of an AND only broadens it')
  const onePhrase = parse(`"${Array.from({ length: 120 }, (_, i) => `w${i}`).join(' ')}"`)
  const trimmed = compileForNetwork(onePhrase, 'reddit')
  t.ok(trimmed.specs[0].kind === 'query' && trimmed.specs[0].q.length <= 512 && trimmed.specs[0].q.startsWith('"w0 w1 w2'))
})

t.test('maxSpecs caps the number of searches and says so', async (t) => {
  const many = parse(Array.from({ length: 6 }, (_, i) => `#t${i}`).join(' OR '))
  const capped = compileForNetwork(many, 'bluesky', { maxSpecs: 4 })
  t.equal(capped.specs.length, 4)
  t.equal(capped.complete, false)
  t.match(capped.note, /needs 6 Bluesky searches; only the first 4/)
  const product = parse('(a OR b OR c OR d) (e OR f OR g OR h) (i OR j OR k OR l) m')
  const broadened = compileForNetwork(product, 'bluesky', { maxSpecs: 20 })
  t.ok(broadened.specs.length <= 20, `${broadened.specs.length} searches`)
  t.equal(broadened.complete, true, 'a too large product drops AND operands instead of searches')
})
