// Bounds that keep a topic query cheap to compile and to check against every collected post.
export const MAX_QUERY_LENGTH = 1000
/** Words, phrases, hashtags, handles and filters, counted one by one. */
export const MAX_TERMS = 50
/** Levels of parentheses and negations around a term. */
export const MAX_NESTING = 20
