import { memo, useCallback } from 'react';

import type { PlaybackGroup } from '../playback';

/** The `<video>` a tile in replay shows its recording in; it joins the group while mounted. */
export const ReplayVideo = memo(function ReplayVideo(props: {
  index: number;
  member: string;
  cameraId: string;
  group: PlaybackGroup;
}) {
  const { index, member, cameraId, group } = props;
  const join = useCallback(
    (video: HTMLVideoElement | null) => (video ? group.add(member, cameraId, video) : undefined),
    [group, member, cameraId],
  );
  return (
    <video ref={join} data-testid={`tile-replay-video-${index}`} className="tile-video" muted playsInline />
  );
});
