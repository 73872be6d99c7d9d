import type { ReviewedFinding } from './report';

/**
 * Findings a person has reviewed and accepted, each with its reason. An entry matches one finding exactly
 * (check, shipped file, line of code as printed by `npm run scan`), so a changed line needs a new review.
 */
export const REVIEWED: readonly ReviewedFinding[] = [
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'out/main/index.js',
    sample: 'actions.openExternal(docsUrl);',
    reason:
      'Help → API documentation: docsUrl is the station REST API /docs URL main built itself, and the action ' +
      'opens only links recorded in ExternalLinks (http/https only, exact match).',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'out/main/index.js',
    sample: 'if (deps.links.has(url)) runInBackground(deps.shell.openExternal(url), deps.onOpenFailed);',
    reason:
      'window-open handler (main/app/window-guards.ts): every new window is denied; only a URL main itself ' +
      'recorded in ExternalLinks (http/https, exact match) is handed to the system browser (a failure is logged).',
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'out/main/index.js',
    sample: 'if (deps.links.has(url)) shell.openExternal(url).catch(() => void 0);',
    reason:
      'The application menu’s openExternal action: the same ExternalLinks check as the window-open handler.',
  },
];
