import { randomBytes } from 'node:crypto'
import { createSecretBox } from '../../src/platform/secrets/secret-box.ts'

/** The secret key of this test process, as an operator sets SECRET_KEY (base64 of 32 bytes). */
export const TEST_SECRET_KEY = randomBytes(32).toString('base64')

/** What SECRET_KEY or the key file is to a running Relais: the commands the tests start hold the same key. */
export const TEST_SECRETS = createSecretBox([Buffer.from(TEST_SECRET_KEY, 'base64')])
