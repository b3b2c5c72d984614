import fp from 'fastify-plugin'
import type { Metrics } from '../../platform/observability/metrics.ts'

/** Counts every answered request by route pattern and status, and observes its latency. */
export const metricsPlugin = fp<{ metrics: Metrics }>(
  async (app, { metrics }) => {
    app.addHook('onResponse', async (request, reply) => {
      // The route pattern, not the URL, so ids do not explode the label set.
      const route = request.routeOptions.url ?? 'unmatched'
      metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) })
      metrics.httpLatency.observe({ method: request.method, route }, reply.elapsedTime / 1000)
    })
  },
  { name: 'metrics' },
)
