export { createXConnector, type XConnector, type XConnectorOptions, type XSearchPage } from './connector.ts'
export { xCheckpointSchema, type XCheckpoint } from './search-walk.ts'
export type { XPartialError } from './schemas.ts'
