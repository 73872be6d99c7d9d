// Every pattern a field of the contract must match, with the words an error says instead of the regex. The
// REST API's validation messages (main/api/validation.ts) look patterns up here, so no answer ever shows a regex.
//
// Control characters (C0: U+0000–U+001F, and DEL: U+007F) are refused in every text field a caller sends:
// a CR LF in a user name would reach a camera inside Janus's RTSP headers, and Janus never answers a request
// holding a NUL. Only a free-text description keeps line breaks and tabs (the wall edits it in a text area).

/** A pattern and how to say it to a person. */
export interface NamedPattern {
  pattern: string;
  /** What the value must be, completing "camera_id …", e.g. "must use 1–64 letters, digits, _ or -". */
  words: string;
}

/** The control characters, as the inside of a regex character class. */
const CONTROL = '\\u0000-\\u001F\\u007F';
/** The control characters but tab (U+0009), line feed (U+000A) and carriage return (U+000D). */
const CONTROL_BUT_LINE_BREAKS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F';

/** Ids of cameras and views: a slug. */
export const SLUG: NamedPattern = {
  pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$',
  words: 'must use 1–64 letters, digits, _ or -, starting with a letter or digit',
};

/** An RTSP URL: its scheme, then no control characters. */
export const RTSP_URL: NamedPattern = {
  pattern: `^[Rr][Tt][Ss][Pp]://[^${CONTROL}]*$`,
  words: 'must be an rtsp:// URL without control characters, e.g. rtsp://192.0.2.10:554/stream1',
};

/** A kiosk PIN. */
export const PIN_DIGITS: NamedPattern = { pattern: '^[0-9]{4,12}$', words: 'must be 4 to 12 digits' };

/** One line of text (names, user names, passwords, tags): no control characters. */
export const ONE_LINE: NamedPattern = {
  pattern: `^[^${CONTROL}]*$`,
  words: 'must not contain control characters (line breaks, tabs, NUL and the like)',
};

/** One line of text that is not blank (an alarm's title): some visible character, no control characters. */
export const TEXT_LINE: NamedPattern = {
  pattern: `^[^${CONTROL}]*[^\\s${CONTROL}][^${CONTROL}]*$`,
  words:
    'must hold some text (not only spaces) and no control characters (line breaks, tabs, NUL and the like)',
};

/** Free text (a description): line breaks and tabs, but no other control characters. */
export const FREE_TEXT: NamedPattern = {
  pattern: `^[^${CONTROL_BUT_LINE_BREAKS}]*$`,
  words: 'must not contain control characters other than line breaks and tabs (no NUL and the like)',
};

/**
 * A webhook's URL: http:// or https://, no user:password (it would be listed), no fragment, no spaces or
 * control characters. main/webhooks checks the rest (a host, a port).
 */
export const HTTP_URL: NamedPattern = {
  pattern: `^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#@${CONTROL}]+([/?][^\\s#${CONTROL}]*)?$`,
  words:
    'must be an http:// or https:// URL without user:password, #fragment, spaces or control characters, ' +
    'e.g. https://vas.example/hooks',
};

/** An alarm's id: `alm_` and 20 hex digits. */
export const ALARM_ID: NamedPattern = {
  pattern: '^alm_[0-9a-f]{20}$',
  words: 'must be an alarm id: alm_ and 20 hex digits, as POST /alarms answered',
};

/** A webhook's id: `whk_` and 16 hex digits. */
export const WEBHOOK_ID: NamedPattern = {
  pattern: '^whk_[0-9a-f]{16}$',
  words: 'must be a webhook id: whk_ and 16 hex digits, as POST /webhooks answered',
};

/** An instant: an ISO 8601 date and time with seconds optional, a fraction optional and a time zone required. */
export const ISO_INSTANT: NamedPattern = {
  pattern:
    '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]{1,9})?)?(Z|[+-][0-9]{2}:[0-9]{2})$',
  words: 'must be an ISO 8601 date-time with a time zone, e.g. 2026-12-02T09:30:00.000Z',
};

/** Every named pattern, by pattern. */
export const NAMED_PATTERNS: ReadonlyMap<string, NamedPattern> = new Map(
  [
    SLUG,
    RTSP_URL,
    PIN_DIGITS,
    ONE_LINE,
    TEXT_LINE,
    FREE_TEXT,
    HTTP_URL,
    ALARM_ID,
    WEBHOOK_ID,
    ISO_INSTANT,
  ].map((named) => [named.pattern, named]),
);
