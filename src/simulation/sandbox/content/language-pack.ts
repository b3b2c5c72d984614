// Shape of the per-language vocabulary that post texts and bios are rendered from.
// Placeholders: {subject} / {Subject} (capitalised), {detail}, {pos}, {neg}, {ask}.
import type { Language } from '../types.ts'

export interface TopicVocabulary {
  /** Noun phrases the posts are about. */
  subjects: string[]
  /** Short sentences adding context. */
  details: string[]
  /** Objects of a question ("Quelqu'un sait {ask} ?"). */
  asks: string[]
  /** Profile blurbs. */
  bios: string[]
}

export interface SentimentTemplates {
  positive: string[]
  negative: string[]
  neutral: string[]
}

export interface LanguagePack {
  code: Language
  firstNames: string[]
  lastNames: string[]
  positive: string[]
  negative: string[]
  post: SentimentTemplates
  reply: SentimentTemplates
  quote: SentimentTemplates
  question: string[]
  /** Words put before a mention ("cc", "avec"). */
  mentionLeads: string[]
  /** Words put before a link ("à lire :"). */
  linkLeads: string[]
  /** Per topic id, plus `chatter` for off-topic posts and `incident` for the planted spike. */
  topics: Record<string, TopicVocabulary>
}
