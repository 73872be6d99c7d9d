/** Operations per measured case. */
export const BENCH_OPERATIONS = 1_000;

/** Requests in flight per case: one at a time, then eight. */
export const BENCH_CONCURRENCY = [1, 8] as const;

/** One Janus video RTP input on an allocated port: the cheapest real mountpoint, the same for both clients. */
export const RTP_VIDEO = { type: 'video', mid: 'v', port: 0, pt: 96, codec: 'h264' } as const;
