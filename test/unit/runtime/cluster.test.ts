import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';

import type { StationEvent } from '../../../common/events';
import type { View } from '../../../common/views';
import type { ClusterStores } from '../../../main/cluster/cluster-stores';
import type { KvChange } from '../../../main/cluster/kv-mirror';
import { followOtherStations } from '../../../main/runtime/cluster';
import { StationEventBus } from '../../../main/station/event-bus';
import type { Station } from '../../../main/station/station';
import type { StoredCamera } from '../../../main/store/stored-camera';

const view: View = {
  view_id: 'lobby',
  name: 'Lobby',
  layout: '1',
  tiles: ['cam'],
  tour: null,
  created_at: '2030-01-01T00:00:00.000Z',
  updated_at: '2030-01-01T00:00:00.000Z',
};

function setup() {
  let cameraListener: ((change: KvChange<StoredCamera>) => void) | undefined;
  let viewListener: ((change: KvChange<View>) => void) | undefined;
  const stores = {
    cameras: { onChange: (l: typeof cameraListener) => (cameraListener = l) },
    views: { onChange: (l: typeof viewListener) => (viewListener = l) },
  } as unknown as ClusterStores;
  const cameraChangedElsewhere = vi.fn(() => Promise.resolve());
  const events = new StationEventBus();
  const published: StationEvent[] = [];
  events.on('event', (event) => published.push(event));
  followOtherStations(
    stores,
    { cameraChangedElsewhere } as unknown as Station,
    events,
    pino({ level: 'silent' }),
  );
  return {
    camera: (change: KvChange<StoredCamera>) => cameraListener?.(change),
    view: (change: KvChange<View>) => viewListener?.(change),
    cameraChangedElsewhere,
    published,
  };
}

describe('followOtherStations', () => {
  it("hands cameras changed elsewhere to the station, with the removed camera's last record", () => {
    const { camera, cameraChangedElsewhere } = setup();
    const previous = { camera_id: 'cam' } as StoredCamera;
    camera({ id: 'cam', kind: 'removed', previous });
    expect(cameraChangedElsewhere).toHaveBeenCalledWith({ cameraId: 'cam', kind: 'removed', previous });
  });

  it('announces views changed elsewhere, but not a view another wall merely showed', () => {
    const { view: change, published } = setup();
    change({ id: 'lobby', kind: 'added', value: view });
    change({
      id: 'lobby',
      kind: 'updated',
      value: { ...view, last_shown_at: '2030-01-02T00:00:00.000Z' },
      previous: view,
    });
    change({ id: 'lobby', kind: 'updated', value: { ...view, name: 'Hall' }, previous: view });
    change({ id: 'lobby', kind: 'removed', previous: view });
    expect(published.map((e) => e.type)).toEqual(['view.added', 'view.updated', 'view.removed']);
  });
});
