import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter, Histogram, type Registry } from 'prom-client';

const LABELS = ['method', 'route', 'status'] as const;

function counter(registry: Registry): Counter<(typeof LABELS)[number]> {
  const name = 'vigil_http_requests_total';
  const existing = registry.getSingleMetric(name);
  if (existing instanceof Counter) return existing;
  return new Counter({
    name,
    help: 'HTTP requests answered, by route and status',
    labelNames: LABELS,
    registers: [registry],
  });
}

function histogram(registry: Registry): Histogram<(typeof LABELS)[number]> {
  const name = 'vigil_http_request_duration_seconds';
  const existing = registry.getSingleMetric(name);
  if (existing instanceof Histogram) return existing;
  return new Histogram({
    name,
    help: 'HTTP request duration, by route and status',
    labelNames: LABELS,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
}

/**
 * An `onResponse` hook counting requests and timing them by route pattern (never the raw URL, so ids do not
 * explode the label set) and status. Reuses the metrics if the registry already has them.
 */
export function httpMetrics(registry: Registry) {
  const requests = counter(registry);
  const duration = histogram(registry);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const labels = {
      method: request.method,
      route: request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched'),
      status: String(reply.statusCode),
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  };
}
