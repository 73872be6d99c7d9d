import { Gauge, type Registry } from 'prom-client';

/** What the motion gauges read when Prometheus scrapes: one entry per watched camera. */
export type MotionGaugeSource = () => readonly { runs: number; frames: number; motion: boolean }[];

/**
 * Registers motion detection's gauges: cameras watched, cameras with motion now, ffmpeg runs started (a rising
 * count with few cameras means a camera keeps dropping its decoder) and frames compared.
 */
export function registerMotionMetrics(registry: Registry, source: MotionGaugeSource): void {
  const gauge = (name: string, help: string, value: (watched: ReturnType<MotionGaugeSource>) => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(value(source()));
      },
    });
  gauge('vigil_motion_cameras', 'Cameras under motion detection', (watched) => watched.length);
  gauge(
    'vigil_motion_active',
    'Cameras where motion is going on now',
    (w) => w.filter((c) => c.motion).length,
  );
  gauge('vigil_motion_decoder_runs', 'ffmpeg runs started for motion detection (watched cameras)', (w) =>
    w.reduce((sum, c) => sum + c.runs, 0),
  );
  gauge('vigil_motion_frames', 'Frames compared by motion detection (watched cameras)', (w) =>
    w.reduce((sum, c) => sum + c.frames, 0),
  );
}
