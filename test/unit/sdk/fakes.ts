import { vi } from 'vitest';

import type { CameraView, StreamInfo } from '../../../common/camera';
import type { PlayerTile, StreamPlayer, TileState, TileStatus } from '../../../renderer/player/types';

/** One request the fake fetch saw. */
export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = Response | (() => Response | Promise<Response>);

/** A fetch that records requests and answers from a queue (default: 200 `{}`). */
export function fakeFetch(...answers: Answer[]): { fetch: typeof fetch; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetch = vi.fn(async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    seen.push({ url, method: init?.method ?? 'GET', headers, body });
    const answer = answers.shift() ?? json({});
    return typeof answer === 'function' ? answer() : answer;
  });
  return { fetch, seen };
}

/** A JSON answer. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A player tile that only records what was asked of it. */
export interface FakeTile extends PlayerTile {
  readonly stop: ReturnType<typeof vi.fn<() => Promise<void>>>;
  readonly listeners: Set<(status: TileStatus) => void>;
  emit(state: TileState, reason?: string): void;
}

/** A stream player that hands out fake tiles and remembers which are still live. */
export interface FakePlayer extends StreamPlayer {
  readonly live: Set<FakeTile>;
  /** Every tile it handed out, in order. */
  readonly tiles: FakeTile[];
  readonly played: { cameraId: string; video: HTMLVideoElement; options: { muted?: boolean } | undefined }[];
  readonly destroyed: boolean;
}

/** Makes a fake tile. */
export function fakeTile(cameraId: string, onStop: (tile: FakeTile) => void = () => undefined): FakeTile {
  let status: TileStatus = { state: 'connecting', since: 0, attempt: 0 };
  const listeners = new Set<(status: TileStatus) => void>();
  const tile: FakeTile = {
    cameraId,
    listeners,
    status: () => status,
    onStatus: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stats: () => Promise.resolve(undefined),
    pause: () => undefined,
    resume: () => undefined,
    setMuted: () => undefined,
    stop: vi.fn(() => {
      onStop(tile);
      return Promise.resolve();
    }),
    emit(state, reason) {
      status = { state, since: status.since + 1, attempt: status.attempt, ...(reason ? { reason } : {}) };
      for (const listener of listeners) listener(status);
    },
  };
  return tile;
}

/** Makes a fake player. */
export function fakePlayer(): FakePlayer {
  const live = new Set<FakeTile>();
  const tiles: FakeTile[] = [];
  const played: FakePlayer['played'] = [];
  let destroyed = false;
  return {
    live,
    tiles,
    played,
    get destroyed() {
      return destroyed;
    },
    play(cameraId, video, options) {
      played.push({ cameraId, video, options });
      const tile = fakeTile(cameraId, (stopped) => live.delete(stopped));
      live.add(tile);
      tiles.push(tile);
      return tile;
    },
    prefetch() {
      // The SDK plays one camera at a time: nothing to fetch ahead.
    },
    destroy() {
      destroyed = true;
      live.clear();
      return Promise.resolve();
    },
  };
}

/** A stand-in `<video>` element (the tests never touch the DOM). */
export const video = {} as HTMLVideoElement;

/** A camera as `GET /cameras` shows it. */
export function cameraView(cameraId: string): CameraView {
  const at = '2025-01-01T14:02:11.000Z';
  return {
    camera_id: cameraId,
    name: `Camera ${cameraId}`,
    status: 'live',
    stream_id: 1001,
    websocket_url: 'ws://127.0.0.1:3000/janus',
    rtsp_url: 'rtsp://127.0.0.2:8554/cam',
    username: 'admin',
    has_password: true,
    auth_method: 'digest',
    description: '',
    enabled: true,
    audio: false,
    substream_url: null,
    tags: [],
    health: { state: 'live', since: at, reconnects: 0, viewers: 0 },
    created_at: at,
    updated_at: at,
  };
}

/** What `GET /cameras/{id}/stream` answers. */
export function streamInfo(cameraId: string): StreamInfo {
  return {
    camera_id: cameraId,
    stream_id: 1001,
    janus_url: 'ws://127.0.0.1:3000/janus?ticket=ticket-abcd',
    websocket_url: 'ws://127.0.0.1:3000/janus',
    plugin: 'janus.plugin.streaming',
    ice_servers: [],
    ticket: 'ticket-abcd',
    ticket_expires_at: '2025-01-01T14:07:11.000Z',
    stream_info: { id: 1001, type: 'rtsp', description: `Camera ${cameraId}` },
  };
}
