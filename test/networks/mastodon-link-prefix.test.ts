// A Mastodon instance served under a path prefix: the next page named by its Link header is the
// URL requested next, not the prefix twice.
import t from 'tap'
import { buildUrl } from '../../src/pipeline/networks/http/build-url.ts'
import { pathOf } from '../../src/pipeline/networks/mastodon/mention-pages.ts'

const cases = [
  { base: 'https://social.example/social', link: 'https://social.example/social/api/v1/timelines/tag/velo?max_id=109&limit=40' },
  { base: 'https://social.example/social/', link: 'https://social.example/social/api/v1/accounts/1/followers?max_id=7' },
  { base: 'https://piaille.fr', link: 'https://piaille.fr/api/v1/timelines/tag/velo?max_id=109' },
  { base: 'https://piaille.fr', link: '/api/v1/timelines/tag/velo?max_id=3' },
]

t.test('the page after is requested at the URL the Link header names', async (t) => {
  for (const { base, link } of cases) {
    const next = buildUrl(new URL(base), pathOf(link, base), {})
    t.equal(next?.href, new URL(link, base).href, `${link} under ${base}`)
  }
})

