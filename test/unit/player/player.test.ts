import { describe, expect, it, vi } from 'vitest';

import { createPlayerCore } from '../../../renderer/player/player';
import type { PlayerOptions, TileState } from '../../../renderer/player/model';
import { FakeClock, FakeJanus, FakeSurface, fakeStation } from './fakes';

function setup(options: Partial<PlayerOptions> = {}) {
  const clock = new FakeClock();
  const janus = new FakeJanus();
  const station = fakeStation();
  const player = createPlayerCore(
    { streamInfo: station.streamInfo, janus: janus.Janus, clock, ...options },
    () => Promise.reject(new Error('tests never load janus.js')),
  );
  return { clock, janus, station, player };
}

/** Plays a camera and records every state the tile goes through. */
function play(player: ReturnType<typeof setup>['player'], cameraId = 'lobby') {
  const surface = new FakeSurface();
  const tile = player.play(cameraId, surface);
  const states: TileState[] = [tile.status().state];
  tile.onStatus((status) => states.push(status.state));
  return { tile, surface, states };
}

describe('stream player', () => {
  it('watches, answers receive-only and starts, then shows the tracks and goes live on the first frame', async () => {
    const { janus, player } = setup();
    const { tile, surface, states } = play(player);
    await janus.watching();
    const handle = janus.lastHandle();
    expect(handle.callbacks.plugin).toBe('janus.plugin.streaming');
    expect(handle.requests.map((request) => request.request)).toEqual(['watch', 'start']);
    // No pin: the station's door adds it.
    expect(handle.requests[0]).toEqual({ request: 'watch', id: 1005 });
    expect(handle.requests[1]?.['jsep']).toEqual({ type: 'answer', sdp: 'answer-sdp' });
    expect(handle.answers[0]?.tracks).toEqual([
      { type: 'video', capture: false, recv: true },
      { type: 'audio', capture: false, recv: true },
    ]);
    expect(tile.status().state).toBe('connecting');
    handle.connect();
    expect(surface.shown.at(-1)?.map((track) => track.kind)).toEqual(['video']);
    surface.frame();
    expect(tile.status()).toMatchObject({ state: 'live', attempt: 0 });
    expect(states).toEqual(['connecting', 'live']);
  });

  it('shows a camera audio track beside its video, but goes live only once the video is there', async () => {
    const { janus, player } = setup();
    const { tile, surface } = play(player);
    await janus.watching();
    const handle = janus.lastHandle();
    // Janus's offer for a camera with audio lists the audio (mid "a") first.
    handle.callbacks.onremotetrack({ id: 'a', kind: 'audio' }, 'a', true, { reason: 'created' });
    surface.frame();
    expect(tile.status().state).toBe('connecting');
    handle.connect({ id: 'v', kind: 'video' });
    expect(surface.shown.at(-1)?.map((track) => track.kind)).toEqual(['audio', 'video']);
    surface.frame();
    expect(tile.status().state).toBe('live');
  });

  it('a tile playing a prefetched camera watches with that stream info instead of fetching it', async () => {
    const { janus, station, player } = setup();
    player.prefetch(['lobby', 'gate', 'lobby']);
    expect(station.calls).toEqual(['lobby', 'gate']);
    play(player, 'lobby');
    await janus.watching();
    expect(station.calls).toEqual(['lobby', 'gate']);
    expect(janus.lastHandle().requests[0]).toMatchObject({ request: 'watch', id: 1005 });
  });

  it('goes live when getStats shows decoded frames even without a video event', async () => {
    const { clock, janus, player } = setup();
    const { tile } = play(player);
    await janus.watching();
    janus.lastHandle().callbacks.onremotetrack({ id: 'v', kind: 'video' }, '0', true);
    janus.lastHandle().inbound = { framesDecoded: 12, bytesReceived: 5000, timestamp: 1000 };
    await clock.advance(1000);
    expect(tile.status().state).toBe('live');
  });

  it("opens the session at the door with the first tile's ticket (in the URL and as token) and the station ICE servers, never an api secret", async () => {
    const { janus, player } = setup();
    play(player);
    await janus.watching();
    const options = janus.lastSession().options;
    expect(options.server).toBe('ws://127.0.0.1:3000/janus?ticket=ticket-1');
    expect(options.iceServers).toEqual([]);
    expect(options.token).toBe('ticket-1');
    expect(options).not.toHaveProperty('apisecret');
  });

  it('hands the ICE servers the station lists to janus.js (never a public STUN default)', async () => {
    const clock = new FakeClock();
    const janus = new FakeJanus();
    const station = fakeStation({
      iceServers: [{ urls: 'turn:127.0.0.1:3478', username: 'u', credential: 'c' }],
    });
    const player = createPlayerCore({ streamInfo: station.streamInfo, janus: janus.Janus, clock }, () =>
      Promise.reject(new Error('unused')),
    );
    player.play('lobby', new FakeSurface());
    await janus.watching();
    expect(janus.lastSession().options.iceServers).toEqual([
      { urls: 'turn:127.0.0.1:3478', username: 'u', credential: 'c' },
    ]);
  });

  it("attaches each tile's handle with its own camera's ticket", async () => {
    const { janus, player } = setup();
    play(player, 'a');
    play(player, 'bb');
    await janus.watching(2);
    expect(janus.sessions).toHaveLength(1);
    expect(janus.handles.map((handle) => handle.callbacks.token)).toEqual(['ticket-1', 'ticket-2']);
  });

  it('shares one session per Janus server between tiles, one handle per tile', async () => {
    const { janus, player } = setup();
    play(player, 'a');
    play(player, 'b');
    play(player, 'c');
    await janus.watching(3);
    expect(janus.sessions).toHaveLength(1);
    expect(janus.liveHandles()).toHaveLength(3);
  });

  it('re-watches with a fresh stream info after Janus hangs up, with backoff, and resets the attempts when live', async () => {
    const { clock, janus, station, player } = setup();
    const { tile, surface, states } = play(player);
    await janus.watching();
    const first = janus.lastHandle();
    first.connect();
    surface.frame();
    first.callbacks.webrtcState(false, 'Close PC');
    expect(tile.status()).toMatchObject({
      state: 'reconnecting',
      attempt: 1,
      reason: 'PeerConnection down: Close PC',
    });
    expect(first.hungUp).toBe(true);
    expect(first.detached).toEqual({ noRequest: false });
    expect(clock.pending()).toEqual([500]);
    await clock.advance(500);
    expect(station.calls).toHaveLength(2);
    const second = janus.lastHandle();
    expect(second).not.toBe(first);
    second.connect();
    surface.frame();
    expect(tile.status()).toMatchObject({ state: 'live', attempt: 0 });
    expect(states).toEqual(['connecting', 'live', 'reconnecting', 'live']);
  });

  it('backs off 500 ms doubling to the 10 s cap, forever, and shows error after five failures while retrying', async () => {
    const { clock, janus, player } = setup();
    const { tile } = play(player);
    const delays: number[] = [];
    for (let failure = 1; failure <= 8; failure++) {
      await janus.watching();
      janus
        .lastHandle()
        .callbacks.onmessage({ streaming: 'event', error_code: 455, error: 'No such mountpoint' });
      delays.push(clock.pending()[0] ?? -1);
      await clock.advance(clock.pending()[0] ?? 0);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
    expect(tile.status()).toMatchObject({
      state: 'error',
      attempt: 8,
      reason: 'streaming error 455 No such mountpoint',
    });
  });

  it('honours a custom backoff', async () => {
    const { clock, janus, player } = setup({ backoff: { initialDelayMs: 100, maxDelayMs: 250 } });
    play(player);
    const delays: number[] = [];
    for (let failure = 1; failure <= 4; failure++) {
      await janus.watching();
      janus.lastHandle().callbacks.iceState('failed');
      delays.push(clock.pending()[0] ?? -1);
      await clock.advance(clock.pending()[0] ?? 0);
    }
    expect(delays).toEqual([100, 200, 250, 250]);
  });

  it('keeps at most one handle alive per tile over 100 failures of every kind', async () => {
    const { clock, janus, player } = setup();
    play(player, 'a');
    play(player, 'b');
    await janus.watching(2);
    let maxLive = 0;
    // Each round ends with clock.advance, which lets everything the failure set off settle.
    for (let failure = 0; failure < 100; failure++) {
      const live = janus.liveHandles();
      maxLive = Math.max(maxLive, live.length);
      const handle = live[failure % live.length];
      if (!handle) throw new Error('no live handle');
      switch (failure % 5) {
        case 0:
          handle.callbacks.webrtcState(false, 'hangup');
          break;
        case 1:
          handle.callbacks.iceState('failed');
          break;
        case 2:
          handle.callbacks.ondetached();
          break;
        case 3:
          handle.callbacks.onmessage({ streaming: 'event', result: { status: 'stopped' } });
          break;
        default:
          janus.lastSession().lose();
      }
      await clock.advance(10_000);
    }
    expect(maxLive).toBe(2);
    expect(janus.liveHandles()).toHaveLength(2);
    expect(janus.handles.length).toBeGreaterThan(100);
    expect(janus.sessions.filter((session) => !session.destroyed)).toHaveLength(1);
  });

  it('a live tile whose stream the door ends (its camera moved gateways: stopped, then hangup) watches again within 1 s', async () => {
    const { clock, janus, player } = setup();
    const { tile, surface } = play(player);
    await janus.watching();
    const first = janus.lastHandle();
    first.connect();
    surface.frame();
    first.callbacks.onmessage({ streaming: 'event', result: { status: 'stopped' } });
    first.callbacks.webrtcState(false, 'The camera moved to another gateway: watch it again');
    expect(tile.status()).toMatchObject({ state: 'reconnecting', reason: 'the stream stopped', attempt: 1 });
    await clock.advance(1_000);
    await janus.watching();
    expect(janus.lastHandle()).not.toBe(first);
    expect(janus.lastHandle().requests[0]).toMatchObject({ request: 'watch', id: 1005 });
  });

  it('recreates the session when it is lost (Janus restart) and re-watches every tile on it', async () => {
    const { clock, janus, player } = setup();
    const tiles = ['a', 'b', 'c'].map((id) => play(player, id));
    await janus.watching(3);
    for (const handle of janus.handles) handle.connect();
    for (const { surface } of tiles) surface.frame();
    const old = janus.lastSession();
    const oldHandles = [...janus.handles];
    old.lose();
    for (const { tile } of tiles) {
      expect(tile.status()).toMatchObject({
        state: 'reconnecting',
        reason: expect.stringContaining('Janus session lost') as unknown,
      });
    }
    // Janus forgot the handles: they are dropped locally, without requests.
    expect(oldHandles.map((handle) => handle.detached)).toEqual(Array(3).fill({ noRequest: true }));
    expect(old.destroyed).toBe(true);
    await clock.advance(500);
    expect(janus.sessions).toHaveLength(2);
    expect(janus.liveHandles().map((handle) => handle.session)).toEqual(Array(3).fill(janus.lastSession()));
    expect(janus.liveHandles().every((handle) => handle.requests[0]?.request === 'watch')).toBe(true);
  });

  it('retries when the session cannot be created', async () => {
    const { clock, janus, player } = setup();
    janus.refuseSessions = true;
    const { tile } = play(player);
    await vi.waitFor(() => {
      expect(tile.status()).toMatchObject({ state: 'reconnecting', attempt: 1 });
    });
    expect(tile.status().reason).toContain('Is the server down?');
    janus.refuseSessions = false;
    await clock.advance(500);
    expect(janus.sessions).toHaveLength(2);
    expect(janus.liveHandles()).toHaveLength(1);
  });

  it('retries when stream info fails', async () => {
    const clock = new FakeClock();
    const janus = new FakeJanus();
    const station = fakeStation();
    let fail = true;
    const player = createPlayerCore(
      {
        streamInfo: (id) => (fail ? Promise.reject(new Error('503 gateway down')) : station.streamInfo(id)),
        janus: janus.Janus,
        clock,
      },
      () => Promise.reject(new Error('unused')),
    );
    const tile = player.play('lobby', new FakeSurface());
    await vi.waitFor(() => {
      expect(tile.status()).toMatchObject({ state: 'reconnecting', reason: 'stream info: 503 gateway down' });
    });
    fail = false;
    await clock.advance(500);
    expect(janus.liveHandles()).toHaveLength(1);
  });

  it('re-watches after ICE stays disconnected too long, not after a short blip', async () => {
    const { clock, janus, player } = setup({ iceDisconnectedMs: 4000 });
    const { tile, surface } = play(player);
    await janus.watching();
    const handle = janus.lastHandle();
    handle.connect();
    surface.frame();
    handle.callbacks.iceState('disconnected');
    await clock.advance(3000);
    handle.callbacks.iceState('connected');
    await clock.advance(5000);
    expect(tile.status().state).toBe('live');
    handle.callbacks.iceState('disconnected');
    await clock.advance(4000);
    expect(tile.status()).toMatchObject({ state: 'reconnecting', reason: 'ICE disconnected for 4000 ms' });
  });

  it('abandons an attempt that shows no frame within the connect timeout', async () => {
    const { clock, janus, player } = setup({ connectTimeoutMs: 8000 });
    janus.offers = false;
    const { tile } = play(player);
    await clock.advance(8000);
    expect(tile.status()).toMatchObject({ state: 'reconnecting', reason: 'no video within 8000 ms' });
    expect(janus.liveHandles()).toHaveLength(0);
  });

  it('marks a tile stale when framesDecoded stalls and live again when frames advance', async () => {
    const { clock, janus, player } = setup({ staleAfterMs: 3000 });
    const { tile, surface, states } = play(player);
    await janus.watching();
    const handle = janus.lastHandle();
    handle.connect();
    handle.flowing = false;
    surface.frame();
    let frames = 0;
    for (let second = 1; second <= 3; second++) {
      frames += 25;
      handle.inbound = { framesDecoded: frames, bytesReceived: frames * 1000, timestamp: second * 1000 };
      await clock.advance(1000);
    }
    expect(tile.status().state).toBe('live');
    const staleFrom = clock.now();
    await clock.advance(3000);
    expect(tile.status()).toMatchObject({ state: 'stale', since: staleFrom + 3000 });
    expect(janus.liveHandles()).toEqual([handle]);
    handle.inbound = { framesDecoded: frames + 25, bytesReceived: frames * 1000 + 25_000, timestamp: 7000 };
    await clock.advance(1000);
    expect(tile.status().state).toBe('live');
    expect(states).toEqual(['connecting', 'live', 'stale', 'live']);
  });

  it('reports stats from the latest getStats sample', async () => {
    const { clock, janus, player } = setup();
    const { tile, surface } = play(player);
    await janus.watching();
    const handle = janus.lastHandle();
    handle.connect();
    handle.flowing = false;
    surface.frame();
    expect(await tile.stats()).toBeUndefined();
    handle.inbound = {
      framesDecoded: 100,
      bytesReceived: 100_000,
      timestamp: 1000,
      frameWidth: 1280,
      frameHeight: 720,
    };
    await clock.advance(1000);
    handle.inbound = {
      framesDecoded: 125,
      bytesReceived: 225_000,
      timestamp: 2000,
      frameWidth: 1280,
      frameHeight: 720,
    };
    await clock.advance(1000);
    expect(await tile.stats()).toMatchObject({
      width: 1280,
      height: 720,
      fps: 25,
      bitrateKbps: 1000,
      framesDecoded: 125,
    });
  });

  it('pauses with a Janus pause request (keeping the handle) and resumes with start', async () => {
    const { clock, janus, player } = setup();
    const { tile, surface, states } = play(player);
    await janus.watching();
    const handle = janus.lastHandle();
    handle.connect();
    surface.frame();
    tile.pause();
    tile.pause();
    expect(handle.requests.map((request) => request.request)).toEqual(['watch', 'start', 'pause']);
    expect(handle.live).toBe(true);
    // No stale while paused, however long.
    await clock.advance(60_000);
    expect(tile.status().state).toBe('paused');
    tile.resume();
    expect(handle.requests.map((request) => request.request)).toEqual(['watch', 'start', 'pause', 'start']);
    expect(handle.requests.at(-1)).not.toHaveProperty('jsep');
    expect(states).toEqual(['connecting', 'live', 'paused', 'live']);
  });

  it('drops a connecting attempt on pause and watches afresh on resume', async () => {
    const { janus, player } = setup();
    const { tile } = play(player);
    await janus.watching();
    tile.pause();
    expect(janus.liveHandles()).toHaveLength(0);
    tile.resume();
    await janus.watching();
    expect(tile.status().state).toBe('connecting');
    expect(janus.liveHandles()).toHaveLength(1);
  });

  it('stop() hangs up, detaches and releases the video, once; later events change nothing', async () => {
    const { clock, janus, player } = setup();
    const { tile, surface, states } = play(player);
    await janus.watching();
    const handle = janus.lastHandle();
    handle.connect();
    surface.frame();
    const first = tile.stop();
    const second = tile.stop();
    expect(second).toBe(first);
    await first;
    expect(handle.hungUp).toBe(true);
    expect(handle.detached).toEqual({ noRequest: false });
    expect(surface.released).toBe(true);
    expect(surface.listenerCount()).toBe(0);
    handle.callbacks.webrtcState(false);
    await clock.advance(60_000);
    expect(states).toEqual(['connecting', 'live', 'stopped']);
    expect(janus.handles).toHaveLength(1);
  });

  it('stop() during connecting leaves no handle behind when the attach answers late', async () => {
    const { clock, janus, player } = setup();
    const { tile } = play(player);
    await tile.stop();
    // Whatever was still on its way (stream info, session, attach) arrives during this second.
    await clock.advance(1000);
    expect(janus.liveHandles()).toHaveLength(0);
  });

  it('destroy() stops every tile and destroys the session', async () => {
    const { janus, player } = setup();
    const tiles = ['a', 'b'].map((id) => play(player, id));
    await janus.watching(2);
    await player.destroy();
    expect(tiles.map(({ tile }) => tile.status().state)).toEqual(['stopped', 'stopped']);
    expect(janus.liveHandles()).toHaveLength(0);
    expect(janus.lastSession().destroyed).toBe(true);
    expect(() => player.play('a', new FakeSurface())).toThrow(/destroyed/);
  });

  it('sets the mute state of the video', () => {
    const { player } = setup();
    const { tile, surface } = play(player);
    tile.setMuted(false);
    expect(surface.muted).toBe(false);
  });
});
