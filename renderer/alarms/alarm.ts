// The alarm as the desk sees it: the station's contract (common/alarms.ts), named once for the desk's modules.
export type { Alarm, AlarmSeverity, AlarmState } from '../../common/alarms';
