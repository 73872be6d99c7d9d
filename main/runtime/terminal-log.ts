// What the terminal shows of the station's log. The file keeps every JSON line; the terminal gets short lines a
// person reads (time, level, subsystem, message and a few fields) and, unless a level was asked for, only warnings
// and errors, so the startup banner stays the last thing printed. Janus's own output (tagged `source: "janus"`)
// reaches the terminal only at debug: it is chatty, and its start-up warnings are about setups Vigil does not use.
import type { DestinationStream } from 'pino';

/** pino's numeric levels by name. */
const LEVEL_VALUES = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;

/** A level the terminal can be set to. */
export type TerminalLevel = keyof typeof LEVEL_VALUES;

const LEVEL_NAMES = new Map<number, string>(
  Object.entries(LEVEL_VALUES).map(([name, value]) => [value, name.toUpperCase()]),
);
/** Fields every line has, or that the line shows in its own place. */
const OWN_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'source', 'err', 'v']);
const MAX_FIELDS_TEXT = 200;

/** One log entry as a terminal line, or undefined when the terminal does not show it at `level`. */
export function terminalLine(entry: Record<string, unknown>, level: TerminalLevel): string | undefined {
  const value = typeof entry.level === 'number' ? entry.level : LEVEL_VALUES.info;
  if (value < LEVEL_VALUES[level]) return undefined;
  if (entry.source === 'janus' && LEVEL_VALUES[level] > LEVEL_VALUES.debug) return undefined;
  const time = new Date(typeof entry.time === 'number' ? entry.time : Date.now()).toTimeString().slice(0, 8);
  const name = typeof entry.name === 'string' ? `${entry.name}: ` : '';
  const source = entry.source === 'janus' ? 'janus: ' : '';
  const message = typeof entry.msg === 'string' ? entry.msg : '';
  const why = errorMessage(entry.err);
  const fields = Object.entries(entry)
    .filter(([key, field]) => !OWN_FIELDS.has(key) && isPlain(field))
    .map(([key, field]) => `${key}=${String(field)}`)
    .join(' ');
  const tail = [why === undefined ? '' : `: ${why}`, fields === '' ? '' : ` (${clip(fields)})`].join('');
  const levelName = (LEVEL_NAMES.get(value) ?? String(value)).padEnd(5);
  return `${time} ${levelName} ${name}${source}${message}${tail}\n`;
}

/** A pino destination that writes {@link terminalLine}s of each JSON entry to `write`. */
export function terminalStream(level: TerminalLevel, write: (text: string) => void): DestinationStream {
  return {
    write(line: string) {
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch {
        write(line);
        return;
      }
      if (typeof entry !== 'object' || entry === null) return;
      const text = terminalLine(entry as Record<string, unknown>, level);
      if (text !== undefined) write(text);
    },
  };
}

function errorMessage(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const message = (err as { message?: unknown }).message;
  return typeof message === 'string' ? message : undefined;
}

function isPlain(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function clip(text: string): string {
  return text.length > MAX_FIELDS_TEXT ? `${text.slice(0, MAX_FIELDS_TEXT)}…` : text;
}
