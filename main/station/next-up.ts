import { ErrorCode, VigilError } from '../../common/errors';
import type { Clock } from '../janus';
import type { StationJanus } from './station-janus';

/**
 * Resolves at `janus`'s next `up`; rejects after `timeoutMs` with `VIGIL_ERR_GATEWAY_UNAVAILABLE` naming `url`
 * (the link keeps trying all the same).
 */
export function nextUp(
  janus: Pick<StationJanus, 'on'>,
  clock: Clock,
  timeoutMs: number,
  url: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const cancel = clock.setTimeout(() => {
      off();
      reject(
        new VigilError(
          ErrorCode.GatewayUnavailable,
          `the new Janus at ${url} did not answer within ${timeoutMs} ms; the station keeps trying`,
        ),
      );
    }, timeoutMs);
    const off = janus.on('up', () => {
      cancel();
      off();
      resolve();
    });
  });
}
