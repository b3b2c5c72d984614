// Post enrichment: entities, language, sentiment and questions from a post's text. Pure functions,
// no I/O; natural's vocabularies load on the first sentiment call.

export { enrichPost } from './enrich-post.ts'
export { extractHashtags, normalizeHashtag } from './extract-hashtags.ts'
export { extractLinks } from './extract-links.ts'
export { extractMentions } from './extract-mentions.ts'
export { detectLanguage } from './detect-language.ts'
export { sentiment } from './sentiment.ts'
export { isQuestion } from './is-question.ts'
export { isSupportedLanguage, normalizeLanguageTag, SUPPORTED_LANGUAGES, textSearchConfig, type SupportedLanguage } from './languages.ts'
export type { EnrichedPost } from '../enriched-post.ts'
