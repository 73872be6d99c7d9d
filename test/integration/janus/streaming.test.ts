import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  JanusUnauthorizedError,
  StreamingError,
  type JanusConnection,
  type StreamingHandle,
} from '../../../main/janus';
import { useLab } from '../../lab/vitest';
import { eventually } from '../wait';
import { connect, labCamera, TRANSPORTS } from './connect';

const lab = useLab({ cameras: 2, auth: 'digest' });
const secret = () => randomBytes(12).toString('hex');
const freshId = () => 100_000 + Math.floor(Math.random() * 1_000_000_000);

describe.each(TRANSPORTS)('streaming plugin over %s', (transport) => {
  let connection: JanusConnection;
  let streaming: StreamingHandle;

  beforeAll(async () => {
    connection = await connect(lab(), transport);
    const session = await connection.createSession();
    streaming = await session.attachStreaming({ adminKey: lab().janus.streaming_admin_key });
  });
  afterAll(async () => {
    await connection.close();
  });

  function rtspOptions(overrides: { rtsp_pwd?: string; id?: number; secret?: string } = {}) {
    const camera = labCamera(lab());
    return {
      type: 'rtsp' as const,
      id: overrides.id ?? freshId(),
      name: 'lobby',
      description: 'Lobby camera',
      url: camera.url,
      rtsp_user: camera.username,
      rtsp_pwd: overrides.rtsp_pwd ?? camera.password,
      video: true,
      audio: false,
      videobufferkf: true,
      secret: overrides.secret ?? secret(),
      pin: 'pin-1234',
    };
  }

  it('creates an RTSP mountpoint on a Digest camera that receives media, then edits and destroys it', async () => {
    const options = rtspOptions();
    const created = await streaming.create(options);
    expect(created.id).toBe(options.id);

    const ageMs = await eventually(async () => {
      const info = await streaming.info(options.id, { secret: options.secret });
      const age = info.media[0]?.age_ms;
      return age !== undefined && age < 1_000 ? age : undefined;
    });
    expect(ageMs).toBeLessThan(1_000);
    expect((await streaming.list()).map((m) => m.id)).toContain(options.id);

    await streaming.edit(options.id, { new_description: 'Lobby (edited)' }, { secret: options.secret });
    const edited = await streaming.info(options.id, { secret: options.secret });
    expect(edited.description).toBe('Lobby (edited)');

    await streaming.disable(options.id, { secret: options.secret });
    expect((await streaming.info(options.id, { secret: options.secret })).enabled).toBe(false);
    await streaming.enable(options.id, { secret: options.secret });
    expect((await streaming.info(options.id, { secret: options.secret })).enabled).toBe(true);

    await streaming.destroy(options.id, { secret: options.secret });
    const gone = streaming.info(options.id, { secret: options.secret });
    await expect(gone).rejects.toBeInstanceOf(StreamingError);
    await expect(gone).rejects.toMatchObject({ janusCode: 455, code: 'STREAMING_ERR_NO_SUCH_MOUNTPOINT' });
  });

  it('refuses a wrong camera password with a typed error', async () => {
    const attempt = streaming.create(rtspOptions({ rtsp_pwd: 'not-the-password' }));
    await expect(attempt).rejects.toBeInstanceOf(StreamingError);
    await expect(attempt).rejects.toMatchObject({ janusCode: 456, code: 'STREAMING_ERR_CANT_CREATE' });
  });

  it('refuses a duplicate id with 456', async () => {
    const options = rtspOptions();
    await streaming.create(options);
    try {
      await expect(streaming.create(rtspOptions({ id: options.id }))).rejects.toMatchObject({
        janusCode: 456,
        code: 'STREAMING_ERR_CANT_CREATE',
      });
    } finally {
      await streaming.destroy(options.id, { secret: options.secret });
    }
  });

  it('refuses a wrong admin_key with 457 and a missing one with 453', async () => {
    const session = await connection.createSession();
    const wrongKey = await session.attachStreaming({ adminKey: 'not-the-admin-key' });
    await expect(wrongKey.create(rtspOptions())).rejects.toMatchObject({
      janusCode: 457,
      code: 'STREAMING_ERR_UNAUTHORIZED',
    });
    const noKey = await session.attachStreaming();
    await expect(noKey.create(rtspOptions())).rejects.toMatchObject({
      janusCode: 453,
      code: 'STREAMING_ERR_MISSING_ELEMENT',
    });
    await session.destroy();
  });

  it('keeps a mountpoint for a camera that is down when rtsp_failcheck is off', async () => {
    const options = {
      ...rtspOptions(),
      url: labCamera(lab()).url.replace(/\/cam\d+$/, '/no-such-path'),
      rtsp_failcheck: false,
    };
    await streaming.create(options);
    const info = await streaming.info(options.id, { secret: options.secret });
    expect(info.id).toBe(options.id);
    await streaming.destroy(options.id, { secret: options.secret });
  });

  it('creates an RTP mountpoint on an allocated port', async () => {
    const mountSecret = secret();
    const created = await streaming.create({
      type: 'rtp',
      name: 'rtp-in',
      secret: mountSecret,
      media: [
        {
          type: 'video',
          mid: 'v',
          port: 0,
          pt: 96,
          codec: 'h264',
          fmtp: 'profile-level-id=42e01f;packetization-mode=1',
        },
      ],
    });
    const port = created.ports?.[0]?.port;
    expect(port).toBeGreaterThan(0);
    await streaming.destroy(created.id, { secret: mountSecret });
  });
});

describe.each(TRANSPORTS)('api_secret over %s', (transport) => {
  it('a wrong api_secret is refused with a typed error carrying the Janus code', async () => {
    const connecting = connect(lab(), transport, { apiSecret: 'not-the-secret' }).then((c) =>
      c.createSession().finally(() => c.close()),
    );
    await expect(connecting).rejects.toBeInstanceOf(JanusUnauthorizedError);
    await expect(connecting).rejects.toMatchObject({ janusCode: 403, code: 'JANUS_ERR_UNAUTHORIZED' });
  });
});
