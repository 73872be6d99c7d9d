import type { GatewayEndpoints } from '../../../main/gateway/gateway';
import { JanusConnection, type MountpointSummary, type StreamingHandle } from '../../../main/janus';
import type { Lab } from '../../lab';

/** Runs `task` on a streaming handle (with the admin key) of the lab's Janus, as an outside Janus user. */
async function withStreaming<T>(lab: Lab, task: (streaming: StreamingHandle) => Promise<T>): Promise<T> {
  const connection = await JanusConnection.connect({
    url: lab.janus.http_url,
    apiSecret: lab.janus.api_secret,
    origin: lab.janus.allow_origin,
  });
  try {
    const session = await connection.createSession();
    return await task(await session.attachStreaming({ adminKey: lab.janus.streaming_admin_key }));
  } finally {
    await connection.close();
  }
}

/** Creates an RTP mountpoint the way another Janus user would (no Vigil metadata); returns its id. */
export function createForeignMountpoint(lab: Lab): Promise<number> {
  return withStreaming(lab, async (streaming) => {
    const created = await streaming.create({
      type: 'rtp',
      description: 'not Vigil',
      media: [{ type: 'video', mid: 'v', port: 0, pt: 96, codec: 'h264' }],
    });
    return Number(created.id);
  });
}

/** Lists every mountpoint on the lab's Janus (private ones too), as an outside observer of the station. */
export function janusMountpoints(lab: Lab): Promise<MountpointSummary[]> {
  return withStreaming(lab, (streaming) => streaming.list());
}

/** One mountpoint on a Janus and how long ago its video last arrived (undefined: no media socket open). */
export interface MountpointAge {
  id: number;
  ageMs: number | undefined;
}

/** Every mountpoint on the Janus behind `endpoints`, with its video age, as an outside observer sees them. */
export async function mountpointAges(endpoints: GatewayEndpoints): Promise<MountpointAge[]> {
  const { urls, secrets, origin } = endpoints;
  const connection = await JanusConnection.connect({ url: urls.http, apiSecret: secrets.apiSecret, origin });
  try {
    const session = await connection.createSession();
    const streaming = await session.attachStreaming({ adminKey: secrets.streamingAdminKey });
    const list = await streaming.list();
    return list
      .map((m) => ({ id: Number(m.id), ageMs: m.media?.find((media) => media.type === 'video')?.age_ms }))
      .sort((a, b) => a.id - b.id);
  } finally {
    await connection.close();
  }
}
