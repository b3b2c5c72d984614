import { useEffect, useRef } from 'preact/hooks'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { lang, networkName, t } from '../i18n'
import type { Schemas } from '../api'

const COLOURS = ['#2563eb', '#db2777', '#059669', '#d97706', '#7c3aed']

/** Mentions per bucket, one line per network. */
export function VolumeChart({ stats }: { stats: Schemas['TopicStats'] }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!box.current) return
    const networks = stats.networks.map((n) => n.network)
    const xs = stats.volume.map((b) => Date.parse(b.start) / 1000)
    const data: uPlot.AlignedData = [xs, stats.volume.map((b) => b.mentions), ...networks.map((n) => stats.volume.map((b) => b.byNetwork[n] ?? 0))]
    const width = Math.max(280, box.current.clientWidth)
    const plot = new uPlot({
      width, height: 220,
      series: [{}, { label: networkName('all'), stroke: '#111827', width: 2 }, ...networks.map((n, i) => ({ label: networkName(n), stroke: COLOURS[i % COLOURS.length] }))],
      axes: [{}, { size: 50 }],
    }, data, box.current)
    return () => plot.destroy()
  }, [stats, lang.value])
  return <div ref={box} class="chart" role="img" aria-label={t('Mentions over time by network')} />
}
