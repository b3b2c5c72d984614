import t from 'tap'
import { samePersonPairs } from '../../src/insight/scoring/same-person.ts'

t.test('Bridgy Fed handles link one person\'s two accounts, and nothing else', async (t) => {
  const networks = ['bluesky', 'mastodon', 'mastodon', 'bluesky', 'mastodon', 'bluesky']
  const handles = [
    'alice.bsky.social', 'alice.bsky.social@bsky.brid.gy', // Alice on Bluesky, bridged to the fediverse
    'bob@piaille.fr', 'bob.piaille.fr.ap.brid.gy', // Bob on Mastodon, bridged to Bluesky
    'carol.example@bsky.brid.gy', // a bridged account whose original is not in the graph
    'dave.example.com', // nobody bridged
  ]
  t.same(samePersonPairs(networks, handles), [{ a: 0, b: 1, via: 'bridgy-fed' }, { a: 2, b: 3, via: 'bridgy-fed' }])
})
