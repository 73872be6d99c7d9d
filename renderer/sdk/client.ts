import type { Alarm, AlarmActionInput, AlarmInput, AlarmQuery, AlarmSnoozeInput } from '../../common/alarms';
import type { MessageBody } from '../../common/answers';
import type { CameraInput, CameraView, StreamInfo } from '../../common/camera';
import type { HealthReport } from '../../common/health';
import type { RecordingsQuery, RecordingTimeline } from '../../common/recording';
import { browserMediaEnv, httpPlaybackSource, type MediaEnv, type PlaybackHandle } from '../playback';
import { createStreamPlayer } from '../player';
import type { PlayerTile, StreamPlayer, TileStatus } from '../player/types';
import { createStationHttpClient, type FetchLike, type StationHttpClient } from '../station-api/http-client';
import { VASError } from './errors';
import { Playbacks, type StartPlaybackOptions } from './playbacks';
import { subscribeOverFetch } from './event-stream';

/** Makes the stream player the client plays through, given how to fetch a camera's stream info. */
export type PlayerFactory = (streamInfo: (cameraId: string) => Promise<StreamInfo>) => StreamPlayer;

/** How a `VASJanusClient` reaches the station. */
export interface VASJanusClientOptions {
  /** A station API key (`vigil_view_…` to watch, `vigil_manage_…` to change cameras), sent as a bearer token. */
  apiKey?: string;
  /** The `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
  /** Makes the stream player (default: Vigil's Janus player); tests pass a fake. */
  createPlayer?: PlayerFactory;
  /** Where recorded playback gets its MediaSources (default: the browser's); tests pass a fake. */
  media?: MediaEnv;
}

/** Options of `startCameraStream`. */
export interface StartStreamOptions {
  /** Mute the video (browsers only autoplay muted video; cameras here send video only). */
  muted?: boolean;
  /** Called with each status change of the stream: connecting, live, reconnecting, stale, … */
  onStatus?: (status: TileStatus) => void;
}

/** The station's answer to restart and remove: `{ message }`. */
export type StationMessage = MessageBody;

/** An alarm announcement: raised, or changed (acknowledged, snoozed, back from a snooze, closed, ended). */
export interface AlarmEvent {
  type: 'alarm.raised' | 'alarm.updated';
  alarm: Alarm;
  at: string;
}

interface ActiveStream {
  tile: PlayerTile;
  video: HTMLVideoElement;
  unsubscribe: () => void;
}

const defaultPlayer: PlayerFactory = (streamInfo) => createStreamPlayer({ streamInfo });

/**
 * The VAS portal's client for a Vigil station: the seed's camera REST API plus live playback into a
 * `<video>` element through the station's Janus door (the station's own port; never Janus's), and recorded
 * playback from any instant.
 *
 * @example
 * const client = new VASJanusClient('http://127.0.0.1:3000', { apiKey });
 * await client.startCameraStream('entrance_cam', document.querySelector('video')!);
 * await client.stopCameraStream('entrance_cam');
 * const replay = await client.startPlayback('entrance_cam', video, { from: Date.now() - 30_000 });
 * replay.setRate(4);
 * await client.stopPlayback('entrance_cam');
 */
export class VASJanusClient {
  private readonly station: StationHttpClient;
  private readonly createPlayer: PlayerFactory;
  private player: StreamPlayer | undefined;
  private readonly streams = new Map<string, ActiveStream>();
  /** The ticket of each camera's start that is still fetching stream info; a stop or newer start drops it. */
  private readonly starting = new Map<string, number>();
  /** Stream info fetched by `startCameraStream`, handed to the player's first watch of that camera. */
  private readonly prefetched = new Map<string, StreamInfo>();
  private readonly playbacks: Playbacks;
  private tickets = 0;
  private readonly events: { baseUrl: string; apiKey: string | undefined; fetch: FetchLike };

  constructor(baseUrl: string, options: VASJanusClientOptions = {}) {
    this.station = createStationHttpClient({ baseUrl, apiKey: options.apiKey, fetch: options.fetch });
    this.createPlayer = options.createPlayer ?? defaultPlayer;
    const source = httpPlaybackSource({ baseUrl, apiKey: options.apiKey, fetch: options.fetch });
    this.playbacks = new Playbacks(source, () => options.media ?? browserMediaEnv());
    const fetcher = options.fetch;
    this.events = {
      baseUrl,
      apiKey: options.apiKey,
      fetch:
        fetcher === undefined
          ? (url, init) => globalThis.fetch(url, init)
          : (url, init) => fetcher(url, init),
    };
  }

  /**
   * Raises an alarm (`POST /alarms`; an `alarm` or manage key). Give `source` and your own `external_id`: a retry
   * with the same pair answers the first alarm instead of raising a second.
   * @example
   * await client.raiseAlarm({ camera_ids: ['gate'], severity: 'critical', title: 'Fence cut', external_id: 'evt-42' });
   */
  raiseAlarm(input: AlarmInput): Promise<Alarm> {
    return this.station.raiseAlarm(input);
  }

  /** Alarms, newest first (`GET /alarms`), filtered by state, camera, severity, occurred_at range, limit. */
  listAlarms(query: AlarmQuery = {}): Promise<Alarm[]> {
    return this.station.listAlarms(query);
  }

  /** One alarm with its history (`GET /alarms/{id}`). */
  getAlarm(alarmId: string): Promise<Alarm> {
    return this.station.getAlarm(alarmId);
  }

  /** Acknowledges an alarm (manage key; a critical one needs a note); rejects 409 when it is closed. */
  acknowledgeAlarm(alarmId: string, input: AlarmActionInput = {}): Promise<Alarm> {
    return this.station.acknowledgeAlarm(alarmId, input);
  }

  /** Closes an alarm (manage key). */
  closeAlarm(alarmId: string, input: AlarmActionInput = {}): Promise<Alarm> {
    return this.station.closeAlarm(alarmId, input);
  }

  /** Snoozes an alarm for `minutes`; it returns to the state it had by itself. */
  snoozeAlarm(alarmId: string, input: AlarmSnoozeInput): Promise<Alarm> {
    return this.station.snoozeAlarm(alarmId, input);
  }

  /**
   * Calls `listener` with every alarm raised or changed on the station (its `/events`, read with this client's
   * key; reconnects by itself). Returns the function that stops listening.
   * @example
   * const stop = client.onAlarm(({ type, alarm }) => console.log(type, alarm.title, alarm.state));
   */
  onAlarm(listener: (event: AlarmEvent) => void): () => void {
    return subscribeOverFetch(this.events, (event) => {
      if (event.type === 'alarm.raised' || event.type === 'alarm.updated') listener(event);
    });
  }

  /** Adds a camera (`POST /cameras`; needs a manage key); the station probes it first unless `skip_probe`. */
  addCamera(input: CameraInput): Promise<CameraView> {
    return this.station.addCamera(input);
  }

  /** Every camera with its health (`GET /cameras`). */
  getCameras(): Promise<CameraView[]> {
    return this.station.listCameras();
  }

  /** One camera (`GET /cameras/{id}`). */
  getCamera(cameraId: string): Promise<CameraView> {
    return this.station.getCamera(cameraId);
  }

  /**
   * What a viewer needs to play the camera (`GET /cameras/{id}/stream`): the station's Janus door (`janus_url`, with
   * a viewer ticket, works in any Janus client as given), the stream id and the ticket. No pin: the door adds it.
   */
  getStreamInfo(cameraId: string): Promise<StreamInfo> {
    return this.station.streamInfo(cameraId);
  }

  /** Re-creates the camera's stream on the gateway (`POST /cameras/{id}/restart`); players re-watch by themselves. */
  restartCamera(cameraId: string): Promise<StationMessage> {
    return this.station.restartCamera(cameraId);
  }

  /** Removes the camera (`DELETE /cameras/{id}`) and stops this client's stream of it. */
  async removeCamera(cameraId: string): Promise<StationMessage> {
    const answer = await this.station.removeCamera(cameraId);
    await this.stopCameraStream(cameraId);
    return answer;
  }

  /**
   * What is recorded of the camera within [from, to] (`GET /cameras/{id}/recordings`; default: the oldest
   * recording to now): the recorded `spans` and the `gaps` between them, ISO 8601 UTC.
   */
  getRecordings(cameraId: string, range: RecordingsQuery = {}): Promise<RecordingTimeline> {
    return this.station.listRecordings(cameraId, range);
  }

  /** Station health (`GET /health`), with per-camera detail when the client has a key. */
  checkHealth(): Promise<HealthReport> {
    return this.station.health();
  }

  /**
   * Plays the camera into `videoElement`, replacing this client's earlier stream of it. Resolves with the
   * player tile once the stream info is fetched and the player is connecting; rejects with a `VASError`
   * when the station refuses (unknown camera, bad key) or a stop came first (`VIGIL_ERR_CANCELLED`).
   */
  async startCameraStream(
    cameraId: string,
    videoElement: HTMLVideoElement,
    options: StartStreamOptions = {},
  ): Promise<PlayerTile> {
    const ticket = ++this.tickets;
    this.starting.set(cameraId, ticket);
    let info: StreamInfo;
    let current: boolean;
    try {
      info = await this.getStreamInfo(cameraId);
      // The earlier stream (or a recorded playback in this element) lets go before the new one takes it.
      await this.stopTile(cameraId);
      await this.playbacks.stopInto(videoElement);
    } finally {
      current = this.starting.get(cameraId) === ticket;
      if (current) this.starting.delete(cameraId);
    }
    if (!current) {
      throw new VASError('VIGIL_ERR_CANCELLED', `The stream of ${cameraId} was stopped before it started`);
    }
    this.prefetched.set(cameraId, info);
    const player = (this.player ??= this.createPlayer((id) => this.streamInfoForPlayer(id)));
    const tile = player.play(
      cameraId,
      videoElement,
      options.muted === undefined ? undefined : { muted: options.muted },
    );
    const { onStatus } = options;
    const unsubscribe = onStatus ? tile.onStatus(onStatus) : () => undefined;
    this.streams.set(cameraId, { tile, video: videoElement, unsubscribe });
    return tile;
  }

  /** Stops the camera's stream (its peer connection and Janus handle are closed); a no-op when not playing. */
  async stopCameraStream(cameraId: string): Promise<void> {
    this.starting.delete(cameraId);
    await this.stopTile(cameraId);
  }

  /** The cameras this client is playing now. */
  activeStreams(): string[] {
    return [...this.streams.keys()];
  }

  /**
   * Plays the camera's recording from `options.from` into `videoElement` (fragmented MP4 from
   * `GET /cameras/{id}/playback`, appended through Media Source Extensions), replacing this client's earlier
   * playback of the camera and any live stream in that element. Resolves with the playback's controls (pause,
   * speed 1×/2×/4×/8×, frame step, seek) once the station answered; rejects with a `VASError` when it refuses
   * (unknown camera, nothing recorded there: `VIGIL_ERR_RECORDING_NOT_FOUND`, bad key), on a `from` that is no
   * instant (`VIGIL_ERR_VALIDATION`), or when a stop came first (`VIGIL_ERR_CANCELLED`).
   * @example
   * const replay = await client.startPlayback('lobby', video, { from: '2026-12-02T14:02:11Z' });
   * replay.stepFrame(1);
   */
  async startPlayback(
    cameraId: string,
    videoElement: HTMLVideoElement,
    options: StartPlaybackOptions,
  ): Promise<PlaybackHandle> {
    const live = [...this.streams].find(([, stream]) => stream.video === videoElement);
    if (live) await this.stopCameraStream(live[0]);
    return this.playbacks.start(cameraId, videoElement, options);
  }

  /**
   * Stops the camera's recorded playback: the request is aborted, the MediaSource freed and the element
   * cleared; a no-op when not playing (a start still under way rejects with `VIGIL_ERR_CANCELLED`).
   */
  stopPlayback(cameraId: string): Promise<void> {
    return this.playbacks.stop(cameraId);
  }

  /** The cameras this client plays recordings of now. */
  activePlaybacks(): string[] {
    return this.playbacks.cameras();
  }

  /** Stops every stream and playback and closes the player's Janus session; the client can start again later. */
  async destroy(): Promise<void> {
    this.starting.clear();
    await this.playbacks.stopAll();
    await Promise.all([...this.streams.keys()].map((cameraId) => this.stopTile(cameraId)));
    const player = this.player;
    this.player = undefined;
    await player?.destroy();
  }

  private async stopTile(cameraId: string): Promise<void> {
    this.prefetched.delete(cameraId);
    const active = this.streams.get(cameraId);
    if (!active) return;
    this.streams.delete(cameraId);
    active.unsubscribe();
    await active.tile.stop();
  }

  private streamInfoForPlayer(cameraId: string): Promise<StreamInfo> {
    const info = this.prefetched.get(cameraId);
    if (!info) return this.getStreamInfo(cameraId);
    this.prefetched.delete(cameraId);
    return Promise.resolve(info);
  }
}
