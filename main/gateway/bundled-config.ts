// The Janus configuration a bundled Janus (native process or container) gets from the station's settings:
// its listeners, CORS, ICE and port ranges, with the same defaults for both.
import type { JanusConfigOptions, JanusListener, PortRange } from './janus-config';
import { DEFAULT_NATIVE_PORTS, type NativePorts } from './native-ports';

/** The settings of a Janus the station runs itself; everything but `origin` has a default. */
export interface BundledJanusSettings {
  /**
   * The station's own URL origin (e.g. `http://127.0.0.1:3000`): what the station and its Janus door send as
   * `Origin`, and Janus's `allow_origin` (CORS enforced): viewers reach Janus only through the door.
   */
  origin: string;
  /** Listener ports (default 8088 HTTP, 8188 WS, 7088 admin HTTP, admin WS off). */
  ports?: Partial<NativePorts>;
  /** `general.interface`: the address ICE host candidates use. */
  iceInterface?: string | undefined;
  /** `nat.ice_enforce_list`: the only interfaces ICE gathers candidates on. */
  iceEnforceList?: string | undefined;
  /** Janus's RTP/ICE range (default 10000-19999). */
  mediaRtpPortRange?: PortRange;
  /** The streaming plugin's RTP/RTSP range (default 20000-29999). */
  streamingRtpPortRange?: PortRange;
  /** Janus `session_timeout` (default 60 s). */
  sessionTimeoutSeconds?: number;
  /** Janus debug level 0-7 (default 4, info). */
  debugLevel?: number;
  /** The folder with the .jcfg templates (default the repository's config/; an installed app passes its own). */
  templatesDir?: string | undefined;
}

/** A bundled Janus's listeners: the Janus API over HTTP and WebSocket and the Admin API, always on. */
export interface BundledListeners {
  http: JanusListener;
  ws: JanusListener;
  adminHttp: JanusListener;
  adminWs?: JanusListener;
}

/** The listeners at `ip` and the config options (all but folder and secrets) for these settings. */
export function bundledJanusConfig(
  settings: BundledJanusSettings,
  ip: string,
  defaults: { media: PortRange; streaming: PortRange } = {
    media: { min: 10000, max: 19999 },
    streaming: { min: 20000, max: 29999 },
  },
): { ports: NativePorts; options: Omit<JanusConfigOptions<BundledListeners>, 'dir' | 'secrets'> } {
  const ports = { ...DEFAULT_NATIVE_PORTS, ...settings.ports };
  const at = (port: number): JanusListener => ({ ip, port });
  return {
    ports,
    options: {
      listeners: {
        http: at(ports.http),
        ws: at(ports.ws),
        adminHttp: at(ports.adminHttp),
        ...(ports.adminWs === undefined ? {} : { adminWs: at(ports.adminWs) }),
      },
      tokenAuth: true,
      cors: { allowOrigin: settings.origin, enforce: true },
      ...(settings.iceInterface === undefined ? {} : { iceInterface: settings.iceInterface }),
      ...(settings.iceEnforceList === undefined ? {} : { iceEnforceList: settings.iceEnforceList }),
      mediaRtpPortRange: settings.mediaRtpPortRange ?? defaults.media,
      streamingRtpPortRange: settings.streamingRtpPortRange ?? defaults.streaming,
      sessionTimeoutSeconds: settings.sessionTimeoutSeconds ?? 60,
      logToStdout: true,
      debugLevel: settings.debugLevel ?? 4,
    },
  };
}
