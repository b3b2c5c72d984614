// A generated multilingual set of posts shaped like real ones: ~200 characters, three sentences of
// one language from the samples, some hashtags, mentions and links, and a third of the posts
// without a network language so detection runs. With `unseenWords`, each post also carries three
// words never seen before (names, typos), which miss every cache: the long tail of real text.

import type { NormalizedPost } from '../../src/pipeline/networks/model.ts'
import { LANGUAGE_DEV_SAMPLES, LANGUAGE_HELD_OUT_SAMPLES, LANGUAGE_TEST_SAMPLES } from './language-samples.ts'
import { SENTIMENT_DEV_SAMPLES, SENTIMENT_HELD_OUT_SAMPLES, SENTIMENT_TEST_SAMPLES } from './sentiment-samples.ts'

const EXTRAS = [
  '',
  ' #opensource',
  ' cc @alice',
  ' https://example.com/articles/2024/some-post?ref=feed',
  ' #Café #Paris @bob@mastodon.example',
  ' via @carol.bsky.social',
  ' u/dave',
]

/** Deterministic: the i-th post is always the same. */
/** A letters-only word unique to `n` ("bzq…"), so tokenizers treat it as a word. */
function uniqueWord(n: number): string {
  let word = ''
  for (let rest = n + 1; rest > 0; rest = Math.floor(rest / 26)) word += String.fromCharCode(97 + (rest % 26))
  return `${word}ish`
}

export function generatePosts(count: number, options: { unseenWords?: boolean } = {}): NormalizedPost[] {
  const sentences = [
    ...[...LANGUAGE_TEST_SAMPLES, ...LANGUAGE_DEV_SAMPLES, ...LANGUAGE_HELD_OUT_SAMPLES]
      .filter((sample) => sample.expected !== null && sample.expected !== 'ja')
      .map((sample) => ({ text: sample.text, lang: sample.expected as string })),
    ...[...SENTIMENT_TEST_SAMPLES, ...SENTIMENT_DEV_SAMPLES, ...SENTIMENT_HELD_OUT_SAMPLES].map((sample) => ({ text: sample.text, lang: sample.lang })),
  ]
  const byLang = new Map<string, string[]>()
  for (const { text, lang } of sentences) byLang.set(lang, [...(byLang.get(lang) ?? []), text])
  const langs = [...byLang.keys()]
  const posts: NormalizedPost[] = []
  for (let i = 0; i < count; i++) {
    const lang = langs[i % langs.length]
    const pool = byLang.get(lang) ?? []
    const unseen = options.unseenWords ? ` ${uniqueWord(3 * i)} ${uniqueWord(3 * i + 1)} ${uniqueWord(3 * i + 2)}` : ''
    const text = `${pool[(i * 7) % pool.length]}. ${pool[(i * 13 + 5) % pool.length]}${unseen}. ${pool[(i * 3 + 1) % pool.length]}${EXTRAS[i % EXTRAS.length]}`
    posts.push({
      network: ['mastodon', 'bluesky', 'reddit', 'x'][i % 4],
      externalId: `post-${i}`,
      authorExternalId: `author-${i % 500}`,
      createdAt: new Date(1_700_000_000_000 + i * 1000),
      text,
      lang: i % 3 === 0 ? null : lang,
      url: null,
      replyToExternalId: null,
      replyToAuthorExternalId: null,
      repostOfExternalId: null,
      quoteOfExternalId: null,
      likes: i % 17,
      reposts: i % 5,
      replies: i % 3,
      quotes: 0,
      hashtags: i % 5 === 0 ? ['OpenSource'] : [],
      mentions: i % 7 === 2 ? [{ externalId: 'id-alice', handle: 'alice@example.social' }] : [],
      links: [],
    })
  }
  return posts
}
