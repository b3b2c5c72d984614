import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { SUPPORTED_LANGUAGES, textSearchConfig } from '../../pipeline/ingest/enrich/languages.ts'

/** Every text search configuration ingest gives posts. */
const SEARCH_CONFIGS = [...new Set([...SUPPORTED_LANGUAGES.map(textSearchConfig), 'simple'])]
const MAX_EXPANDED_WORDS = 8

/**
 * `q` in web-search syntax ("phrases", OR, -word) against each post in its own language's
 * configuration, so stemming follows the post: in French "électriques" finds "électrique".
 *
 * Snowball's French stemmer keeps the plural of words ending in a vowel + s ("vélos" stays
 * "vélos", "vélo" stays "vélo"), so each query word is widened to its singular or plural form
 * (ts_rewrite swaps the word's lexeme for "word | variant", keeping the query's structure).
 * One branch per configuration keeps every tsquery constant, so the planner folds it once and
 * the GIN index on search_vector stays usable.
 */
export function fullTextMatch(q: string): RawBuilder<SqlBool> {
  const words = queryWords(q)
  const branches = SEARCH_CONFIGS.map((config) => {
    const cfg = sql`${config}::regconfig`
    let query = sql`websearch_to_tsquery(${cfg}, ${q})`
    for (const word of words) {
      query = sql`ts_rewrite(${query}, plainto_tsquery(${cfg}, ${word}), plainto_tsquery(${cfg}, ${word}) || plainto_tsquery(${cfg}, ${numberVariant(word)}))`
    }
    return sql`(p.search_config = ${cfg} and p.search_vector @@ ${query})`
  })
  return sql<SqlBool>`(${sql.join(branches, sql` or `)})`
}

/** The distinct words of the query, without the OR keyword, at most a few. */
function queryWords(q: string): string[] {
  const words = (q.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).filter((w) => w !== 'or' && w.length >= 3)
  return [...new Set(words)].slice(0, MAX_EXPANDED_WORDS)
}

/** The other grammatical number of a word, as Romance and Germanic plurals mostly form it. */
export function numberVariant(word: string): string {
  return /[sx]$/.test(word) && word.length >= 4 ? word.slice(0, -1) : `${word}s`
}
