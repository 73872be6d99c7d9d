import { describe, expect, it } from 'vitest';

import {
  connectDocker,
  dockerConnectionOptions,
  resolveDockerHost,
  unreachableMessage,
} from '../../../main/gateway/docker-engine';
import { DockerUnavailableError } from '../../../main/gateway/errors';

const host = (address: string) => ({ address, setting: '--docker-host' });

describe('resolveDockerHost', () => {
  it('prefers the given address, then DOCKER_HOST, then the platform default', () => {
    expect(resolveDockerHost(host('unix:///a.sock'), { DOCKER_HOST: 'unix:///b.sock' }, 'linux')).toEqual(
      host('unix:///a.sock'),
    );
    expect(resolveDockerHost(undefined, { DOCKER_HOST: 'unix:///b.sock' }, 'linux')).toEqual({
      address: 'unix:///b.sock',
      setting: 'DOCKER_HOST',
    });
    expect(resolveDockerHost(undefined, {}, 'darwin').address).toBe('unix:///var/run/docker.sock');
    expect(resolveDockerHost(undefined, { DOCKER_HOST: '' }, 'win32').address).toBe(
      'npipe:////./pipe/docker_engine',
    );
  });
});

describe('dockerConnectionOptions', () => {
  it.each([
    ['unix:///run/docker.sock', { socketPath: '/run/docker.sock' }],
    ['npipe:////./pipe/docker_engine', { socketPath: '//./pipe/docker_engine' }],
    ['tcp://127.0.0.1:2375', { protocol: 'http', host: '127.0.0.1', port: 2375 }],
  ])('%s', (address, expected) => {
    expect(dockerConnectionOptions(host(address))).toEqual(expected);
  });

  it.each(['ssh://me@box', 'unix://', 'tcp://127.0.0.1', '/var/run/docker.sock'])(
    'refuses %s naming the setting',
    (address) => {
      expect(() => dockerConnectionOptions(host(address))).toThrow(DockerUnavailableError);
      expect(() => dockerConnectionOptions(host(address))).toThrow(/--docker-host/);
    },
  );
});

describe('unreachableMessage', () => {
  const errno = (code: string) => Object.assign(new Error(code), { code });
  it.each([
    ['ENOENT', /does not exist: install Docker/],
    ['EACCES', /refuses this user: add the user to the docker group/],
    ['ECONNREFUSED', /is not running: start Docker/],
    ['ETIMEDOUT', /does not answer \(ETIMEDOUT\)/],
  ])('%s says why and what to do', (code, message) => {
    const text = unreachableMessage(host('unix:///x.sock'), errno(code));
    expect(text).toMatch(message);
    expect(text).toContain('unix:///x.sock (--docker-host)');
    expect(text).toContain('"native" or "remote"');
  });
});

describe('connectDocker', () => {
  it('names the setting when no engine listens at the address', async () => {
    const error = await connectDocker(host('unix:///nonexistent/vigil-docker.sock')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DockerUnavailableError);
    expect(error).toMatchObject({ code: 'VIGIL_ERR_DOCKER_UNAVAILABLE', setting: '--docker-host' });
    expect((error as Error).message).toMatch(/does not exist/);
  });
});
