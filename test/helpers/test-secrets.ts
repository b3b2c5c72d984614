import { randomBytes } from 'node:crypto'
import { createSecretBox } from '../../src/secrets/secret-box.ts'

/** The secret key of this test process: what SECRET_KEY or the key file is to a running Relais. */
export const TEST_SECRETS = createSecretBox([randomBytes(32)])
