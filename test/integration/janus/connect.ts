import { JanusAdmin, JanusConnection, type ConnectionOptions } from '../../../main/janus';
import type { Lab, LabCameraJson } from '../../lab';

/** The two client transports every integration test runs over. */
export const TRANSPORTS = ['http', 'ws'] as const;

/** A client transport name. */
export type TransportName = (typeof TRANSPORTS)[number];

/** Connects to the lab's Janus over the given transport with the lab's api_secret. */
export function connect(
  lab: Lab,
  transport: TransportName,
  options: Partial<ConnectionOptions> = {},
): Promise<JanusConnection> {
  const url = transport === 'http' ? lab.janus.http_url : lab.janus.ws_url;
  return JanusConnection.connect({
    url,
    apiSecret: lab.janus.api_secret,
    origin: lab.janus.allow_origin,
    requestTimeoutMs: 5_000,
    ...options,
  });
}

/** Connects to the lab's Admin API over the given transport. */
export function connectAdmin(lab: Lab, transport: TransportName): Promise<JanusAdmin> {
  const url = transport === 'http' ? lab.janus.admin_url : lab.janus.admin_ws_url;
  return JanusAdmin.connect({
    url,
    adminSecret: lab.janus.admin_secret,
    origin: lab.janus.allow_origin,
    requestTimeoutMs: 5_000,
  });
}

/** The lab's camera number `index` (0-based); throws if the lab has fewer. */
export function labCamera(lab: Lab, index = 0): LabCameraJson {
  const camera = lab.cameras[index];
  if (!camera) throw new Error(`the lab has ${lab.cameras.length} camera(s), not ${index + 1}`);
  return camera;
}
