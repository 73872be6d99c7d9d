import { JanusConnection, type MountpointSummary } from '../../../main/janus';
import type { Lab } from '../../lab';

/** Creates an RTP mountpoint the way another Janus user would (no Vigil metadata); returns its id. */
export async function createForeignMountpoint(lab: Lab): Promise<number> {
  const connection = await JanusConnection.connect({
    url: lab.janus.http_url,
    apiSecret: lab.janus.api_secret,
    origin: lab.janus.allow_origin,
  });
  try {
    const session = await connection.createSession();
    const streaming = await session.attachStreaming({ adminKey: lab.janus.streaming_admin_key });
    const created = await streaming.create({
      type: 'rtp',
      description: 'not Vigil',
      media: [{ type: 'video', mid: 'v', port: 0, pt: 96, codec: 'h264' }],
    });
    return Number(created.id);
  } finally {
    await connection.close();
  }
}

/** Lists every mountpoint on the lab's Janus (private ones too), as an outside observer of the station. */
export async function janusMountpoints(lab: Lab): Promise<MountpointSummary[]> {
  const connection = await JanusConnection.connect({
    url: lab.janus.http_url,
    apiSecret: lab.janus.api_secret,
    origin: lab.janus.allow_origin,
  });
  try {
    const session = await connection.createSession();
    const streaming = await session.attachStreaming({ adminKey: lab.janus.streaming_admin_key });
    return await streaming.list();
  } finally {
    await connection.close();
  }
}
