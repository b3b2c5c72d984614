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

t.test('a verified rel=me link on a Mastodon profile links it to the Bluesky account it names', async (t) => {
  const networks = ['bluesky', 'mastodon', 'bluesky', 'mastodon', 'bluesky', 'mastodon', 'mastodon', 'bluesky', 'mastodon']
  const handles = [
    'erin.example', 'erin@piaille.fr', // Erin's domain handle, verified by a link to the domain's root
    'frank.bsky.social', 'frank@mamot.fr', // Frank's profile on bsky.app, verified
    'medium.com', 'gina@mamot.fr', // a page on medium.com says nothing of the account medium.com
    'hugo@piaille.fr', 'hugo.example', // a Bluesky handle is not linked from Bluesky itself
    'ines@piaille.fr', // links that name nobody in the graph
  ]
  const verified = new Map<number, string[]>([
    [1, ['https://www.erin.example/']],
    [3, ['https://blog.frank.example/about', 'https://bsky.app/profile/Frank.bsky.social']],
    [5, ['https://medium.com/@gina']],
    [7, ['https://hugo.example']],
    [8, ['https://nobody.example', 'https://bsky.app/profile/did:plc:abc', 'not a url']],
  ])
  t.same(samePersonPairs(networks, handles, verified), [{ a: 0, b: 1, via: 'rel-me' }, { a: 2, b: 3, via: 'rel-me' }])
})

t.test('one account is paired once: a Bridgy Fed bridge wins over a verified link to another account', async (t) => {
  const networks = ['bluesky', 'mastodon', 'bluesky']
  const handles = ['jo.bsky.social', 'jo.bsky.social@bsky.brid.gy', 'jo.example']
  t.same(samePersonPairs(networks, handles, new Map([[1, ['https://jo.example/']]])), [{ a: 0, b: 1, via: 'bridgy-fed' }])
})
