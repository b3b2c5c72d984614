// Which hashtags a Mastodon source subscribes to, from its workspace's topics: the hashtags every
// match of a topic must carry (its anchors), as typed but without case; none for a topic anchored
// on words, limited to another network, or whose hashtag is only excluded.
import t from 'tap'
import { topicMatcher } from '../../src/pipeline/ingest/topic-matchers.ts'
import { streamedHashtags } from '../../src/pipeline/stream/mastodon/stream-hashtags.ts'

const topic = (query: string, networks: string[] = []) => topicMatcher({ id: query, query, networks, languages: [] })

t.test('hashtag anchors of the topics', async (t) => {
  t.same(streamedHashtags([topic('#RustLang')]), ['rustlang'], 'one hashtag, lower-cased')
  t.same(streamedHashtags([topic('#velo OR #vélo')]), ['velo', 'vélo'], 'either hashtag may carry a match: both, accents kept (Mastodon keeps them apart)')
  t.same(streamedHashtags([topic('#velo -giveaway')]), ['velo'], 'an exclusion adds nothing')
  t.same(streamedHashtags([topic('#velo vélo')]), ['velo'], 'both needed: the hashtag alone anchors the topic')
  t.same(streamedHashtags([topic('vélo #velo')]), ['velo'], 'whichever comes first')
  t.same(streamedHashtags([topic('(#velo OR #bike) (#lyon OR #paris OR #lille)')]), ['bike', 'velo'], 'of two sets either of which every match carries, the smaller')
  t.same(streamedHashtags([topic('vélo')]), [], 'a topic on a word is not streamed')
  t.same(streamedHashtags([topic('#velo OR vélo')]), ['velo'], 'a hashtag or a word: the hashtag part is streamed (the rest is searched on schedule)')
  t.same(streamedHashtags([topic('#velo OR (vélo -#spam)')]), ['velo'], 'never a hashtag the topic excludes')
  t.same(streamedHashtags([topic('-#velo bike')]), [], 'an excluded hashtag is no subscription')
  t.same(streamedHashtags([topic('#velo', ['bluesky'])]), [], 'a topic limited to another network is not streamed')
  t.same(streamedHashtags([topic('#velo network:bluesky')]), [], 'nor one that names another network in its query')
  t.same(streamedHashtags([topic('#Velo'), topic('#velo OR #bike', ['mastodon'])]), ['bike', 'velo'], 'several topics: each hashtag once, sorted')
})
