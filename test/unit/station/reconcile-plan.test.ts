import { describe, expect, it } from 'vitest';

import {
  camerasToReconcile,
  mountpointMetadata,
  parseMountpointMetadata,
  planCamera,
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

describe('planCamera', () => {
  const lobby = want('lobby', 1001);
  const stored = (revision = 1, enabled = true) => ({ enabled, mountpoint: { id: 1001, revision } });
  const listed: ActualMountpoint[] = [ours(lobby), ours(want('gate', 1002)), { id: 5, metadata: 'theirs' }];

  it.each<[string, ReturnType<typeof stored> | undefined, ActualMountpoint[], ReturnType<typeof planCamera>]>(
    [
      ['up to date: nothing, whatever else Janus holds', stored(), listed, []],
      [
        'missing: create',
        stored(),
        listed.slice(1),
        [{ kind: 'create', cameraId: 'lobby', mountpointId: 1001 }],
      ],
      [
        'a new revision: re-create',
        stored(2),
        listed,
        [{ kind: 'recreate', cameraId: 'lobby', mountpointId: 1001 }],
      ],
      [
        'disabled: destroy',
        stored(1, false),
        listed,
        [{ kind: 'destroy', cameraId: 'lobby', mountpointId: 1001 }],
      ],
      [
        'gone from the store: destroy',
        undefined,
        listed,
        [{ kind: 'destroy', cameraId: 'lobby', mountpointId: 1001 }],
      ],
      [
        'an old mountpoint of the camera under another id: destroy it, create the new',
        stored(),
        [ours(lobby, 999)],
        [
          { kind: 'create', cameraId: 'lobby', mountpointId: 1001 },
          { kind: 'destroy', cameraId: 'lobby', mountpointId: 999 },
        ],
      ],
    ],
  )('%s', (_name, camera, actual, expected) => {
    expect(planCamera(station, 'lobby', camera, actual)).toEqual(expected);
  });
});

describe('camerasToReconcile', () => {
  it('takes the stored cameras and those this station’s mountpoints still name, once each', () => {
    const listed: ActualMountpoint[] = [
      ours(want('lobby', 1001)),
      ours(want('gone', 1003)),
      { id: 5, metadata: mountpointMetadata('other-station', want('theirs', 5)) },
      { id: 6 },
    ];
    expect(camerasToReconcile(station, ['lobby', 'gate'], listed)).toEqual(['lobby', 'gate', 'gone']);
  });
});
