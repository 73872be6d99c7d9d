import { useCallback, useEffect, useRef, useState } from 'react';

import { errorText, runInBackground } from '../../common/background';
import type { StationEvent } from '../../common/events';
import type { StationApi } from '../../common/station-api';
import type { Alarm } from './alarm';
import { mergeAlarms, upsertAlarm } from './alarmList';
import type { DeskAction } from './AlarmActions';
import { noteToSend } from './promptRules';

/** What the alarm list asks of the station (over HTTP or IPC). */
export type AlarmDeskApi = Pick<StationApi, 'listAlarms' | 'acknowledgeAlarm' | 'closeAlarm' | 'snoozeAlarm'>;

/** The alarms this wall knows and what changes them. */
export interface Alarms {
  alarms: ReadonlyMap<string, Alarm>;
  /** Why the last list failed, until one succeeds. */
  error: string | null;
  /** Feeds a station event (`alarm.raised`, `alarm.updated`); calls `onRaised` for a raised one. */
  onStationEvent: (event: StationEvent) => void;
  /** Sends a desk action with the operator's name; the answer updates the list at once. */
  act: (alarm: Alarm, action: DeskAction) => Promise<Alarm>;
}

/** How often the list is fetched again, in case events were lost while the event stream reconnected. */
export const REFRESH_MS = 60_000;
/** How many recent alarms (of any state, closed included) the first list brings beside every open one. */
const RECENT = 100;

/** Every open alarm (new, acknowledged, snoozed) and the most recent ones of any state. */
async function fetchAlarms(api: AlarmDeskApi): Promise<Alarm[]> {
  const lists = await Promise.all([
    api.listAlarms({ state: 'new', limit: 1000 }),
    api.listAlarms({ state: 'acknowledged', limit: 1000 }),
    api.listAlarms({ state: 'snoozed', limit: 1000 }),
    api.listAlarms({ limit: RECENT }),
  ]);
  return lists.flat();
}

/** The station's alarms for this wall: listed at start and every REFRESH_MS, kept current by alarm events. */
export function useAlarms(api: AlarmDeskApi, onRaised: (alarm: Alarm) => void): Alarms {
  const [alarms, setAlarms] = useState<ReadonlyMap<string, Alarm>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const raised = useRef(onRaised);
  useEffect(() => {
    raised.current = onRaised;
  }, [onRaised]);

  useEffect(() => {
    let active = true;
    const load = (): void => {
      runInBackground(
        fetchAlarms(api).then((list) => {
          if (!active) return;
          setAlarms((known) => mergeAlarms(known, list));
          setError(null);
        }),
        (failure: unknown) => {
          if (active) setError(errorText(failure));
        },
      );
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [api]);

  const onStationEvent = useCallback((event: StationEvent) => {
    if (event.type !== 'alarm.raised' && event.type !== 'alarm.updated') return;
    setAlarms((known) => upsertAlarm(known, event.alarm));
    if (event.type === 'alarm.raised') raised.current(event.alarm);
  }, []);

  const act = useCallback(
    async (alarm: Alarm, { action, note, minutes, operator }: DeskAction): Promise<Alarm> => {
      const sent = noteToSend(note);
      const input = { ...(sent === undefined ? {} : { note: sent }), ...(operator ? { operator } : {}) };
      const id = alarm.alarm_id;
      const answer =
        action === 'acknowledge'
          ? await api.acknowledgeAlarm(id, input)
          : action === 'close'
            ? await api.closeAlarm(id, input)
            : await api.snoozeAlarm(id, { minutes: minutes ?? 5, ...input });
      setAlarms((known) => upsertAlarm(known, answer));
      return answer;
    },
    [api],
  );

  return { alarms, error, onStationEvent, act };
}
