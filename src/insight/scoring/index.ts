export { scoreTopic, DEFAULT_WINDOW_DAYS, type ScoreRunSummary } from './score-topic.ts'
export { computeScores, type AccountScore } from './compute-scores.ts'
export { loadTopicGraph } from './load-topic-graph.ts'
export type { TopicGraph } from './topic-graph.ts'
