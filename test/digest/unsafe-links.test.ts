import t from 'tap'
import { renderDigest } from '../../src/insight/digest/render/index.ts'
import type { DigestContent, RankedAccount, WeekFigures } from '../../src/insight/digest/content/types.ts'

// Rows stored before URLs were checked at ingest may still hold a javascript: URL: the digest
// shows such an account or post without a link, in HTML and in text.

const week: WeekFigures = { mentions: 3, authors: 2, engagement: 4, negativeShare: 0 }
const account = (rank: number, handle: string, url: string | null): RankedAccount => ({ accountId: rank, network: 'mastodon', handle, displayName: handle, url, score: 100 - rank, rank, previousRank: null })

function content(): DigestContent {
  const end = new Date('2026-11-30T00:00:00Z')
  return {
    topic: { id: '00000000-0000-4000-8000-000000000001', name: 'Vélo' },
    window: { start: new Date(end.getTime() - 7 * 86_400_000), end },
    totals: { current: week, previous: week },
    networks: [],
    daily: Array.from({ length: 7 }, (_, i) => ({ day: new Date(end.getTime() - (7 - i) * 86_400_000), mentions: 1 })),
    scoredAt: end,
    comparedWith: null,
    influencers: [account(1, 'mallory@evil.example', 'javascript:alert(document.cookie)'), account(2, 'bob@ok.example', 'https://ok.example/@bob')],
    risers: [],
    relays: [account(3, 'eve@evil.example', ' JavaScript:alert(1)')],
    prospects: [],
    hasOwnAccounts: false,
    hashtags: [],
    fit: [],
    inbox: { total: 1, more: false, items: [{ postId: '1', network: 'mastodon', authorHandle: 'mallory@evil.example', text: 'Une question ?', url: 'javascript:alert(2)', createdAt: end, reasons: ['question'], engagement: 0 }] },
    spikes: [],
  }
}

for (const language of ['en', 'fr'] as const) {
  t.test(`a javascript: URL is not rendered in the ${language} digest`, async (t) => {
    const digest = renderDigest(content(), { language, timeZone: 'Europe/Paris', subscriptionId: '00000000-0000-4000-8000-000000000002', baseUrl: 'https://relais.example' })
    t.notMatch(digest.html, /javascript:/i, 'not in the HTML part')
    t.notMatch(digest.text, /javascript:/i, 'not in the text part')
    t.match(digest.html, /mallory@evil\.example|mallory/, 'the account is still listed')
    t.match(digest.html, /href="https:\/\/ok\.example\/@bob"/, 'an https link is rendered')
    t.match(digest.text, /https:\/\/ok\.example\/@bob/)
  })
}
