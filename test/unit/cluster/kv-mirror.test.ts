import type { KV, KvEntry } from '@nats-io/kv';
import pino from 'pino';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';

import { KvMirror, schemaDecoder, type KvChange } from '../../../main/cluster/kv-mirror';
import { TypedEmitter } from '../../../main/janus/emitter';

/** A stand-in for a KV bucket: last values with revisions, and one live watch fed by `push`. */
class FakeBucket {
  readonly values = new Map<string, { value: string; revision: number }>();
  #revision = 0;
  #watchers: ((entry: KvEntry) => void)[] = [];

  write(key: string, value: string | null, { notify = true } = {}): number {
    const revision = ++this.#revision;
    if (value === null) this.values.delete(key);
    else this.values.set(key, { value, revision });
    if (notify) this.push(entry(key, value, revision));
    return revision;
  }

  push(e: KvEntry): void {
    for (const watcher of this.#watchers) watcher(e);
  }

  asKv(): KV {
    const watch = (): Promise<AsyncIterable<KvEntry> & { stop(): void }> => {
      const queue: KvEntry[] = [];
      let wake: (() => void) | undefined;
      let stopped = false;
      const watcher = (e: KvEntry): void => {
        queue.push(e);
        wake?.();
      };
      this.#watchers.push(watcher);
      return Promise.resolve({
        stop: () => {
          stopped = true;
          this.#watchers = this.#watchers.filter((w) => w !== watcher);
          wake?.();
        },
        async *[Symbol.asyncIterator]() {
          while (!stopped) {
            const next = queue.shift();
            if (next !== undefined) yield next;
            else await new Promise<void>((resolve) => (wake = resolve));
          }
        },
      });
    };
    const stub = {
      watch,
      keys: () =>
        Promise.resolve(
          (async function* (keys: string[]) {
            await Promise.resolve();
            yield* keys;
          })([...this.values.keys()]),
        ),
      get: (key: string) => {
        const held = this.values.get(key);
        return Promise.resolve(held === undefined ? null : entry(key, held.value, held.revision));
      },
    };
    return stub as unknown as KV;
  }
}

function entry(key: string, value: string | null, revision: number): KvEntry {
  return {
    key,
    revision,
    operation: value === null ? 'DEL' : 'PUT',
    string: () => value ?? '',
    json: () => JSON.parse(value ?? '') as unknown,
  } as unknown as KvEntry;
}

class FakeConnection extends TypedEmitter<{ up: []; down: [] }> {
  up(): void {
    this.emit('up');
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

async function open(bucket: FakeBucket, connection = new FakeConnection()) {
  const mirror = await KvMirror.open<string>(
    bucket.asKv(),
    connection,
    (_key, e) => e.string(),
    pino({ level: 'silent' }),
  );
  const changes: KvChange<string>[] = [];
  mirror.onChange((change) => changes.push(change));
  return { mirror, changes, connection };
}

describe('KvMirror', () => {
  it('reads every key at open, then follows puts and deletes made elsewhere', async () => {
    const bucket = new FakeBucket();
    bucket.write('a', 'one');
    const { mirror, changes } = await open(bucket);
    expect(mirror.get('a')).toEqual({ value: 'one', revision: 1 });
    bucket.write('b', 'two');
    bucket.write('a', 'uno');
    bucket.write('b', null);
    await settle();
    expect(changes).toEqual([
      { id: 'b', kind: 'added', value: 'two', previous: undefined },
      { id: 'a', kind: 'updated', value: 'uno', previous: 'one' },
      { id: 'b', kind: 'removed', previous: 'two' },
    ]);
    expect(mirror.entries().map(([key]) => key)).toEqual(['a']);
  });

  it("reports nothing for this station's own acknowledged writes, and drops their echoes and older entries", async () => {
    const bucket = new FakeBucket();
    const { mirror, changes } = await open(bucket);
    const revision = bucket.write('a', 'mine', { notify: false });
    mirror.applyPut('a', 'mine', revision);
    bucket.push(entry('a', 'mine', revision));
    bucket.push(entry('a', 'older', revision - 1));
    mirror.applyDelete('a', revision);
    bucket.push(entry('a', 'stale', revision));
    await settle();
    expect(changes).toEqual([]);
    expect(mirror.get('a')).toBeUndefined();
  });

  it("holds the watch's entries for a key this station is writing: its own write echoed before the ack is not reported, another's newer one is", async () => {
    const bucket = new FakeBucket();
    const { mirror, changes } = await open(bucket);
    await mirror.writing('a', async () => {
      const revision = bucket.write('a', 'mine');
      await settle();
      expect(changes).toEqual([]);
      mirror.applyPut('a', 'mine', revision);
    });
    expect(changes).toEqual([]);
    await mirror
      .writing('a', async () => {
        bucket.write('a', 'theirs');
        await settle();
        throw new Error('the compare-and-swap lost');
      })
      .catch(() => undefined);
    expect(changes).toEqual([{ id: 'a', kind: 'updated', value: 'theirs', previous: 'mine' }]);
    mirror.stop();
  });

  it('reads everything again when NATS is back and reports what changed meanwhile', async () => {
    const bucket = new FakeBucket();
    bucket.write('kept', 'k');
    bucket.write('changed', 'before');
    bucket.write('gone', 'g');
    const { mirror, changes, connection } = await open(bucket);
    // Changes while this station could not hear them.
    bucket.write('changed', 'after', { notify: false });
    bucket.write('gone', null, { notify: false });
    bucket.write('new', 'n', { notify: false });
    connection.up();
    await settle();
    expect(changes).toEqual(
      expect.arrayContaining([
        { id: 'gone', kind: 'removed', previous: 'g' },
        { id: 'new', kind: 'added', value: 'n' },
        { id: 'changed', kind: 'updated', value: 'after', previous: 'before' },
      ]),
    );
    expect(changes).toHaveLength(3);
    expect(new Map(mirror.entries().map(([key, e]) => [key, e.value]))).toEqual(
      new Map([
        ['kept', 'k'],
        ['changed', 'after'],
        ['new', 'n'],
      ]),
    );
    mirror.stop();
  });
});

describe('schemaDecoder', () => {
  const Point = Type.Object({ x: Type.Integer() });

  it('keeps a value that fits the schema and logs and leaves out one that does not, or is not JSON', () => {
    const warnings: unknown[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) });
    const decode = schemaDecoder(Point, logger);
    expect(decode('a', entry('a', '{"x":1}', 1))).toEqual({ x: 1 });
    expect(decode('b', entry('b', '{"x":"one"}', 2))).toBeUndefined();
    expect(decode('c', entry('c', 'not json', 3))).toBeUndefined();
    expect(warnings).toEqual([
      expect.objectContaining({ key: 'b', problem: expect.stringContaining('x') as unknown }),
      expect.objectContaining({ key: 'c', problem: 'is not valid JSON' }),
    ]);
  });
});
