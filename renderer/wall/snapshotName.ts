const two = (n: number): string => String(n).padStart(2, '0');

/** A snapshot's file name: `<camera>-YYYYMMDD-HHMMSS.png` in local time, safe on every file system. */
export function snapshotName(cameraId: string, at: Date): string {
  const date = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`;
  const time = `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return `${cameraId}-${date}-${time}.png`;
}
