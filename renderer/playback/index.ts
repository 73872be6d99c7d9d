// Playback of recordings (issue 12): the public surface the wall and the SDK use.
export { PlaybackGroup } from './group';
export type { GroupDeps, GroupSnapshot, MemberSnapshot } from './group';
export { instantMs, startPlaybackInto } from './handle';
export type { PlaybackHandle, PlaybackRate } from './handle';
export { browserMediaEnv } from './media';
export type { MediaEnv, PlaybackSource, PlaybackStream, VideoLike } from './media';
export type { MemberPhase, MemberStatus } from './member-machine';
export { httpPlaybackSource } from './source';
