import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/** The process's Prometheus metrics, shared by the API and the scheduler. */
export interface Metrics {
  registry: Registry
  httpRequests: Counter<'method' | 'route' | 'status'>
  httpLatency: Histogram<'method' | 'route'>
  jobRuns: Counter<'job' | 'status'>
  jobDuration: Histogram<'job'>
}

export function createMetrics(): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'relais_' })
  const registers = [registry]
  return {
    registry,
    httpRequests: new Counter({ name: 'relais_http_requests_total', help: 'HTTP requests answered', labelNames: ['method', 'route', 'status'], registers }),
    httpLatency: new Histogram({
      name: 'relais_http_request_duration_seconds',
      help: 'HTTP request latency',
      labelNames: ['method', 'route'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    jobRuns: new Counter({ name: 'relais_job_runs_total', help: 'Job runs finished, by job and status', labelNames: ['job', 'status'], registers }),
    jobDuration: new Histogram({ name: 'relais_job_duration_seconds', help: 'Job run duration', labelNames: ['job'], buckets: [0.1, 1, 5, 15, 60, 300, 900, 3600], registers }),
  }
}
