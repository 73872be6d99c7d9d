import type { StationApi } from '../../common/station-api';
import type { PlaybackGroup } from '../playback';
import { clockText } from '../playback/timeline';
import { ReplayControls } from './ReplayControls';
import { useGroup } from './useGroup';

/** The synchronized view's bar: its badge, the shared controls and one timeline lane per camera. */
export function ViewReplayBar(props: {
  api: Pick<StationApi, 'listRecordings'>;
  group: PlaybackGroup;
  cameraIds: readonly string[];
  onLive: () => void;
}) {
  const snapshot = useGroup(props.group);
  if (!snapshot) return null;
  const waiting = snapshot.held ? ' · loading…' : '';
  return (
    <div className="view-replay" role="region" aria-label="Synchronized playback of the view">
      <span className="tile-mode mode-playback" data-testid="view-replay-badge">
        PLAYBACK {clockText(snapshot.wallMs)}
      </span>
      <span className="view-replay-note">view in sync{waiting}</span>
      <ReplayControls
        api={props.api}
        group={props.group}
        snapshot={snapshot}
        cameraIds={props.cameraIds}
        compact={false}
        onLive={props.onLive}
        testId="view-replay"
      />
    </div>
  );
}
