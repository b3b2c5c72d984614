import { useEffect, useState } from 'preact/hooks'
import type { FunctionComponent } from 'preact'
import { Loading } from '../ui'

// The map's code (sigma, graphology, the layout worker) is loaded only when the map is opened.
export function LazyMap({ id }: { id: string }) {
  const [Map, setMap] = useState<FunctionComponent<{ id: string }> | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => { import('./topic-map').then((m) => setMap(() => m.TopicMap), (e: unknown) => setError(String(e))) }, [])
  return Map ? <Map id={id} /> : <Loading error={error} />
}
