import { Readable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { ErrorCode, VigilError } from '../../../common/errors';
import { answerPlayback, playbackAsk } from '../../../main/app/app-playback';

const ORIGIN = 'vigil://wall';

describe('playbackAsk', () => {
  it('reads the camera (decoded) and from of a playback URL on the app origin', () => {
    expect(playbackAsk(`${ORIGIN}/cameras/gate%2Dnorth/playback?from=2026-12-02T10:00:00Z`, ORIGIN)).toEqual({
      cameraId: 'gate-north',
      from: '2026-12-02T10:00:00Z',
    });
    expect(playbackAsk(`${ORIGIN}/cameras/gate/playback`, ORIGIN)).toEqual({ cameraId: 'gate', from: '' });
  });

  it.each([
    'vigil://other/cameras/gate/playback?from=x',
    `${ORIGIN}/cameras/gate/export.mp4?from=x`,
    `${ORIGIN}/cameras/a/b/playback`,
    `${ORIGIN}/cameras/%E0%A4%A/playback`,
    `${ORIGIN}/index.html`,
    'not a url',
  ])('%s is not a playback ask', (url) => {
    expect(playbackAsk(url, ORIGIN)).toBeUndefined();
  });
});

describe('answerPlayback', () => {
  const signal = new AbortController().signal;

  it('answers a refusal with the status and error body the REST API gives', async () => {
    const refused = new VigilError(ErrorCode.RecordingNotFound, 'Nothing recorded before 10:00', 'from');
    const answer = await answerPlayback(
      { playback: () => Promise.reject(refused) },
      { cameraId: 'gate', from: '2026-12-01T00:00:00Z' },
      signal,
      { 'x-content-type-options': 'nosniff' },
    );
    expect(answer.status).toBe(404);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await answer.json()).toEqual(refused.toBody());
  });

  it('hides an unexpected failure behind a generic 500', async () => {
    const answer = await answerPlayback(
      { playback: () => Promise.reject(new Error('EIO /secret/path')) },
      { cameraId: 'gate', from: '' },
      signal,
      {},
    );
    expect(answer.status).toBe(500);
    expect(await answer.text()).not.toContain('/secret/path');
  });

  it('streams the fragments with their start instant', async () => {
    const answer = await answerPlayback(
      {
        playback: (_id, _from, given) => {
          expect(given).toBe(signal);
          return Promise.resolve({
            start: '2026-12-02T10:00:00.000Z',
            body: Readable.from([Buffer.from('moof'), Buffer.from('mdat')]),
          });
        },
      },
      { cameraId: 'gate', from: '2026-12-02T10:00:01Z' },
      signal,
      {},
    );
    expect(answer.headers.get('X-Vigil-Playback-Start')).toBe('2026-12-02T10:00:00.000Z');
    expect(await answer.text()).toBe('moofmdat');
  });
});
