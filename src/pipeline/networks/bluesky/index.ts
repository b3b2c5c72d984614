export { createBlueskyConnector, DEFAULT_APPVIEW_URL, DEFAULT_PDS_URL, type BlueskyConnectorOptions } from './connector.ts'
