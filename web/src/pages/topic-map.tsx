import { useEffect, useRef, useState } from 'preact/hooks'
import Graph from 'graphology'
import Sigma from 'sigma'
import forceAtlas2 from 'graphology-layout-forceatlas2'
import FA2Layout from 'graphology-layout-forceatlas2/worker'
import { get, type Schemas } from '../api'
import { networkName, t } from '../i18n'
import { navigate } from '../router'
import { Loading, useData } from '../ui'
import { TopicNav } from './topic-nav'

const PALETTE = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed', '#0891b2', '#dc2626', '#65a30d', '#9333ea', '#ea580c']
const RELAY_MARK = '⇄ '
const LAYOUT_MS = 4000

/** The topic map: communities coloured, size by influence, top relays marked; click opens the account. */
export function TopicMap({ id }: { id: string }) {
  const topic = useData(() => get<Schemas['Topic']>(`/v1/topics/${id}`), [id])
  const data = useData(() => get<Schemas['TopicGraph']>(`/v1/topics/${id}/graph?format=json`), [id])
  const box = useRef<HTMLDivElement>(null)
  const sigma = useRef<Sigma | null>(null)
  const [labels, setLabels] = useState<[string, string][]>([])

  useEffect(() => {
    if (!data.data || !box.current) return
    const graph = new Graph({ multi: false, type: 'directed' })
    const nodes = data.data.nodes
    nodes.forEach((n, i) => {
      const angle = (2 * Math.PI * n.community) / 10 + i * 0.01
      const relay = n.relayRank <= 10
      graph.addNode(n.id, {
        x: Math.cos(angle) * (1 + (i % 7)), y: Math.sin(angle) * (1 + (i % 5)),
        size: 2 + 14 * (n.influence / 100), color: PALETTE[n.community % PALETTE.length],
        label: `${relay ? RELAY_MARK : ''}${n.displayName || n.handle}`, forceLabel: n.influenceRank <= 5 || relay,
      })
    })
    for (const e of data.data.edges) if (graph.hasNode(e.source) && graph.hasNode(e.target) && e.source !== e.target) graph.mergeEdge(e.source, e.target, { size: 0.4, color: '#cbd5e1' })
    const renderer = new Sigma(graph, box.current, { labelRenderedSizeThreshold: 8, defaultEdgeType: 'line' })
    sigma.current = renderer
    // A mark the map bench reads: the first frame with the nodes drawn.
    renderer.once('afterRender', () => performance.mark('relais:map-drawn'))
    renderer.on('clickNode', ({ node }) => navigate(`/accounts/${node}?topic=${id}`))
    // The layout runs in a web worker so the page stays responsive while it settles.
    const layout = new FA2Layout(graph, { settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 } })
    layout.start()
    const stop = setTimeout(() => layout.stop(), LAYOUT_MS)
    setLabels(nodes.map((n) => [n.id, `${n.displayName || n.handle} (${networkName(n.network)})`]))
    return () => { clearTimeout(stop); layout.kill(); renderer.kill(); sigma.current = null }
  }, [data.data])

  const find = (e: Event) => {
    const value = (e.target as HTMLInputElement).value
    const hit = labels.find(([, label]) => label === value)
    const renderer = sigma.current
    if (!hit || !renderer) return
    const position = renderer.getNodeDisplayData(hit[0])
    if (position) renderer.getCamera().animate({ x: position.x, y: position.y, ratio: 0.25 }, { duration: 400 })
    renderer.getGraph().setNodeAttribute(hit[0], 'highlighted', true)
  }

  return (
    <>
      <TopicNav id={id} name={topic.data?.name} />
      <div class="filters">
        <label>{t('Search an account')}<input list="map-accounts" onChange={find} /></label>
        <datalist id="map-accounts">{labels.map(([nodeId, label]) => <option key={nodeId} value={label} />)}</datalist>
        <a href={`/v1/topics/${id}/graph?format=gexf`} download={`topic-${id}.gexf`}>{t('Export GEXF')}</a>
      </div>
      <p class="muted">{t('Size: influence · colour: community · marked: top relays')} ({RELAY_MARK.trim()})</p>
      {!data.data ? <Loading error={data.error} /> : data.data.nodes.length === 0 ? <p class="muted">{t('Not scored yet.')}</p> : null}
      <div ref={box} class="map" data-testid="map" role="img" aria-label={t('Map')} />
    </>
  )
}
