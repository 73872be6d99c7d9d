import { JanusConnection, type MountpointSummary } from '../../../main/janus';
import type { Lab } from '../../lab';

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
