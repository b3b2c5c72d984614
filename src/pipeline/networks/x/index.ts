export { createXConnector, type XConnector, type XConnectorOptions, type XSearchPage } from './connector.ts'
export type { XPartialError } from './schemas.ts'
