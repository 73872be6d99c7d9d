import type { RemoteTrack } from './janus-like';
import type { TileSurface } from './model';

// Browser-only code that the SDK's unit tests still type-check in the Node project (no DOM library:
// @types/react leaves HTMLVideoElement and MediaStream as empty interfaces there). So this module
// declares the few browser members it touches and views the <video> through them.

/** The members of `HTMLVideoElement` a surface touches. */
interface VideoElement {
  muted: boolean;
  playsInline: boolean;
  autoplay: boolean;
  srcObject: object | null;
  addEventListener(type: 'loadeddata' | 'resize', listener: () => void): void;
  removeEventListener(type: 'loadeddata' | 'resize', listener: () => void): void;
}

/** The browser's `MediaStream` constructor (only janus.js's MediaStreamTracks are ever passed). */
declare const MediaStream: new (tracks: readonly RemoteTrack[]) => object;

/**
 * A `<video>` as a tile's surface, handled imperatively: muted unless asked, inline, autoplaying; a new
 * `MediaStream` per set of remote tracks; `srcObject` cleared on release.
 */
export function videoSurface(video: HTMLVideoElement, muted: boolean): TileSurface {
  // A no-op view in a browser build; in the Node project it supplies the members (see above).
  const element = video as unknown as VideoElement;
  element.muted = muted;
  element.playsInline = true;
  element.autoplay = true;
  return {
    show(tracks) {
      element.srcObject = new MediaStream(tracks);
    },
    setMuted(value) {
      element.muted = value;
    },
    onFrame(listener) {
      element.addEventListener('loadeddata', listener);
      element.addEventListener('resize', listener);
      return () => {
        element.removeEventListener('loadeddata', listener);
        element.removeEventListener('resize', listener);
      };
    },
    release() {
      element.srcObject = null;
    },
  };
}
