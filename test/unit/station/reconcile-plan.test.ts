import { describe, expect, it } from 'vitest';

import {
  mountpointMetadata,
  parseMountpointMetadata,
  planReconcile,
  type ActualMountpoint,
  type DesiredMountpoint,
} from '../../../main/station/reconcile-plan';

const station = 'st1';
const want = (cameraId: string, mountpointId: number, revision = 1): DesiredMountpoint => ({
  cameraId,
  mountpointId,
  revision,
});
const ours = (d: DesiredMountpoint, id = d.mountpointId): ActualMountpoint => ({
  id,
  metadata: mountpointMetadata(station, d),
});

describe('planReconcile', () => {
  const lobby = want('lobby', 1001);
  const gate = want('gate', 1002);

  it.each<[string, DesiredMountpoint[], ActualMountpoint[], ReturnType<typeof planReconcile>]>([
    ['nothing wanted, nothing there', [], [], []],
    ['creates what is missing', [lobby], [], [{ kind: 'create', cameraId: 'lobby', mountpointId: 1001 }]],
    ['keeps what is up to date (idempotent)', [lobby, gate], [ours(lobby), ours(gate)], []],
    [
      're-creates a mountpoint whose revision changed',
      [want('lobby', 1001, 2)],
      [ours(lobby)],
      [{ kind: 'recreate', cameraId: 'lobby', mountpointId: 1001 }],
    ],
    [
      "destroys this station's mountpoint no camera wants",
      [],
      [ours(gate)],
      [{ kind: 'destroy', cameraId: 'gate', mountpointId: 1002 }],
    ],
    ['leaves mountpoints Vigil did not create alone', [], [{ id: 1 }, { id: 2, metadata: 'theirs' }], []],
    [
      "leaves another station's mountpoints alone",
      [],
      [{ id: 7, metadata: mountpointMetadata('other', lobby) }],
      [],
    ],
    [
      'reports an id taken by a foreign mountpoint instead of touching it',
      [lobby],
      [{ id: 1001, metadata: 'someone else' }],
      [{ kind: 'conflict', cameraId: 'lobby', mountpointId: 1001 }],
    ],
    [
      're-creates when the id holds another camera of ours',
      [lobby],
      [ours(gate, 1001)],
      [{ kind: 'recreate', cameraId: 'lobby', mountpointId: 1001 }],
    ],
  ])('%s', (_name, desired, actual, expected) => {
    expect(planReconcile(station, desired, actual)).toEqual(expected);
  });
});

describe('mountpoint metadata', () => {
  it('round-trips owner, camera and revision', () => {
    expect(parseMountpointMetadata(station, mountpointMetadata(station, want('a_b-1', 5, 9)))).toEqual({
      cameraId: 'a_b-1',
      revision: 9,
    });
  });

  it.each([undefined, '', 'vigil', 'vigil:st1:cam', 'vigil:st1:cam:x', 'vigil:other:cam:1', 'x:st1:cam:1'])(
    'rejects %j',
    (metadata) => {
      expect(parseMountpointMetadata(station, metadata)).toBeUndefined();
    },
  );
});
