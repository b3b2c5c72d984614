// Renders a post's text on demand from its columns and a per-post seed: templates and
// vocabulary of its language and topic, then mentions, links and hashtags as segments that the
// server turns into Mastodon HTML or Bluesky facets.
import { LANGUAGE_PACKS } from './content/languages.ts'
import type { LanguagePack, TopicVocabulary } from './content/language-pack.ts'
import { deriveSeed, Rng } from './rng.ts'
import { LANGUAGES, PostFlag, PostKind, type Language, type SandboxData } from './types.ts'

export type Segment =
  | { type: 'text'; text: string }
  | { type: 'tag'; tag: string }
  | { type: 'mention'; account: number }
  | { type: 'link'; url: string }

export interface SandboxPost {
  index: number
  network: 'mastodon' | 'bluesky'
  author: number
  kind: 'original' | 'reply' | 'repost' | 'quote'
  createdAt: Date
  /** Plain text as the author's network shows it (empty for reposts). */
  text: string
  segments: Segment[]
  /** Hashtags attached outside the text (Bluesky record `tags`). */
  extraTags: string[]
  lang: Language | null
  topic: string | null
  sentiment: -1 | 0 | 1
  question: boolean
  spike: boolean
  /** Lower-case, without `#`, including `extraTags`. */
  hashtags: string[]
  mentions: number[]
  links: string[]
  parent: number | null
  likes: number
  reposts: number
  replies: number
  quotes: number
}

const KIND_NAMES = ['original', 'reply', 'repost', 'quote'] as const
const LINK_SITES = ['blog.sandbox.example', 'news.sandbox.example', 'wiki.sandbox.example']
const BLUESKY_MAX_CHARS = 290

function capitalise(text: string): string {
  const at = text.search(/\p{L}/u)
  return at < 0 ? text : text.slice(0, at) + text[at].toUpperCase() + text.slice(at + 1)
}

function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}

function fillTemplate(rng: Rng, pack: LanguagePack, vocabulary: TopicVocabulary, template: string, subject: string): string {
  return template.replace(/\{(subject|Subject|detail|pos|neg|ask)\}/g, (_, slot: string) => {
    if (slot === 'subject') return subject
    if (slot === 'Subject') return capitalise(subject)
    if (slot === 'detail') return rng.pick(vocabulary.details)
    if (slot === 'pos') return rng.pick(pack.positive)
    if (slot === 'neg') return rng.pick(pack.negative)
    return rng.pick(vocabulary.asks)
  })
}

function bodyText(rng: Rng, data: SandboxData, i: number, pack: LanguagePack, vocabulary: TopicVocabulary): { body: string; subject: string } {
  const posts = data.posts
  const subject = rng.pick(vocabulary.subjects)
  if (posts.flags[i] & PostFlag.question) return { body: fillTemplate(rng, pack, vocabulary, rng.pick(pack.question), subject), subject }
  const forms = posts.kind[i] === PostKind.reply ? pack.reply : posts.kind[i] === PostKind.quote ? pack.quote : pack.post
  const sentiment = posts.sentiment[i]
  const templates = sentiment > 0 ? forms.positive : sentiment < 0 ? forms.negative : forms.neutral
  return { body: capitalise(fillTemplate(rng, pack, vocabulary, rng.pick(templates), subject)), subject }
}

function segmentText(data: SandboxData, segments: Segment[]): string {
  return segments
    .map((s) => (s.type === 'text' ? s.text : s.type === 'tag' ? `#${s.tag}` : s.type === 'link' ? s.url : `@${data.accounts[s.account].handle}`))
    .join('')
}

export function renderPost(data: SandboxData, i: number): SandboxPost {
  const posts = data.posts
  const author = data.accounts[posts.author[i]]
  const kind = posts.kind[i]
  const parent = posts.parent[i]
  const flags = posts.flags[i]
  const topic = posts.topic[i] >= 0 ? data.topics[posts.topic[i]].id : null
  const segments: Segment[] = []
  const extraTags: string[] = []
  const links: string[] = []
  const mentions: number[] = []
  if (kind !== PostKind.repost) {
    const rng = new Rng(deriveSeed(data.seedHash, 0x7e57, i))
    const pack = LANGUAGE_PACKS[LANGUAGES[posts.lang[i]]]
    const vocabulary = pack.topics[flags & PostFlag.spike ? 'incident' : (topic ?? 'chatter')]
    const { body, subject } = bodyText(rng, data, i, pack, vocabulary)
    const parentAuthor = parent >= 0 ? posts.author[parent] : -1
    // Mastodon replies open with the mention of whom they answer; Bluesky ones need not.
    if (kind === PostKind.reply && author.network === 'mastodon' && parentAuthor !== author.index) {
      segments.push({ type: 'mention', account: parentAuthor }, { type: 'text', text: ' ' })
      mentions.push(parentAuthor)
    }
    segments.push({ type: 'text', text: body })
    const mentioned = posts.mention[i]
    const link = flags & PostFlag.link ? `https://${rng.pick(LINK_SITES)}/${slug(subject)}-${i % 997}` : null
    const long = author.network === 'bluesky' && body.length + (link?.length ?? 0) + 70 > BLUESKY_MAX_CHARS
    if (mentioned >= 0 && !mentions.includes(mentioned) && !long) {
      segments.push({ type: 'text', text: ` ${rng.pick(pack.mentionLeads)} ` }, { type: 'mention', account: mentioned })
      mentions.push(mentioned)
    }
    if (link && !long) {
      segments.push({ type: 'text', text: ` ${rng.pick(pack.linkLeads)} ` }, { type: 'link', url: link })
      links.push(link)
    }
    const tags = [posts.tag0[i], posts.tag1[i]].filter((t) => t >= 0).map((t) => data.hashtags[t])
    tags.forEach((tag, n) => {
      if (n === 1 && flags & PostFlag.tagOutsideText) return void extraTags.push(tag)
      segments.push({ type: 'text', text: n === 0 ? (flags & PostFlag.tagsOnNewParagraph ? '\n\n' : ' ') : ' ' }, { type: 'tag', tag })
    })
  }
  const hashtags = [...new Set(segments.flatMap((s) => (s.type === 'tag' ? [s.tag.toLowerCase()] : [])).concat(extraTags.map((t) => t.toLowerCase())))]
  const sentiment = posts.sentiment[i]
  return {
    index: i,
    network: author.network,
    author: author.index,
    kind: KIND_NAMES[kind],
    createdAt: new Date(posts.createdAt[i]),
    text: segmentText(data, segments),
    segments,
    extraTags,
    lang: flags & PostFlag.noLanguage || kind === PostKind.repost ? null : LANGUAGES[posts.lang[i]],
    topic,
    sentiment: sentiment < 0 ? -1 : sentiment > 0 ? 1 : 0,
    question: (flags & PostFlag.question) !== 0,
    spike: (flags & PostFlag.spike) !== 0,
    hashtags,
    mentions,
    links,
    parent: parent >= 0 ? parent : null,
    likes: posts.likes[i],
    reposts: posts.reposts[i],
    replies: posts.replies[i],
    quotes: posts.quotes[i],
  }
}
