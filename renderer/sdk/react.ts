// The VAS SDK's React entry (built to out/sdk/vas-react.js): everything in ./index plus `useCameraStream`.
// React is the portal's own (a peer, never bundled).

export * from './index';
export { useCameraStream } from './useCameraStream';
export type { CameraStream, UseCameraStreamOptions } from './useCameraStream';
export type { CameraStreamSnapshot } from './cameraStream';
