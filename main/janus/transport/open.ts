import { Backoff, type BackoffOptions } from '../../../common/backoff';
import type { Clock } from '../clock';
import type { WaitOptions } from '../options';
import { retryUntilDone } from '../reconnect';
import type { Transport, TransportSink } from './types';

/**
 * Opens `link` for `sink`; with `waitForJanus`, keeps trying on the `reconnect` schedule until it opens, the
 * schedule runs out or `signal` aborts. On failure the link is closed (an attempt in flight included).
 */
export async function openTransport(
  link: Transport,
  sink: TransportSink,
  options: WaitOptions & { reconnect?: BackoffOptions | undefined },
  clock: Clock,
): Promise<void> {
  try {
    if (options.waitForJanus !== true) {
      await link.open(sink);
      return;
    }
    await retryUntilDone(() => link.open(sink), {
      backoff: new Backoff(options.reconnect ?? {}, () => clock.random()),
      clock,
      signal: options.signal,
      onAttemptFailed: (error, _attempt, retryInMs) => {
        if (retryInMs !== undefined) options.onRetry?.(error, retryInMs);
      },
    });
  } catch (error) {
    await link.close();
    throw error;
  }
}
