import { snapshotName } from './snapshotName';

/** Saves the video's current frame as a PNG download named after the camera and the time. */
export async function downloadSnapshot(video: HTMLVideoElement, cameraId: string): Promise<void> {
  if (video.videoWidth === 0 || video.videoHeight === 0) throw new Error('No video frame to save yet');
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the frame');
  context.drawImage(video, 0, 0);
  const blob = await new Promise<Blob | null>((resolve) => {
    canvas.toBlob(resolve, 'image/png');
  });
  if (!blob) throw new Error('The frame could not be encoded');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = snapshotName(cameraId, new Date());
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}
