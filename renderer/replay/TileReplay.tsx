import { useCallback } from 'react';

import type { StationApi } from '../../common/station-api';
import type { GroupSnapshot, MemberSnapshot, PlaybackGroup } from '../playback';
import { clockText } from '../playback/timeline';
import { ReplayControls } from './ReplayControls';
import { ReplayVideo } from './ReplayVideo';
import { useGroup, useGroupValue } from './useGroup';

/** What a wall tile needs for replay. */
export interface TileReplayProps {
  index: number;
  member: string;
  cameraId: string;
  group: PlaybackGroup;
  /** The tile follows the view's shared clock: the view's bar holds the controls. */
  inSync: boolean;
  compact: boolean;
  api: Pick<StationApi, 'listRecordings'>;
  onLive: () => void;
}

/** The line written over the picture when a tile in replay has nothing to show, or null. */
export function replayMessage(member: MemberSnapshot | undefined): { title: string; detail?: string } | null {
  switch (member?.phase) {
    case undefined:
    case 'opening':
      return { title: 'loading recording…' };
    case 'buffering':
      return member.shownMs === undefined ? { title: 'loading recording…' } : null;
    case 'gap':
      return {
        title: 'nothing recorded here',
        ...(member.nextMs === undefined
          ? {}
          : { detail: `recording resumes at ${clockText(member.nextMs)}` }),
      };
    case 'ended':
      return { title: 'end of recording' };
    case 'error':
      return { title: 'no recording', ...(member.reason ? { detail: member.reason } : {}) };
    default:
      return null;
  }
}

/** The badge of a tile in replay: `PLAYBACK 14:02:11` (the frame shown, else the clock). */
export function playbackBadge(snapshot: GroupSnapshot | null, member: string): string {
  const shown = snapshot?.members.get(member)?.shownMs ?? snapshot?.wallMs;
  return shown === undefined ? 'PLAYBACK' : `PLAYBACK ${clockText(shown)}`;
}

/** The controls of a tile replaying alone (they follow every tick of its clock). */
function SoloControls(props: TileReplayProps) {
  const snapshot = useGroup(props.group);
  if (!snapshot) return null;
  return (
    <ReplayControls
      api={props.api}
      group={props.group}
      snapshot={snapshot}
      cameraIds={[props.cameraId]}
      compact={props.compact}
      onLive={props.onLive}
      testId={`tile-replay-${props.index}`}
    />
  );
}

/** A tile's picture in replay: the recording, what is wrong when nothing shows, and (alone) its controls. */
export function TileReplay(props: TileReplayProps) {
  const { index, member, group } = props;
  const readTitle = useCallback((s: GroupSnapshot) => replayMessage(s.members.get(member))?.title, [member]);
  const readDetail = useCallback(
    (s: GroupSnapshot) => replayMessage(s.members.get(member))?.detail,
    [member],
  );
  const title = useGroupValue(group, readTitle, undefined);
  const detail = useGroupValue(group, readDetail, undefined);
  return (
    <>
      <div className="tile-picture" data-testid={`tile-replay-${index}-picture`}>
        <ReplayVideo index={index} member={member} cameraId={props.cameraId} group={group} />
        {title && (
          <div className="tile-message">
            <strong>{title}</strong>
            {detail && <span>{detail}</span>}
          </div>
        )}
      </div>
      {!props.inSync && <SoloControls {...props} />}
    </>
  );
}
