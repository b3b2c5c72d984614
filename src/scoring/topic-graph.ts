/** The topic graph as the scoring reads it: accounts by index, weighted attention edges. */
export interface TopicGraph {
  /** accounts.id of each node. */
  accountIds: number[]
  src: Int32Array
  dst: Int32Array
  weight: Float64Array
  /** Per node: on-topic posts in the window, their engagement, reposts/quotes of on-topic posts made. */
  topicPosts: Float64Array
  engagement: Float64Array
  amplification: Float64Array
  /** Follower count from the network, NaN when unknown. */
  followers: Float64Array
  /** Counts for the coverage report. */
  counts: { posts: number; interactions: number; follows: number; activeAuthors: number; activeWithFollowLists: number }
}
