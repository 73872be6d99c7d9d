import type { CameraView } from '../../common/camera';
import type { AlertKind, DeskAlert } from './alerts';
import { clockTime } from './tileState';

/** The banner's inputs: unacknowledged alerts, camera names, and acknowledgement. */
export interface AlertBannerProps {
  alerts: readonly DeskAlert[];
  cameras: ReadonlyMap<string, CameraView>;
  onAcknowledge: (alertId: string) => void;
}

const WHAT: Record<AlertKind, string> = { stale: 'no video', offline: 'offline', error: 'error' };

/**
 * Desk alerts that stay until acknowledged: camera, what happened and when, newest first; several at once (a
 * switch failing takes many cameras down together) are acknowledged together too.
 */
export function AlertBanner({ alerts, cameras, onAcknowledge }: AlertBannerProps) {
  if (alerts.length === 0) return null;
  const newestFirst = [...alerts].sort((a, b) => b.at - a.at);
  return (
    <section className="alert-banner" data-testid="alert-banner" role="alert" aria-label="Camera alerts">
      {alerts.length > 1 && (
        <button
          type="button"
          className="alert-ack-all"
          data-testid="alert-ack-all"
          onClick={() => {
            for (const alert of alerts) onAcknowledge(alert.id);
          }}
        >
          Acknowledge all {alerts.length}
        </button>
      )}
      <ul>
        {newestFirst.map((alert) => (
          <li
            key={alert.id}
            className={`alert alert-${alert.recoveredAt === undefined ? alert.kind : 'recovered'}`}
          >
            <time dateTime={new Date(alert.at).toISOString()}>{clockTime(alert.at)}</time>
            <strong>{cameras.get(alert.cameraId)?.name ?? alert.cameraId}</strong>
            <span>
              {alert.kind === 'stale' ? `no video since ${clockTime(alert.at)}` : WHAT[alert.kind]}
              {alert.reason ? ` — ${alert.reason}` : ''}
              {alert.count > 1 ? ` (×${alert.count})` : ''}
            </span>
            {alert.recoveredAt !== undefined && (
              <span className="alert-recovered">back at {clockTime(alert.recoveredAt)}</span>
            )}
            <button
              type="button"
              data-testid="alert-ack"
              data-camera-id={alert.cameraId}
              onClick={() => {
                onAcknowledge(alert.id);
              }}
            >
              Acknowledge
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
