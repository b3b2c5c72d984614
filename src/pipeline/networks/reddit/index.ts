export { createRedditConnector, type RedditConnectorOptions } from './connector.ts'
