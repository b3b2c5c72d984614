import t from 'tap'
import { isPublicAddress } from '../../src/pipeline/networks/http/address-guard.ts'
import { resolveTarget, UnsafeTargetError, type Resolver } from '../../src/pipeline/networks/http/resolve-target.ts'

t.test('addresses are classified as in the IANA special-purpose registries', async (t) => {
  const notPublic = [
    '127.0.0.1', '127.255.255.254', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
    '224.0.0.1', '255.255.255.255', '192.0.2.10', '198.18.0.1',
    '::1', '::', 'fe80::1', 'fe80::1%eth0', 'fc00::1', 'fd12:3456::1', 'ff02::1', '2001:db8::1',
    '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::10.0.0.1', '[::1]', 'not-an-ip',
    // NAT64 and 6to4 reach the IPv4 they carry, in any spelling.
    '64:ff9b::7f00:1', '64:ff9b:0:0:0:0:a9fe:a9fe', '2002:7f00:1::', '2002:a9fe:a9fe::1', '2002:0a00:0001:0:0:0:0:1',
    '::ffff:0:127.0.0.1', '0:0:0:0:0:ffff:7f00:1', '::127.0.0.1', '64:ff9b:1::8.8.8.8',
  ]
  const publicOnes = ['8.8.8.8', '1.1.1.1', '93.184.216.34', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '2001:4860:4860::8888', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1']
  for (const a of notPublic) t.notOk(isPublicAddress(a), `${a} is not public`)
  for (const a of publicOnes) t.ok(isPublicAddress(a), `${a} is public`)
})

t.test('a name is refused when any of its addresses is private, unless allowed', async (t) => {
  const dns: Record<string, string[]> = { 'mixed.example': ['93.184.216.34', '10.0.0.7'], 'public.example': ['93.184.216.34', '2606:4700:4700::1111'], 'v6-loopback.example': ['::1'] }
  const resolver: Resolver = async (host) => {
    if (!dns[host]) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' })
    return dns[host].map((address) => ({ address, family: address.includes(':') ? 6 : 4 }))
  }
  t.same((await resolveTarget('public.example', false, resolver)).map((a) => a.address), ['93.184.216.34', '2606:4700:4700::1111'])
  await t.rejects(resolveTarget('mixed.example', false, resolver), UnsafeTargetError)
  await t.rejects(resolveTarget('v6-loopback.example', false, resolver), /private, loopback/)
  await t.rejects(resolveTarget('127.0.0.1', false, resolver), UnsafeTargetError, 'an IP written in the URL is checked too')
  await t.rejects(resolveTarget('[::1]', false, resolver), UnsafeTargetError)
  await t.rejects(resolveTarget('nowhere.example', false, resolver), /does not resolve \(ENOTFOUND\)/)
  t.equal((await resolveTarget('mixed.example', true, resolver)).length, 2, 'allowed by the operator')
})
