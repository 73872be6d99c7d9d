import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import type { CameraView } from '../../common/camera';
import type { StreamPlayer } from '../player/types';
import type { WallAction } from '../views/viewState';
import type { Alarm } from './alarm';
import type { DeskAction } from './AlarmActions';
import { nextOnStage, severityRank, takesOverWall, waitingAlarms } from './alarmQueue';
import {
  readDeskSettings,
  readOperator,
  writeDeskSettings,
  writeOperator,
  type DeskSettings,
} from './deskSettings';
import { createSoundCues, type CueOutcome } from './soundCue';
import { useAlarms, type AlarmDeskApi, type Alarms } from './useAlarms';

/** What the desk needs from the wall around it. */
export interface AlarmDeskDeps {
  api: AlarmDeskApi;
  /** This wall's name (`?wall=` or the desktop window's setting), null when it has none. */
  wallName: string | null;
  /** The key this window keeps its operator's name under (its `?wall=`), null for the page. */
  windowKey: string | null;
  /** The wall an alarm takes over. */
  wall: {
    dispatch: (action: WallAction) => void;
    player: Pick<StreamPlayer, 'prefetch'>;
    cameras: ReadonlyMap<string, CameraView>;
    /** It shows the view it opens on: an alarm may take it over from now on (not before, or the view would). */
    ready: boolean;
  };
}

/** Puts an alarm's cameras (those the station still has) on the wall's hotspot tile. */
function showAlarm(wall: AlarmDeskDeps['wall'], alarm: Alarm): void {
  const known = alarm.camera_ids.filter((id) => wall.cameras.size === 0 || wall.cameras.has(id));
  wall.player.prefetch(known);
  wall.dispatch({ type: 'hotspot', cameraIds: known });
}

/** The alarm desk: the list, the alarm on stage and its takeover of the wall, the sound, the operator, settings. */
export interface AlarmDesk extends Pick<Alarms, 'alarms' | 'error' | 'onStationEvent'> {
  /** The alarm the operator must answer now, and how many wait behind it. */
  stage: Alarm | null;
  waiting: number;
  /** Whether this wall shows the alarm's camera on its own hotspot (else the dedicated alarm wall does). */
  takesOver: boolean;
  cue: CueOutcome | null;
  settings: DeskSettings;
  changeSettings: (patch: Partial<DeskSettings>) => void;
  operator: string;
  setOperator: (name: string) => void;
  setAnswering: (answering: boolean) => void;
  act: (alarm: Alarm, action: DeskAction) => Promise<unknown>;
}

/**
 * The alarm desk's state for one wall: alarms from the station, the most urgent waiting one on stage (its
 * cameras on this wall's hotspot unless a dedicated alarm wall is set, the wall put back once nothing waits), a
 * sound cue per new alarm, and the operator's name sent with every action.
 */
export function useAlarmDesk(deps: AlarmDeskDeps): AlarmDesk {
  const { api, wallName, windowKey } = deps;
  const wallReady = deps.wall.ready;
  const [settings, setSettings] = useState<DeskSettings>(() => readDeskSettings());
  const [operator, setOperatorState] = useState(() => readOperator(windowKey));
  const [stageId, setStageId] = useState<string | null>(null);
  const [answering, setAnswering] = useState(false);
  const [cues, setCues] = useState<ReadonlyMap<string, CueOutcome>>(new Map());
  const sound = useMemo(() => createSoundCues(), []);
  useEffect(() => {
    sound.warm();
  }, [sound]);
  const latest = useRef({ settings, deps });
  useEffect(() => {
    latest.current = { settings, deps };
  });

  const onRaised = useCallback(
    (alarm: Alarm) => {
      const current = latest.current.settings;
      if (alarm.state !== 'new' || severityRank(alarm.severity) < severityRank(current.takeover)) return;
      // After the takeover is painted: the picture first, the sound a frame later.
      setTimeout(() => {
        const outcome = sound.play(alarm.severity, current.muted);
        setCues((known) => new Map(known).set(alarm.alarm_id, outcome));
      }, 0);
    },
    [sound],
  );
  const { alarms, error, onStationEvent, act } = useAlarms(api, onRaised);

  const waiting = useMemo(
    () => waitingAlarms(alarms.values(), settings.takeover),
    [alarms, settings.takeover],
  );
  // The stage follows the queue as it renders (React's way to adjust state to a change of props).
  const nextId = nextOnStage(stageId, waiting, answering);
  if (nextId !== stageId) {
    setStageId(nextId);
    // A new alarm on stage: nobody has typed anything for it yet.
    setAnswering(false);
  }

  const stage = nextId === null ? null : (alarms.get(nextId) ?? null);
  const takesOver = takesOverWall(wallName, settings.alarmWall);
  const shownOnWall = useRef<string | null>(null);
  useEffect(() => {
    const wall = latest.current.deps.wall;
    if (!takesOver || !wallReady) return;
    if (stage !== null && shownOnWall.current !== stage.alarm_id) {
      shownOnWall.current = stage.alarm_id;
      showAlarm(wall, stage);
    } else if (stage === null && shownOnWall.current !== null) {
      shownOnWall.current = null;
      wall.dispatch({ type: 'restore' });
    }
  }, [stage, takesOver, wallReady]);

  const changeSettings = useCallback((patch: Partial<DeskSettings>) => {
    setSettings((current) => {
      const next = { ...current, ...patch };
      writeDeskSettings(next);
      return next;
    });
  }, []);
  const setOperator = useCallback(
    (name: string) => {
      writeOperator(windowKey, name);
      setOperatorState(readOperator(windowKey) || name.trim());
    },
    [windowKey],
  );

  return {
    alarms,
    error,
    onStationEvent,
    stage,
    waiting: Math.max(0, waiting.length - (stage === null ? 0 : 1)),
    takesOver,
    cue: stage === null ? null : (cues.get(stage.alarm_id) ?? null),
    settings,
    changeSettings,
    operator,
    setOperator,
    setAnswering,
    act,
  };
}
