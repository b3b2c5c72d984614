import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { ApiError } from './api'
import { t } from './i18n'

/** Loads data for a page; re-runs when a dependency changes. */
export function useData<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: string | null; reload: () => void } {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<string | null>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let live = true
    load().then((d) => { if (live) { setData(d); setError(null) } }, (e: unknown) => { if (live) setError(e instanceof ApiError ? e.message : String(e)) })
    return () => { live = false }
  }, [...deps, tick])
  return { data, error, reload: () => setTick((n) => n + 1) }
}

export function Loading({ error }: { error?: string | null }) {
  return error ? <p class="error" role="alert">{error}</p> : <p class="muted">{t('Loading…')}</p>
}

export function Card({ title, children, wide }: { title: string; children: ComponentChildren; wide?: boolean }) {
  return <section class={wide ? 'card wide' : 'card'} aria-label={title}><h2>{title}</h2>{children}</section>
}

/** Content that may be wider than a narrow screen: it scrolls, and a keyboard can scroll it (focusable, named). */
export function ScrollRegion({ label, children }: { label: string; children: ComponentChildren }) {
  return <div class="scroll-region" role="region" tabIndex={0} aria-label={label}>{children}</div>
}

export function Bar({ share, label }: { share: number; label: string }) {
  return <div class="bar" title={label}><span style={{ width: `${Math.max(0, Math.min(1, share)) * 100}%` }} /></div>
}
