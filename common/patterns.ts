// Every pattern a field of the contract must match, with the words an error says instead of the regex. The
// REST API's validation messages (main/api/validation.ts) look patterns up here, so no answer ever shows a regex.

/** A pattern and how to say it to a person. */
export interface NamedPattern {
  pattern: string;
  /** What the value must be, completing "camera_id …", e.g. "must use 1–64 letters, digits, _ or -". */
  words: string;
}

/** Ids of cameras and views: a slug. */
export const SLUG: NamedPattern = {
  pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$',
  words: 'must use 1–64 letters, digits, _ or -, starting with a letter or digit',
};

/** An RTSP URL's scheme. */
export const RTSP_SCHEME: NamedPattern = {
  pattern: '^[Rr][Tt][Ss][Pp]://',
  words: 'must be an rtsp:// URL, e.g. rtsp://192.0.2.10:554/stream1',
};

/** A kiosk PIN. */
export const PIN_DIGITS: NamedPattern = { pattern: '^[0-9]{4,12}$', words: 'must be 4 to 12 digits' };

/** Every named pattern, by pattern. */
export const NAMED_PATTERNS: ReadonlyMap<string, NamedPattern> = new Map(
  [SLUG, RTSP_SCHEME, PIN_DIGITS].map((named) => [named.pattern, named]),
);
