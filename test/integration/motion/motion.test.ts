// Motion detection on the lab's real camera (GStreamer, /scene1: a still textured scene and an object switched on
// and off), real ffmpeg, a real station on the lab's Janus and the real alarm book: 60 s of still scene raise
// nothing; the object appearing raises a motion alarm within 1 s of the switch; its leaving ends it.
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

import pino from 'pino';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StationEvent } from '../../../common/events';
import { AlarmBook } from '../../../main/alarms/alarm-book';
import { MotionService } from '../../../main/motion/motion-service';
import { StationEventBus } from '../../../main/station/event-bus';
import { Station } from '../../../main/station/station';
import { openCameraStore } from '../../../main/store/camera-store';
import { createKeyFileCipher } from '../../../main/store/secret-cipher';
import { useLab } from '../../lab/vitest';
import { freshDataDir, labGateway, removeDataDir, TEST_TIMINGS } from '../station/harness';
import { eventually } from '../wait';

const lab = useLab({ cameras: 1, auth: 'digest' });

/** The lab scene's overlays, which change every frame or second: the timecode strip (top left) and the clock. */
const OVERLAY_ZONES = [
  [
    [0, 0],
    [0.45, 0],
    [0.45, 0.09],
    [0, 0.09],
  ],
  [
    [0.7, 0.85],
    [1, 0.85],
    [1, 1],
    [0.7, 1],
  ],
];
const STILL_SECONDS = 60;

interface Heard {
  event: StationEvent;
  at: number;
}

describe('motion detection on the lab camera', () => {
  let dataDir: string;
  let station: Station;
  let alarms: AlarmBook;
  let motion: MotionService;
  const heard: Heard[] = [];

  beforeAll(async () => {
    dataDir = await freshDataDir();
    const logger = pino({ level: 'silent' });
    const events = new StationEventBus();
    events.on('event', (event) => heard.push({ event, at: Date.now() }));
    const store = await openCameraStore({ dataDir, cipher: await createKeyFileCipher(dataDir), logger });
    station = await Station.start({
      dataDir,
      store,
      gateway: labGateway(lab()),
      viewerUrl: 'ws://127.0.0.1:1/janus',
      logger,
      metrics: new Registry(),
      timings: TEST_TIMINGS,
      events,
    });
    alarms = await AlarmBook.open({
      dataDir,
      logger,
      hasCamera: (cameraId) => store.get(cameraId) !== undefined,
      publish: (event) => {
        events.publish(event);
      },
    });
    motion = MotionService.start({ store, station, alarms, logger });
    const scene = lab().scenes[0];
    if (scene === undefined) throw new Error('the lab has no scene path');
    await station.addCamera({
      camera_id: 'scene',
      name: 'Lab scene',
      rtsp_url: scene.url,
      username: scene.username,
      password: scene.password,
      motion: {
        enabled: true,
        sensitivity: 50,
        min_area_percent: 1,
        severity: 'critical',
        zones: OVERLAY_ZONES,
      },
    });
    // Detection runs once frames flow (past the detector's warm-up).
    await eventually(() => Promise.resolve((motion.status()[0]?.frames ?? 0) >= 10 || undefined), 20_000);
  }, 40_000);

  afterAll(async () => {
    await motion.stop();
    await station.stop({ removeMountpoints: true });
    await alarms.stop();
    await removeDataDir(dataDir);
  });

  const motionEvents = () => heard.filter(({ event }) => event.type === 'camera.motion');
  const alarmEvents = () => heard.filter(({ event }) => event.type.startsWith('alarm.'));

  it('keeps the password off ffmpeg’s command line', async () => {
    const pid = motion.status()[0]?.pid;
    expect(pid).toEqual(expect.any(Number));
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').join(' ');
    expect(cmdline).toContain('-i pipe:3');
    expect(cmdline).not.toContain(lab().scenes[0]?.password);
    expect(cmdline).not.toContain('rtsp://');
  });

  it(
    `raises no alarm on ${STILL_SECONDS} s of still scene`,
    async () => {
      const framesBefore = motion.status()[0]?.frames ?? 0;
      await sleep(STILL_SECONDS * 1000);
      const frames = (motion.status()[0]?.frames ?? 0) - framesBefore;
      console.log(
        `motion: ${STILL_SECONDS} s still scene, ${frames} frames compared, ${alarms.list({}).length} alarms`,
      );
      expect(frames).toBeGreaterThan(STILL_SECONDS * 4);
      expect(alarms.list({})).toEqual([]);
      expect(motionEvents()).toEqual([]);
      expect(station.getCamera('scene').health.motion).toBe(false);
    },
    (STILL_SECONDS + 20) * 1000,
  );

  it('raises a motion alarm within 1 s of the object appearing', async () => {
    const switched = Date.now();
    await lab().scene(true);
    const raised = await eventually(
      () => Promise.resolve(alarmEvents().find(({ event }) => event.type === 'alarm.raised')),
      5_000,
      20,
    );
    const latency = raised.at - switched;
    console.log(`motion: alarm raised ${latency} ms after the object was switched on`);
    expect(latency).toBeLessThan(1_000);
    expect(raised.event).toMatchObject({
      type: 'alarm.raised',
      alarm: {
        source: 'motion',
        severity: 'critical',
        camera_ids: ['scene'],
        title: 'Motion at Lab scene',
        state: 'new',
      },
    });
    expect(motionEvents().map(({ event }) => event)).toEqual([
      expect.objectContaining({ type: 'camera.motion', camera_id: 'scene', motion: true }),
    ]);
    expect(station.getCamera('scene').health.motion).toBe(true);
  });

  it('ends the motion (flag and alarm) after the object leaves', async () => {
    await sleep(2_000);
    const switched = Date.now();
    await lab().scene(false);
    const ended = await eventually(
      () =>
        Promise.resolve(motionEvents().find(({ event }) => event.type === 'camera.motion' && !event.motion)),
      15_000,
      20,
    );
    console.log(`motion: motion ended ${ended.at - switched} ms after the object was switched off`);
    const alarm = await eventually(() =>
      Promise.resolve(alarms.list({})[0]?.ended_at ? alarms.list({})[0] : undefined),
    );
    expect(alarm).toMatchObject({ state: 'new', source: 'motion' });
    expect(alarm.history.at(-1)).toMatchObject({ action: 'ended', by: 'motion' });
    expect(alarm.history.at(-1)?.note).toMatch(/^Motion ended after \d+\.\d s/);
    expect(alarms.list({})).toHaveLength(1);
    expect(station.getCamera('scene').health.motion).toBe(false);
  });

  it('starts ffmpeg again after the camera went away and came back, and detects again', async () => {
    const runs = motion.status()[0]?.runs ?? 0;
    await lab().camera.stop();
    await eventually(() => Promise.resolve((motion.status()[0]?.runs ?? 0) > runs || undefined), 20_000);
    await lab().camera.start();
    const frames = motion.status()[0]?.frames ?? 0;
    const back = Date.now();
    await eventually(
      () => Promise.resolve((motion.status()[0]?.frames ?? 0) >= frames + 10 || undefined),
      40_000,
    );
    console.log(
      `motion: frames again ${Date.now() - back} ms after the camera came back (${motion.status()[0]?.runs} runs)`,
    );
    expect(station.getCamera('scene').health.motion).toBe(false);
  }, 70_000);
});
