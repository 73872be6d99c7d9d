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
