import { describe, expect, it } from 'vitest';

import { RtspProtocolError } from '../../../main/rtsp/errors';
import { parseSdp, resolveControlUrl } from '../../../main/rtsp/sdp';

const sdp = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const session = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=Session', 'c=IN IP4 0.0.0.0', 't=0 0'];

// GStreamer's rtsp-server, H.264 with audio.
const H264 = sdp(
  ...session,
  'a=control:*',
  'm=video 0 RTP/AVP 96',
  'a=rtpmap:96 H264/90000',
  'a=fmtp:96 packetization-mode=1;profile-level-id=42c01f;sprop-parameter-sets=Z0LAH9kAUAW7ARAAAAMAEAAAAwMg8YMkgA==,aMuMsg==',
  'a=control:stream=0',
  'm=audio 0 RTP/AVP 97',
  'a=rtpmap:97 MPEG4-GENERIC/48000/2',
  'a=fmtp:97 streamtype=5;profile-level-id=1;mode=AAC-hbr;sizelength=13;indexlength=3;indexdeltalength=3',
  'a=control:stream=1',
);

describe('parseSdp', () => {
  it('reads H.264 video and AAC audio with controls', () => {
    expect(parseSdp(H264)).toEqual({
      control: '*',
      tracks: [
        {
          kind: 'video',
          protocol: 'RTP/AVP',
          payload_type: 96,
          codec: 'h264',
          clock_rate: 90000,
          fmtp: expect.stringContaining('packetization-mode=1') as unknown,
          rtpmap: true,
          control: 'stream=0',
        },
        {
          kind: 'audio',
          protocol: 'RTP/AVP',
          payload_type: 97,
          codec: 'mpeg4-generic',
          clock_rate: 48000,
          channels: 2,
          fmtp: expect.stringContaining('AAC-hbr') as unknown,
          rtpmap: true,
          control: 'stream=1',
        },
      ],
    });
  });

  it.each([
    [
      'H.265 (LF line ends, absolute control)',
      ['m=video 0 RTP/AVP 98', 'a=rtpmap:98 H265/90000', 'a=control:rtsp://127.0.0.1/live/trackID=1'],
      { codec: 'h265', payload_type: 98, control: 'rtsp://127.0.0.1/live/trackID=1' },
    ],
    ['VP8', ['m=video 0 RTP/AVP 100', 'a=rtpmap:100 VP8/90000'], { codec: 'vp8', clock_rate: 90000 }],
    [
      'MJPEG by static payload type',
      ['m=video 0 RTP/AVP 26', 'a=control:track1'],
      { codec: 'jpeg', payload_type: 26 },
    ],
    [
      'the first of several formats',
      ['m=video 0 RTP/AVP 97 96', 'a=rtpmap:96 H264/90000', 'a=rtpmap:97 H265/90000', 'a=fmtp:96 x=1'],
      { codec: 'h265', payload_type: 97 },
    ],
    ['an unnamed dynamic format', ['m=video 0 RTP/AVP 99'], { codec: 'unknown', payload_type: 99 }],
    ['TCP-only media', ['m=video 0 RTP/AVP/TCP 96', 'a=rtpmap:96 H264/90000'], { protocol: 'RTP/AVP/TCP' }],
  ])('reads %s', (_name, media, expected) => {
    const parsed = parseSdp([...session, ...media].join('\n'));
    expect(parsed.tracks[0]).toMatchObject(expected);
    expect(parsed.control).toBeUndefined();
  });

  it('reads an audio-only SDP with static PCMU', () => {
    expect(parseSdp(sdp(...session, 'm=audio 0 RTP/AVP 0', 'a=control:audio')).tracks).toEqual([
      {
        kind: 'audio',
        protocol: 'RTP/AVP',
        payload_type: 0,
        codec: 'pcmu',
        clock_rate: 8000,
        channels: 1,
        rtpmap: false,
        control: 'audio',
      },
    ]);
  });

  it('reads an SDP without media', () => {
    expect(parseSdp(sdp(...session)).tracks).toEqual([]);
  });

  it.each([[''], ['<html>nope</html>'], ['o=- 1 1 IN IP4 127.0.0.1\r\nv=0']])('refuses %j', (text) => {
    expect(() => parseSdp(text)).toThrow(RtspProtocolError);
  });
});

describe('resolveControlUrl', () => {
  it.each([
    ['rtsp://127.0.0.1:8554/cam1/', 'stream=0', 'rtsp://127.0.0.1:8554/cam1/stream=0'],
    ['rtsp://127.0.0.1:8554/cam1', 'stream=0', 'rtsp://127.0.0.1:8554/cam1/stream=0'],
    ['rtsp://127.0.0.1/live?ch=1', 'trackID=1', 'rtsp://127.0.0.1/live?ch=1/trackID=1'],
    ['rtsp://127.0.0.1/cam1/', 'rtsp://127.0.0.1/other/track1', 'rtsp://127.0.0.1/other/track1'],
    ['rtsp://127.0.0.1/cam1/', 'RTSP://127.0.0.1/x', 'RTSP://127.0.0.1/x'],
    ['rtsp://127.0.0.1:8554/cam1/', '/media/track1', 'rtsp://127.0.0.1:8554/media/track1'],
    ['rtsp://127.0.0.1/cam1/', '*', 'rtsp://127.0.0.1/cam1/'],
    ['rtsp://127.0.0.1/cam1/', '', 'rtsp://127.0.0.1/cam1/'],
    ['rtsp://127.0.0.1/cam1/', undefined, 'rtsp://127.0.0.1/cam1/'],
  ])('%s + %s → %s', (base, control, expected) => {
    expect(resolveControlUrl(base, control)).toBe(expected);
  });
});
