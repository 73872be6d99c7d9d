import type { HealthReport } from '../../common/health';
import type { RecordingService } from '../recording/service';
import type { StationService } from '../station/service';

/** The health report: the station's, plus the recording part for detailed reports of a station that records. */
export async function healthReport(
  station: Pick<StationService, 'health'>,
  recordings: Pick<RecordingService, 'health'> | undefined,
  detailed: boolean,
): Promise<HealthReport> {
  const report = await station.health(detailed);
  return detailed && recordings !== undefined ? { ...report, recording: recordings.health() } : report;
}
