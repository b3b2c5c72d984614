// X API v2 JSON in the documented shapes (reference/network-apis.md §5.3–5.5).
import type { XSeed, XSeedTweet, XSeedUser } from './seed.ts'

const LIMIT = 280

export function problem(status: number, title: string, detail: string, type = 'about:blank', extra: Record<string, unknown> = {}) {
  return { title, detail, type, status, ...extra }
}

export function invalidRequest(message: string, parameters: Record<string, string[]>) {
  return {
    errors: [{ parameters, message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
  }
}

export function notFound(resource: 'tweet' | 'user', parameter: string, id: string) {
  return {
    value: id,
    detail: `Could not find ${resource} with ${parameter}: [${id}].`,
    title: 'Not Found Error',
    resource_type: resource,
    parameter,
    resource_id: id,
    type: 'https://api.twitter.com/2/problems/resource-not-found',
  }
}

function entitiesOf(text: string, links: string[], byUsername: Map<string, XSeedUser>) {
  const hashtags = [...text.matchAll(/#(\w+)/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, tag: m[1] }))
  const mentions = [...text.matchAll(/@(\w{1,15})/g)].map((m) => {
    const user = byUsername.get(m[1].toLowerCase())
    return { start: m.index, end: m.index + m[0].length, username: m[1], ...(user ? { id: user.id } : {}) }
  })
  const urls = links.map((expanded, i) => {
    const short = `https://t.co/l${i}${expanded.length}`
    const start = text.indexOf(short)
    return { start, end: start + short.length, url: short, expanded_url: expanded, display_url: expanded.replace(/^https?:\/\//, '') }
  })
  const entities: Record<string, unknown> = {}
  if (hashtags.length) entities.hashtags = hashtags
  if (mentions.length) entities.mentions = mentions
  if (urls.length) entities.urls = urls
  return entities
}

export function fullText(tweet: XSeedTweet): string {
  const links = (tweet.links ?? []).map((expanded, i) => `https://t.co/l${i}${expanded.length}`)
  return [tweet.text, ...links].join(' ')
}

/** A Tweet object with the fields the request asked for. */
export function tweetJson(tweet: XSeedTweet, fields: Set<string>, byUsername: Map<string, XSeedUser>) {
  const text = fullText(tweet)
  const long = text.length > LIMIT
  const json: Record<string, unknown> = { id: tweet.id, text: long ? `${text.slice(0, LIMIT - 1)}…` : text, edit_history_tweet_ids: [tweet.id] }
  const refs = [
    ...(tweet.retweetOf ? [{ type: 'retweeted', id: tweet.retweetOf }] : []),
    ...(tweet.quoteOf ? [{ type: 'quoted', id: tweet.quoteOf }] : []),
    ...(tweet.replyTo ? [{ type: 'replied_to', id: tweet.replyTo.id }] : []),
  ]
  const entities = entitiesOf(text, tweet.links ?? [], byUsername)
  if (fields.has('author_id')) json.author_id = tweet.authorId
  if (fields.has('created_at')) json.created_at = tweet.createdAt
  if (fields.has('lang')) json.lang = tweet.lang ?? 'und'
  if (fields.has('conversation_id')) json.conversation_id = tweet.replyTo?.id ?? tweet.id
  if (fields.has('in_reply_to_user_id') && tweet.replyTo) json.in_reply_to_user_id = tweet.replyTo.userId
  if (fields.has('referenced_tweets') && refs.length) json.referenced_tweets = refs
  if (fields.has('entities') && Object.keys(entities).length) json.entities = long ? entitiesOf(json.text as string, [], byUsername) : entities
  if (fields.has('note_tweet') && long) json.note_tweet = { text, entities }
  if (fields.has('public_metrics')) {
    json.public_metrics = { retweet_count: tweet.retweets ?? 0, reply_count: tweet.replies ?? 0, like_count: tweet.likes ?? 0, quote_count: tweet.quotes ?? 0, bookmark_count: 0, impression_count: 100 }
  }
  return json
}

export function userJson(user: XSeedUser, fields: Set<string>, seed: XSeed) {
  const json: Record<string, unknown> = { id: user.id, name: user.name, username: user.username }
  if (fields.has('description')) json.description = user.description ?? ''
  if (fields.has('created_at')) json.created_at = '2013-12-14T04:35:55.000Z'
  if (fields.has('url')) json.url = ''
  if (fields.has('public_metrics')) {
    json.public_metrics = {
      followers_count: seed.follows.filter(([, followee]) => followee === user.id).length,
      following_count: seed.follows.filter(([follower]) => follower === user.id).length,
      tweet_count: user.tweetCount ?? seed.tweets.filter((t) => t.authorId === user.id).length,
      listed_count: 0,
      like_count: 0,
    }
  }
  return json
}
