// One normalised post in, one enriched post out. Pure and synchronous: ingest calls it for every
// post of a batch, so the text is scanned for links once and tokenised once for the three
// text analyses.

import type { NormalizedPost } from '../../networks/model.ts'
import type { EnrichedPost } from '../enriched-post.ts'
import { detectLanguageFromTokens } from './detect-language.ts'
import { hashtagsInLinklessText } from './extract-hashtags.ts'
import { scanLinks } from './extract-links.ts'
import { mentionsInLinklessText } from './extract-mentions.ts'
import { isQuestionFromTokens } from './is-question.ts'
import { isSupportedLanguage, normalizeLanguageTag, textSearchConfig } from './languages.ts'
import { mergeHashtags, mergeLinks, mergeMentions } from './merge-entities.ts'
import { lexiconFor } from './sentiment-lexicon.ts'
import { calibrate } from './sentiment-calibration.ts'
import { sentimentOfTokens } from './sentiment.ts'
import { sentimentTokens } from './sentiment-tokens.ts'
import { tokenize } from './tokenize.ts'

export function enrichPost(post: NormalizedPost): EnrichedPost {
  const { links, textWithoutLinks } = scanLinks(post.text)
  const tokens = tokenize(textWithoutLinks)
  // The network's language wins; detection only fills in when it gave none (or "und").
  const networkLang = normalizeLanguageTag(post.lang)
  const lang = networkLang ?? detectLanguageFromTokens(tokens)
  // Fields are copied one by one: `{ ...post, hashtags, ... }` re-declaring spread keys hits a
  // slow path in V8 (≈7 µs per post, a quarter of the budget). A field added to NormalizedPost
  // fails to typecheck here rather than being dropped.
  return {
    network: post.network,
    externalId: post.externalId,
    authorExternalId: post.authorExternalId,
    createdAt: post.createdAt,
    text: post.text,
    lang,
    url: post.url,
    replyToExternalId: post.replyToExternalId,
    replyToAuthorExternalId: post.replyToAuthorExternalId,
    repostOfExternalId: post.repostOfExternalId,
    quoteOfExternalId: post.quoteOfExternalId,
    likes: post.likes,
    reposts: post.reposts,
    replies: post.replies,
    quotes: post.quotes,
    hashtags: mergeHashtags(post.hashtags, hashtagsInLinklessText(textWithoutLinks)),
    mentions: mergeMentions(post.mentions, mentionsInLinklessText(textWithoutLinks)),
    links: mergeLinks(post.links, links, post.network),
    langDetected: networkLang === null && lang !== null,
    sentiment: isSupportedLanguage(lang) ? calibrate(sentimentOfTokens(sentimentTokens(textWithoutLinks), lexiconFor(lang), links.length > 0), lang) : null,
    isQuestion: isQuestionFromTokens(tokens, lang),
    searchConfig: textSearchConfig(lang),
  }
}
