/** One frame recorded playback presented: its media time, the camera's timecode in it, when it was seen. */
export interface ReplayFrame {
  mediaTime: number;
  /** The lab camera's wall clock when it drew the frame, ms mod 2^32 (test/lab/timecode.ts). */
  timecode: number;
  /** Date.now() in the page when the frame was presented. */
  at: number;
}
