import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { RtspMountpointOptions } from '../../../main/janus';
import { systemClock } from '../../../main/janus/clock';
import { newCameraRecord } from '../../../main/station/camera-records';
import { Reconciler } from '../../../main/station/reconciler';
import { FakeJanus, fakeEndpoints, MemoryCameraStore } from './fakes';
import { camera } from './setup';

/** A fake Janus whose creates wait until the test lets them through. */
class SlowJanus extends FakeJanus {
  #gate: Promise<void> = Promise.resolve();
  #open: () => void = () => undefined;

  hold(): void {
    this.#gate = new Promise((resolve) => (this.#open = resolve));
  }

  release(): void {
    this.#open();
  }

  override async createMountpoint(request: RtspMountpointOptions): Promise<void> {
    await this.#gate;
    return super.createMountpoint(request);
  }
}

function setup(holds?: (cameraId: string) => boolean) {
  const janus = new SlowJanus(fakeEndpoints('old'));
  janus.start();
  const store = new MemoryCameraStore();
  const failed: [string, string][] = [];
  const created: string[] = [];
  const ready: string[] = [];
  const reconciler = new Reconciler({
    stationId: 'st1',
    store,
    janus,
    clock: systemClock,
    logger: pino({ level: 'silent' }),
    onCreated: (cameraId) => created.push(cameraId),
    onFailed: (cameraId, reason) => failed.push([cameraId, reason]),
    onReady: (cameraId) => ready.push(cameraId),
    holds,
  });
  const add = async (cameraId: string) => {
    const input = camera(cameraId);
    const source = { url: input.rtsp_url, username: 'user', password: 'pass' };
    await store.insert(
      newCameraRecord(input, {
        source,
        substreamUrl: null,
        probed: undefined,
        passwordSealed: await store.sealPassword('pass'),
        mountpoint: await store.newMountpoint(),
        now: new Date().toISOString(),
      }),
    );
    return store.get(cameraId)?.mountpoint.id ?? 0;
  };
  return { janus, store, reconciler, failed, created, ready, add };
}

describe('Reconciler', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('plans a camera whose own task ran during the pass’s list from a fresh list (no double create)', async () => {
    const { janus, reconciler, failed, created, add } = setup();
    await add('a');
    await add('b');
    janus.hold();
    const single = reconciler.reconcileCamera('a');
    await vi.advanceTimersByTimeAsync(0);
    const pass = reconciler.reconcileAll();
    await vi.advanceTimersByTimeAsync(0);
    janus.release();
    await Promise.all([single, pass]);
    expect(janus.ours()).toHaveLength(2);
    expect(created.sort()).toEqual(['a', 'b']);
    expect(failed).toEqual([]);
    // One for the single camera, one for the pass, one fresh list for camera a.
    expect(janus.calls.list).toBe(3);
    reconciler.stop();
  });

  it('in a cluster keeps mountpoints only for the cameras its gateway holds, and drops one that moved away', async () => {
    const held = new Set(['a']);
    const { janus, reconciler, created, add } = setup((cameraId) => held.has(cameraId));
    const a = await add('a');
    const b = await add('b');
    await reconciler.reconcileAll();
    expect(janus.ours().map((m) => m.id)).toEqual([a]);
    held.add('b');
    held.delete('a');
    await reconciler.reconcileCamera('b');
    await reconciler.reconcileCamera('a');
    expect(janus.ours().map((m) => m.id)).toEqual([b]);
    expect(created).toEqual(['a', 'b']);
    reconciler.stop();
  });

  it('says a camera is ready after each pass that leaves its mountpoint in place, created or found', async () => {
    const { janus, store, reconciler, ready, add } = setup();
    await add('a');
    await add('b');
    janus.refuse.add('b');
    await reconciler.reconcileAll();
    expect(ready).toEqual(['a']);
    janus.refuse.delete('b');
    await reconciler.reconcileAll();
    expect(ready.sort()).toEqual(['a', 'a', 'b']);
    const a = store.get('a');
    if (!a) throw new Error('no camera a');
    await store.replace({ ...a, enabled: false });
    await reconciler.reconcileCamera('a');
    expect(ready.filter((id) => id === 'a')).toHaveLength(2);
    reconciler.stop();
  });

  it('leaves a mountpoint it did not make alone and says so, without retrying it on a backoff', async () => {
    const { janus, reconciler, failed, ready, add } = setup();
    const id = await add('a');
    janus.server.mountpoints.set(id, {
      request: { type: 'rtsp', id, url: 'rtsp://elsewhere/', video: true, metadata: 'not ours' },
      ageMs: 10,
      viewers: 0,
    });
    await reconciler.reconcileAll();
    expect(failed).toEqual([
      ['a', `Janus mountpoint ${id} belongs to something else; Vigil leaves it alone`],
    ]);
    const lists = janus.calls.list;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(janus.calls.list).toBe(lists);
    expect(janus.server.mountpoints.get(id)?.request.metadata).toBe('not ours');
    expect(ready).toEqual([]);
  });

  it('destroys a forgotten camera’s mountpoint with the secret it kept, once Janus is back', async () => {
    const { janus, store, reconciler, add } = setup();
    await add('a');
    await add('b');
    await reconciler.reconcileAll();
    const b = store.get('b');
    if (!b) throw new Error('no camera b');
    janus.lose();
    await reconciler.forget(b, await store.unsealMountpointSecret(b));
    await store.remove('b');
    janus.recover();
    await reconciler.reconcileAll();
    expect(janus.ours().map((m) => m.metadata)).toEqual(['vigil:st1:a:1']);
  });

  it('stops retrying once stopped', async () => {
    const { janus, reconciler, add } = setup();
    await add('a');
    janus.refuse.add('a');
    await reconciler.reconcileAll();
    reconciler.stop();
    const creates = janus.calls.create;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(janus.calls.create).toBe(creates);
  });
});
