// The portable topic query language: parse, print, match locally, compile per network.
export type {
  AndNode,
  ContentNode,
  FilterNode,
  HashtagNode,
  LangNode,
  MentionNode,
  NetworkNode,
  NotNode,
  OrNode,
  PhraseNode,
  QueryNode,
  TermNode,
  WordNode,
} from './ast.ts'
export { group, isContentNode, isTermNode } from './ast.ts'
export { isAnchored } from './anchoring.ts'
export { QuerySyntaxError } from './errors.ts'
export { fold, foldedTokens } from './fold.ts'
export { MAX_NESTING, MAX_QUERY_LENGTH, MAX_TERMS } from './limits.ts'
export { parse } from './parser.ts'
export { print, printTerm } from './print.ts'
export type { MatchablePost, PreparedPost } from './prepared-post.ts'
export { preparePost } from './prepared-post.ts'
export type { CompiledQuery } from './matcher.ts'
export { compileMatcher, compileQuery, matchedTerms, matches } from './matcher.ts'
export { networksOf, specialiseForNetwork } from './specialise.ts'
export type { CompileOptions, CompiledSearch } from './compiled-search.ts'
export { compileWith, type NetworkCompiler } from './compile.ts'
export { BLUESKY_MAX_QUERY_LENGTH } from './compile-bluesky.ts'
export { REDDIT_MAX_QUERY_LENGTH } from './compile-reddit.ts'
export { X_MAX_QUERY_LENGTH } from './compile-x.ts'
export { anchorKeys, postAnchorKeys, type AnchorKeys } from './anchor-keys.ts'
