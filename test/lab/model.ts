// The lab's data: what `npm run lab -- up` prints (one JSON line), what the state dir keeps, and the
// environment `exec` and `run` give the command they run.

/** How the lab camera asks for credentials. */
export type CameraAuth = 'digest' | 'basic' | 'none';

/** The camera authentication methods, for argument checks. */
export const CAMERA_AUTH_METHODS: readonly CameraAuth[] = ['digest', 'basic', 'none'];

/** What audio the lab camera sends beside its video: none, Opus 48 kHz or G.711 mu-law (PCMU). */
export type CameraAudio = 'none' | 'opus' | 'pcmu';

/** The camera audio choices, for argument checks. */
export const CAMERA_AUDIO_CODECS: readonly CameraAudio[] = ['none', 'opus', 'pcmu'];

/** What a lab starts. */
export interface LabOptions {
  /** Camera paths /cam1../camN (default 1). */
  cameras?: number;
  /** Default digest; with none the camera accepts any or no credentials. */
  auth?: CameraAuth;
  /** Frames between H.264 keyframes (default 50: 2 s at 25 fps). */
  keyframeInterval?: number;
  /** A live tone as a second (audio) stream on every path (default none). */
  audio?: CameraAudio;
  /** Janus `session_timeout` in seconds (default 60). */
  sessionTimeout?: number;
  /** The only origin Janus accepts (CORS enforced on HTTP and WebSockets; default http://127.0.0.1). */
  allowOrigin?: string;
  /** Also run a Docker engine inside the lab, with the Debian base of the Janus image (default false). */
  docker?: boolean;
}

/** The defaults for every lab option. */
export const LAB_DEFAULTS: Required<LabOptions> = {
  cameras: 1,
  auth: 'digest',
  keyframeInterval: 50,
  audio: 'none',
  sessionTimeout: 60,
  allowOrigin: 'http://127.0.0.1',
  docker: false,
};

/** Fills in defaults and checks ranges; throws an error naming the bad option. */
export function resolveLabOptions(options: LabOptions = {}): Required<LabOptions> {
  const resolved: Required<LabOptions> = {
    cameras: options.cameras ?? LAB_DEFAULTS.cameras,
    auth: options.auth ?? LAB_DEFAULTS.auth,
    keyframeInterval: options.keyframeInterval ?? LAB_DEFAULTS.keyframeInterval,
    audio: options.audio ?? LAB_DEFAULTS.audio,
    sessionTimeout: options.sessionTimeout ?? LAB_DEFAULTS.sessionTimeout,
    allowOrigin: options.allowOrigin ?? LAB_DEFAULTS.allowOrigin,
    docker: options.docker ?? LAB_DEFAULTS.docker,
  };
  const wholeIn = (value: number, min: number, max: number): boolean =>
    Number.isInteger(value) && value >= min && value <= max;
  if (!wholeIn(resolved.cameras, 1, 64)) throw new RangeError('cameras must be a whole number 1-64');
  if (!CAMERA_AUTH_METHODS.includes(resolved.auth)) {
    throw new RangeError(`auth must be one of ${CAMERA_AUTH_METHODS.join(', ')}`);
  }
  if (!CAMERA_AUDIO_CODECS.includes(resolved.audio)) {
    throw new RangeError(`audio must be one of ${CAMERA_AUDIO_CODECS.join(', ')}`);
  }
  if (!wholeIn(resolved.keyframeInterval, 1, 1000))
    throw new RangeError('keyframeInterval must be 1-1000 frames');
  if (!wholeIn(resolved.sessionTimeout, 0, 86400)) {
    throw new RangeError('sessionTimeout must be 0-86400 seconds (0 = sessions never time out)');
  }
  if (!/^https?:\/\/[^\s"/]+$/.test(resolved.allowOrigin)) {
    throw new RangeError(
      `allowOrigin must be an origin like http://127.0.0.1:8080, got "${resolved.allowOrigin}"`,
    );
  }
  return resolved;
}

/** One camera path of the lab camera. */
export interface LabCameraJson {
  path: string;
  url: string;
  url_with_credentials: string;
  username: string;
  password: string;
  auth: CameraAuth;
}

/** The lab's Janus: where it listens, its secrets, and its files. */
export interface LabJanusJson {
  http_url: string;
  ws_url: string;
  admin_url: string;
  admin_ws_url: string;
  /** Janus enforces CORS: Node clients must send this as their Origin header (HTTP and WebSocket). */
  allow_origin: string;
  api_secret: string;
  admin_secret: string;
  streaming_admin_key: string;
  pid: number;
  log_file: string;
  config_dir: string;
}

/** The lab's Docker engine (`up --docker`): its PID, API address, base image and what setting it up took. */
export interface LabDockerJson {
  pid: number;
  /** DOCKER_HOST-style address of its API socket. */
  host: string;
  /** The imported Debian base holding janus (the Janus Dockerfile's BASE). */
  base_image: string;
  /** Its data, exec root, pid file and socket. */
  dir: string;
  log_file: string;
  /** False when the base tarball had to be built (debootstrap) during this `up`. */
  base_cached: boolean;
  timings_ms: {
    debootstrap: number;
    base_packages: number;
    base_tar: number;
    dockerd_start: number;
    import: number;
  };
}

/** Everything about one running lab (printed by `up`, kept in the state dir, given to commands). */
export interface LabJson {
  name: string;
  namespace: string;
  janus: LabJanusJson;
  cameras: LabCameraJson[];
  /** The camera's /sceneN paths: a still scene with a moving object switched by `scene` (see scene.ts). */
  scenes: LabCameraJson[];
  /** The folder of the scenes' control files. */
  scene_control_dir: string;
  camera_pid: number;
  camera_log_file: string;
  state_dir: string;
  docker?: LabDockerJson | undefined;
}

/** The environment variables `exec` and `run` add for the command they run inside the lab. */
export function labEnvironment(lab: LabJson): Record<string, string> {
  const first = lab.cameras[0];
  return {
    JANUS_HTTP_URL: lab.janus.http_url,
    JANUS_WS_URL: lab.janus.ws_url,
    JANUS_ADMIN_URL: lab.janus.admin_url,
    JANUS_ADMIN_WS_URL: lab.janus.admin_ws_url,
    JANUS_ALLOW_ORIGIN: lab.janus.allow_origin,
    // The name `vigil serve` reads for a remote Janus's allowed origin: inside the lab it just works.
    JANUS_ORIGIN: lab.janus.allow_origin,
    JANUS_API_SECRET: lab.janus.api_secret,
    JANUS_ADMIN_SECRET: lab.janus.admin_secret,
    JANUS_STREAMING_ADMIN_KEY: lab.janus.streaming_admin_key,
    LAB_NAME: lab.name,
    LAB_NETNS: lab.namespace,
    LAB_CAMERA_URL: first?.url ?? '',
    LAB_CAMERA_USER: first?.username ?? '',
    LAB_CAMERA_PASSWORD: first?.password ?? '',
    LAB_CAMERAS_JSON: JSON.stringify(lab.cameras),
    LAB_JSON: JSON.stringify(lab),
    ...(lab.docker === undefined
      ? {}
      : { LAB_DOCKER_HOST: lab.docker.host, LAB_DOCKER_BASE_IMAGE: lab.docker.base_image }),
  };
}
