import { useEffect, useState } from 'preact/hooks'

// Every page is a URL one can bookmark and share; links change it without reloading.
const listeners = new Set<() => void>()
export function navigate(to: string, replace = false): void {
  if (replace) history.replaceState(null, '', to)
  else history.pushState(null, '', to)
  listeners.forEach((l) => l())
  window.scrollTo(0, 0)
}
window.addEventListener('popstate', () => listeners.forEach((l) => l()))

export function useLocation(): { path: string; query: URLSearchParams } {
  const [, setTick] = useState(0)
  useEffect(() => {
    const listener = () => setTick((n) => n + 1)
    listeners.add(listener)
    return () => { listeners.delete(listener) }
  }, [])
  return { path: location.pathname, query: new URLSearchParams(location.search) }
}

/** Named parameters of `pattern` (e.g. /topics/:id/map) in `path`, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/')
  const s = path.replace(/\/$/, '').split('/')
  if (p.length !== s.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i])
    else if (p[i] !== s[i]) return null
  }
  return params
}

export function onLinkClick(event: MouseEvent): void {
  const anchor = (event.target as HTMLElement).closest('a')
  if (!anchor || anchor.target || anchor.origin !== location.origin || anchor.hasAttribute('download') || anchor.pathname.startsWith('/v1/') || anchor.pathname.startsWith('/docs')) return
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
  event.preventDefault()
  navigate(anchor.pathname + anchor.search)
}
