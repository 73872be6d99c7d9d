import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';

import type { GatewayEndpoints, GatewayEvent } from '../../../main/gateway/gateway';
import type { JanusChoice } from '../../../main/runtime/janus-choice';
import type { JanusSetup } from '../../../main/runtime/janus-gateway';
import { StationGateway, type GatewayState } from '../../../main/runtime/station-gateway';
import { FakeGateway } from './fake-gateway';

const setup: JanusSetup = {
  choice: { env: {} },
  bundled: { dataDir: '/tmp/vigil-station-gateway-unused', origin: 'vigil://wall' },
  logger: pino({ level: 'silent' }),
};

/** A station that records which Janus it was moved to. */
function fakeStation(journal: string[]) {
  return {
    switchGateway: (endpoints: GatewayEndpoints) => {
      journal.push(`station → ${endpoints.urls.ws}`);
      return Promise.resolve();
    },
  };
}

const gaveUp: GatewayEvent = { type: 'gave-up', reason: 'Janus failed 5 times in a row' };

describe('StationGateway', () => {
  it('tells every listener once when the bundled Janus gives up, before and after it follows the station', () => {
    const journal: string[] = [];
    const first = new FakeGateway('native', journal);
    const janus = new StationGateway(setup, first);
    const heard = vi.fn<(state: GatewayState) => void>();
    janus.onChange(heard);
    first.fire({ type: 'restarted', pid: 42 });
    expect(heard).not.toHaveBeenCalled();
    first.fire(gaveUp);
    expect(heard).toHaveBeenCalledExactlyOnceWith({ mode: 'native', gaveUp: { reason: gaveUp.reason } });
    janus.follow(fakeStation(journal));
    first.fire(gaveUp);
    expect(heard).toHaveBeenCalledTimes(2);
    expect(janus.state().gaveUp).toEqual({ reason: gaveUp.reason });
  });

  it('switches the station to the mode asked for, and Janus runs again', async () => {
    const journal: string[] = [];
    const first = new FakeGateway('native', journal);
    const create = vi.fn((choice: JanusChoice) => new FakeGateway(choice.mode, journal));
    const janus = new StationGateway(setup, first, create);
    janus.follow(fakeStation(journal));
    first.fire(gaveUp);
    const heard = vi.fn<(state: GatewayState) => void>();
    janus.onChange(heard);
    await janus.switchTo('container');
    expect(create).toHaveBeenCalledWith({ mode: 'container', decidedBy: 'janus_mode' }, setup);
    expect(journal).toEqual(['stop native', 'start container', 'station → ws://container']);
    expect(janus.mode).toBe('container');
    expect(janus.endpoints.urls.ws).toBe('ws://container');
    expect(heard).toHaveBeenCalledExactlyOnceWith({ mode: 'container', gaveUp: undefined });
  });

  it('cannot switch before it follows a station', async () => {
    const janus = new StationGateway(setup, new FakeGateway('native'));
    await expect(janus.switchTo('container')).rejects.toThrow(/before follow/);
  });

  it('stops listening to a listener that unsubscribed', () => {
    const first = new FakeGateway('container');
    const janus = new StationGateway(setup, first);
    const heard = vi.fn();
    janus.onChange(heard)();
    first.fire(gaveUp);
    expect(heard).not.toHaveBeenCalled();
  });
});
