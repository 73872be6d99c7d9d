// Typed errors of main/gateway: where Janus comes from and why it is not there. Every message says what to
// do next; none carries a secret's value (only the flag or file that holds it).

/** Base class of every gateway error; branch on `code`, never on `message`. */
export abstract class GatewayError extends Error {
  /** Stable machine-readable code, e.g. `VIGIL_ERR_JANUS_NOT_FOUND`. */
  abstract readonly code: string;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The bundled (native) Janus binary or its plugin folder is not installed. */
export class JanusNotFoundError extends GatewayError {
  readonly code = 'VIGIL_ERR_JANUS_NOT_FOUND';
}

/** A port the bundled Janus should listen on is taken (or not allowed). */
export class JanusPortInUseError extends GatewayError {
  readonly code = 'VIGIL_ERR_JANUS_PORT_IN_USE';
}

/** The bundled Janus did not start: it exited, or did not answer in time. */
export class JanusStartError extends GatewayError {
  readonly code = 'VIGIL_ERR_JANUS_START';
}

/** A remote Janus (or one of its APIs) does not answer at the URL Vigil was given. */
export class JanusUnreachableError extends GatewayError {
  readonly code = 'VIGIL_ERR_JANUS_UNREACHABLE';
}

/** Janus refused a secret Vigil was given (API secret or admin secret). */
export class JanusSecretRefusedError extends GatewayError {
  readonly code = 'VIGIL_ERR_JANUS_SECRET_REFUSED';
}

/** A gateway failure a setting can fix; `setting` names it (a flag, environment variable, file or option). */
export abstract class GatewaySettingError extends GatewayError {
  constructor(
    /** The setting at fault, e.g. `--janus-ws-url`, `DOCKER_HOST` or the Dockerfile folder. */
    readonly setting: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Remote-Janus settings (flags, environment, secrets file) are missing, partial or malformed. */
export class GatewaySettingsError extends GatewaySettingError {
  readonly code = 'VIGIL_ERR_JANUS_SETTINGS';
}

/** `endpoints` was read before `start()` resolved (secrets and detected settings come with the start). */
export class GatewayNotStartedError extends GatewayError {
  readonly code = 'VIGIL_ERR_GATEWAY_NOT_STARTED';
}

/** The Docker engine the container gateway needs is missing, not running, or refuses this user. */
export class DockerUnavailableError extends GatewaySettingError {
  readonly code = 'VIGIL_ERR_DOCKER_UNAVAILABLE';
}

/** The Janus image could not be built (or a container of it could not be created or started). */
export class JanusImageError extends GatewaySettingError {
  readonly code = 'VIGIL_ERR_JANUS_IMAGE';
}
