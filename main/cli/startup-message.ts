// What `vigil serve` prints once it listens: where the API and its docs are, how to use the manage key, and
// which Janus it uses. Pure, so the wording is tested.
import { isLoopback } from '../api/host';

/** What the startup message reports. */
export interface StartupFacts {
  /** The URL the API answers on, e.g. `http://127.0.0.1:3000`. */
  apiUrl: string;
  /** The URL browsers use, when `--public-url` differs from the API URL. */
  publicUrl?: string | undefined;
  /** The bind host (a non-loopback one gets a warning). */
  host: string;
  /** `<dataDir>/manage.key`, or undefined when the operator removed it (manage keys exist). */
  manageKeyFile: string | undefined;
  janusMode: 'native' | 'remote' | 'container';
  /** The Janus HTTP API URL the station uses. */
  janusUrl: string;
  dataDir: string;
  logFile: string;
  /** The browser sign-in link, the file holding a copy, and how long it works. */
  signIn?: { url: string; file: string; validMinutes: number } | undefined;
  /** Why no sign-in link could be made this time (the data folder refused it), when none was. */
  signInProblem?: string | undefined;
  /** The simulated cameras' ids (`--demo N`). */
  demoCameras?: string[] | undefined;
  /** Where recordings go and the byte quota (chosen now at a first start). */
  recording?: { dir: string; maxBytes: number; quotaChosenNow: boolean } | undefined;
}

/** The startup message, a few lines of plain text. */
export function formatStartupMessage(facts: StartupFacts): string {
  const api = facts.apiUrl.replace(/\/$/, '');
  const lines = [
    `Vigil station is running.`,
    `  API:    ${api}/`,
    ...(facts.publicUrl === undefined ? [] : [`  Public: ${facts.publicUrl}`]),
    `  Docs:   ${api}/docs`,
    `  Janus:  ${describeJanus(facts.janusMode)} at ${facts.janusUrl}`,
    `  Data:   ${facts.dataDir} (log: ${facts.logFile})`,
    ...recordingLines(facts.recording),
    ...(facts.demoCameras === undefined
      ? []
      : [`  Demo:   simulated cameras ${facts.demoCameras.join(', ')}`]),
    '',
    ...manageKeyLines(facts.manageKeyFile, api),
  ];
  if (!isLoopback(facts.host)) {
    lines.push(
      '',
      `WARNING: listening on ${facts.host}, not only on this machine: anyone who can reach this port can try`,
      'keys. Put it behind TLS (a reverse proxy) and a firewall, and give clients view keys where they suffice.',
    );
  }
  // The sign-in link comes last: it is what a newcomer looks for, and the terminal stays quiet after it.
  lines.push(...signInLines(facts.signIn, facts.signInProblem));
  return `${lines.join('\n')}\n`;
}

function recordingLines(recording: StartupFacts['recording']): string[] {
  if (recording === undefined) return [];
  const gib = (recording.maxBytes / 2 ** 30).toFixed(1);
  const why = recording.quotaChosenNow
    ? ' (80% of the free space now; kept for later starts; --recordings-max-bytes changes it)'
    : '';
  return [`  Record: ${recording.dir}, at most ${gib} GiB${why}`];
}

function describeJanus(mode: StartupFacts['janusMode']): string {
  switch (mode) {
    case 'native':
      return 'bundled Janus (started by Vigil)';
    case 'remote':
      return 'remote Janus';
    case 'container':
      return 'Janus container';
  }
}

function signInLines(signIn: StartupFacts['signIn'], problem: string | undefined): string[] {
  if (signIn === undefined && problem !== undefined) {
    return ['', `No browser sign-in link this time. ${problem}`, 'Then make one with: vigil signin-link'];
  }
  if (signIn === undefined) return [];
  return [
    '',
    'Open the camera wall in a browser on this machine with this sign-in link (it works once, within',
    `${signIn.validMinutes} minutes; a copy is in ${signIn.file}):`,
    `  ${signIn.url}`,
  ];
}

function manageKeyLines(file: string | undefined, api: string): string[] {
  if (file === undefined) {
    return [
      'The manage key file was removed, so it is not printed here: use the manage key you kept, or create',
      'another with: vigil keys create --name NAME --scope manage',
    ];
  }
  return [
    `The manage key is in ${file} (readable only by you). Use it like this:`,
    `  curl -H "Authorization: Bearer $(cat ${shellQuote(file)})" ${api}/cameras`,
    'Create keys for other clients with: vigil keys create --name NAME --scope view',
  ];
}

/** Quotes a path for a POSIX shell when it needs it. */
function shellQuote(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}
