export { createRedditConnector, type RedditConnectorOptions } from './connector.ts'
export { redditCheckpointSchema, type RedditCheckpoint } from './search-walk.ts'
