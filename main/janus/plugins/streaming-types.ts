/** Mountpoint id: a number, or a string when the plugin runs with `string_ids`. */
export type MountpointId = number | string;

/** Fields every `create` accepts (janus_streaming.c create_parameters). */
interface MountpointCommon {
  id?: MountpointId;
  name?: string;
  description?: string;
  /** Free text (often JSON) handed to viewers. */
  metadata?: string;
  /** Needed to edit/destroy/enable/disable and to see full `info`. Always set one (see DESIGN.md). */
  secret?: string;
  /** Needed to `watch`. */
  pin?: string;
  /** Hidden from `list`. */
  is_private?: boolean;
  /** Saves the mountpoint to the plugin's config file. Never with RTSP credentials: they are written in plaintext. */
  permanent?: boolean;
  /** Defaults to the adminKey given to `attachStreaming`. */
  admin_key?: string;
}

/** An RTSP source (janus_streaming.c rtsp_parameters; Janus 1.1 takes no media array for RTSP). */
export interface RtspMountpointOptions extends MountpointCommon {
  type: 'rtsp';
  url: string;
  rtsp_user?: string;
  rtsp_pwd?: string;
  /** Try a path-only DESCRIBE after a 404. */
  rtsp_quirk?: boolean;
  /** Interface or IP to receive the RTP on (Janus spells it without underscore). */
  rtspiface?: string;
  /** Fail `create` when the camera cannot be reached (default true); false keeps retrying. */
  rtsp_failcheck?: boolean;
  /** Seconds without media before reconnecting. */
  rtsp_reconnect_delay?: number;
  rtsp_session_timeout?: number;
  /** libcurl timeout, seconds. */
  rtsp_timeout?: number;
  /** libcurl connect timeout, seconds. */
  rtsp_conn_timeout?: number;
  audio?: boolean;
  audiopt?: number;
  audiocodec?: string;
  audiofmtp?: string;
  video?: boolean;
  videopt?: number;
  videocodec?: string;
  videofmtp?: string;
  /** Keep the last keyframe for new viewers (first frame in ~0.1 s instead of ~1.5 s). */
  videobufferkf?: boolean;
  threads?: number;
}

/** One stream of an RTP mountpoint (janus_streaming.c rtp_media_parameters). */
export interface RtpMediaOptions {
  type: 'audio' | 'video' | 'data';
  mid: string;
  /** 0 lets Janus pick a port (reported in `CreatedMountpoint.stream.ports`). */
  port: number;
  label?: string;
  msid?: string;
  mcast?: string;
  iface?: string;
  rtcpport?: number;
  pt?: number;
  codec?: string;
  fmtp?: string;
  skew?: boolean;
  /** Video only. */
  bufferkf?: boolean;
  simulcast?: boolean;
  port2?: number;
  port3?: number;
  svc?: boolean;
  /** Data only. */
  buffermsg?: boolean;
}

/** An RTP source fed by an external tool (janus_streaming.c rtp_parameters + media array). */
export interface RtpMountpointOptions extends MountpointCommon {
  type: 'rtp';
  media: RtpMediaOptions[];
  collision?: number;
  threads?: number;
  srtpsuite?: number;
  srtpcrypto?: string;
  e2ee?: boolean;
  playoutdelay_ext?: boolean;
}

/** Options of `create`. */
export type MountpointOptions = RtspMountpointOptions | RtpMountpointOptions;

/** A port Janus bound for one RTP stream. */
export interface MountpointPort {
  type: 'audio' | 'video' | 'data';
  mid: string;
  msid?: string;
  port?: number;
  rtcp_port?: number;
  port_2?: number;
  port_3?: number;
}

/** The answer to `create`, flattened (Janus nests most of it in `stream`). */
export interface CreatedMountpoint {
  id: MountpointId;
  /** The mountpoint's name (Janus's `created`). */
  name: string;
  /** `live` or `on demand`. */
  type: string;
  description?: string;
  is_private?: boolean;
  /** Whether Janus saved it to its config file. */
  permanent: boolean;
  /** RTP mountpoints bound to one address. */
  host?: string;
  /** RTP mountpoints only: the ports Janus bound (port 0 in the request → allocated here). */
  ports?: MountpointPort[];
}

/** Changes `edit` accepts (janus_streaming.c edit_parameters). */
export interface MountpointChanges {
  new_description?: string;
  new_metadata?: string;
  new_secret?: string;
  /** An empty string removes the PIN. */
  new_pin?: string;
  new_is_private?: boolean;
  permanent?: boolean;
  edited_event?: boolean;
}

/** The answer to `edit`. */
export interface EditedMountpoint {
  id: MountpointId;
  permanent: boolean;
}

/** One stream in `list`. */
export interface MountpointStreamSummary {
  mid: string;
  type: 'audio' | 'video' | 'data';
  label?: string;
  msid?: string;
  /** Milliseconds since the last packet: the liveness signal. */
  age_ms?: number;
}

/** One entry of `list`. */
export interface MountpointSummary {
  id: MountpointId;
  type: string;
  description?: string;
  metadata?: string;
  enabled: boolean;
  /** RTP and RTSP mountpoints only. */
  media?: MountpointStreamSummary[];
}

/** One stream in `info`. */
export interface MountpointStreamInfo extends MountpointStreamSummary {
  mindex: number;
  pt?: number;
  codec?: string;
  rtpmap?: string;
  fmtp?: string;
  videobufferkf?: boolean;
  videosimulcast?: boolean;
  videosvc?: boolean;
  skew_compensation?: boolean;
  port?: number;
  rtcpport?: number;
  port2?: number;
  port3?: number;
  recording?: string;
}

/** The answer to `info` (secret-only fields appear when the right secret was given). */
export interface MountpointInfo {
  id: MountpointId;
  name?: string;
  description?: string;
  metadata?: string;
  secret?: string;
  pin?: string;
  is_private?: boolean;
  /** Present with the secret. */
  viewers?: number;
  enabled: boolean;
  type: string;
  rtsp?: boolean;
  url?: string;
  rtsp_user?: string;
  rtsp_pwd?: string;
  rtsp_quirk?: boolean;
  srtp?: boolean;
  collision?: number;
  threads?: number;
  host?: string;
  media: MountpointStreamInfo[];
}

/** Options of `watch`. */
export interface WatchOptions {
  pin?: string;
  /** Mids to receive; all when omitted. */
  media?: string[];
}
