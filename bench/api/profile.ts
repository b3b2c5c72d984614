import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'

// A CPU profile of the server process while it is under load, summarised by where the self time
// goes (per package or source folder, and the hottest functions); the full profile is written for
// Chrome DevTools / speedscope.

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
interface Profile { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }

export async function startProfile(): Promise<() => Promise<Profile>> {
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 500 })
  await session.post('Profiler.start')
  return async () => {
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile }
    session.disconnect()
    return profile
  }
}

/** Where a frame lives: `node_modules/<package>`, a source folder, `node:` internals, or the engine. */
function owner(url: string, name: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pkg) return pkg[1]
  const own = /\/work\/[^/]+\/((?:src|bench|jobs)\/[^/]+)/.exec(url) ?? /\/((?:src|bench|jobs)\/[^/]+)/.exec(url)
  if (own) return own[1]
  if (url.startsWith('node:')) return url.split('/')[0].replace(/^node:internal/, 'node')
  return name === '(garbage collector)' ? '(gc)' : name === '(idle)' || name === '(program)' ? name : '(native/engine)'
}

export function summariseProfile(profile: Profile, file: string): void {
  writeFileSync(file, JSON.stringify(profile))
  const total = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0)
  const byOwner = new Map<string, number>()
  const byFunction = new Map<string, number>()
  for (const n of profile.nodes) {
    const hits = n.hitCount ?? 0
    if (!hits) continue
    const where = owner(n.callFrame.url, n.callFrame.functionName)
    byOwner.set(where, (byOwner.get(where) ?? 0) + hits)
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${where}:${n.callFrame.lineNumber + 1}`
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits)
  }
  const busy = total - (byOwner.get('(idle)') ?? 0)
  const top = (map: Map<string, number>, n: number) => [...map].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, n)
  console.log(`\nCPU profile of the server under load (${file}); shares of busy samples:`)
  for (const [name, hits] of top(byOwner, 14)) console.log(`  ${((hits / busy) * 100).toFixed(1).padStart(5)} %  ${name}`)
  console.log('hottest functions (self time):')
  for (const [name, hits] of top(byFunction, 15)) console.log(`  ${((hits / busy) * 100).toFixed(1).padStart(5)} %  ${name}`)
}
