/**
 * Janus's `allow_origin` for a bundled Janus that browsers reach from the station's own origin and from
 * portal origins (`--cors-origin`). Janus accepts one value and matches it as a prefix, so this is the longest
 * prefix every allowed origin shares, cut back to a boundary a foreign origin can't extend (a `:` before the
 * port, or the end of an origin) — e.g. `http://127.0.0.1:3000` + `http://127.0.0.1:8080` → `http://127.0.0.1:`.
 * Null when the origins share no such prefix (different hosts or schemes): Janus then cannot enforce CORS.
 * Viewers still need a station-issued token; this only decides which pages' WebSockets Janus accepts.
 */
export function janusAllowOrigin(stationOrigin: string, portalOrigins: readonly string[]): string | null {
  const origins = [stationOrigin, ...portalOrigins];
  let prefix = stationOrigin;
  for (const origin of origins) {
    let i = 0;
    while (i < prefix.length && i < origin.length && prefix[i] === origin[i]) i++;
    prefix = prefix.slice(0, i);
  }
  if (origins.every((origin) => origin === prefix)) return prefix;
  // Only keep a prefix that ends right after "host:" — anything shorter would admit other hosts.
  const hostEnd = /^[a-z][a-z0-9+.-]*:\/\/[^/:]+:/i.exec(prefix)?.[0];
  return hostEnd ?? null;
}
