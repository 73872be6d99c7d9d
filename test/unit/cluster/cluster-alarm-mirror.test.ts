// The station's mirror of the alarms bucket: which entries are newer, which are another station's changes (and
// so announced), and what this station's own writes leave to the alarm book. Entries are built by hand; the KV
// is a stand-in whose watch stays idle (the real bucket is in test/integration/cluster/alarms.test.ts).
import type { KV, KvEntry } from '@nats-io/kv';
import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';

import type { Alarm } from '../../../common/alarms';
import { raisedAlarm } from '../../../main/alarms/alarm-rules';
import { AlarmMirror } from '../../../main/cluster/cluster-alarm-mirror';
import { externalIndexKey, type ClusterAlarmRecord } from '../../../main/cluster/cluster-alarm-records';
import { externalKey, type RemoteAlarmChange } from '../../../main/store/alarm-storage';

const ME = 'stationa1';
const OTHER = 'stationb2';
const NOW = new Date('2026-12-02T10:00:00.000Z');
const alarm: Alarm = raisedAlarm(
  { camera_ids: ['gate'], severity: 'info', title: 'Gate', external_id: 'vas-1' },
  { kind: 'key', name: 'vas' },
  'alm_0000000000010000000a',
  NOW,
);

/** A KV stand-in: an empty bucket whose watch yields nothing until stopped. */
function idleBucket(): KV {
  const watch = {
    stop: () => undefined,
    [Symbol.asyncIterator]: () => ({ next: () => new Promise<never>(() => undefined) }),
  };
  return {
    status: () => Promise.resolve({ values: 0 }),
    watch: () => Promise.resolve(watch),
  } as unknown as KV;
}

function entry(
  revision: number,
  station: string,
  value: Alarm = alarm,
  operation: KvEntry['operation'] = 'PUT',
): KvEntry {
  const record: ClusterAlarmRecord = { v: 1, station, change: 'updated', alarm: value };
  const bytes = new TextEncoder().encode(operation === 'PUT' ? JSON.stringify(record) : '');
  return {
    bucket: 'vigil_alarms',
    key: value.alarm_id,
    rawKey: value.alarm_id,
    value: bytes,
    created: NOW,
    revision,
    operation,
    length: bytes.length,
    json: () => JSON.parse(new TextDecoder().decode(bytes)) as never,
    string: () => new TextDecoder().decode(bytes),
  };
}

let heard: RemoteAlarmChange[];
let mirror: AlarmMirror;

beforeEach(async () => {
  heard = [];
  mirror = new AlarmMirror(idleBucket(), {
    stationId: ME,
    logger: pino({ level: 'silent' }),
    onRemoteChange: (change) => heard.push(change),
  });
  await mirror.start(1_000);
});

describe('AlarmMirror', () => {
  it("announces another station's raise and later changes, newer revisions only", () => {
    mirror.learn(entry(3, OTHER));
    const acknowledged: Alarm = { ...alarm, state: 'acknowledged' };
    mirror.learn(entry(5, OTHER, acknowledged));
    mirror.learn(entry(4, OTHER));
    mirror.learn(entry(5, OTHER, acknowledged));
    expect(heard.map((change) => `${change.change}:${change.alarm.state}`)).toEqual([
      'raised:new',
      'updated:acknowledged',
    ]);
    expect(mirror.get(alarm.alarm_id)?.state).toBe('acknowledged');
    expect(mirror.byExternal(externalKey('vas', 'vas-1'))?.alarm_id).toBe(alarm.alarm_id);
    expect(mirror.revisionOf(mirror.get(alarm.alarm_id) ?? alarm)).toBe(5);
  });

  it('leaves its own writes to the alarm book: kept on answer, or seen by the watch while still writing', async () => {
    mirror.keep(alarm, 7);
    mirror.learn(entry(7, ME));
    await mirror.writing(alarm.alarm_id, () => {
      mirror.learn(entry(8, ME, { ...alarm, state: 'closed' }));
      return Promise.resolve();
    });
    expect(heard).toEqual([]);
    expect(mirror.get(alarm.alarm_id)?.state).toBe('closed');
  });

  it('announces its own change it was not answered for (the answer was lost), like any other', () => {
    mirror.learn(entry(9, ME));
    expect(heard.map((change) => change.change)).toEqual(['raised']);
  });

  it('forgets purged alarms and their external ids; index keys and damaged records are not alarms', () => {
    mirror.learn(entry(2, OTHER));
    mirror.learn(entry(3, OTHER, alarm, 'PURGE'));
    expect(mirror.get(alarm.alarm_id)).toBeUndefined();
    expect(mirror.byExternal(externalKey('vas', 'vas-1'))).toBeUndefined();
    const index = { ...entry(4, OTHER), key: externalIndexKey('vas', 'vas-1') };
    expect(mirror.learn(index)).toBeUndefined();
    const damaged = { ...entry(5, OTHER), value: new TextEncoder().encode('{"v":2}') };
    expect(mirror.learn(damaged)).toBeUndefined();
    expect([...mirror.all()]).toEqual([]);
  });
});
