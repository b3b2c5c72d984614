export { createMastodonConnector, type MastodonConnectorOptions } from './connector.ts'
