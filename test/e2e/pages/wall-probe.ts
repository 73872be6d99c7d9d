// Measures the wall as the page lays it out (installed before the page's own scripts): the space the frame
// leaves the wall, each visible tile, and where each tile's band and video sit.
import type { Box, TileGeometry, WallGeometry } from '../wall-types';

function box(element: Element): Box {
  const r = element.getBoundingClientRect();
  return { x: r.left, y: r.top, width: r.width, height: r.height };
}

function byTestId(id: string): Element | null {
  return document.querySelector(`[data-testid="${id}"]`);
}

function tileGeometry(element: Element): TileGeometry | null {
  const id = /^tile-(\d+)$/.exec(element.getAttribute('data-testid') ?? '');
  if (!id || element.hasAttribute('hidden')) return null;
  const index = Number(id[1]);
  const band = element.querySelector('.tile-bar');
  const video = byTestId(`tile-video-${index}`);
  return {
    index,
    cameraId: element.getAttribute('data-camera-id') ?? '',
    state: element.getAttribute('data-state') ?? '',
    tile: box(element),
    band: band ? box(band) : null,
    video: video ? box(video) : null,
    fit: video ? getComputedStyle(video).objectFit : null,
  };
}

function measure(): WallGeometry {
  const above = [document.querySelector('.topbar'), byTestId('alert-banner')].flatMap((e) =>
    e ? [e.getBoundingClientRect().bottom] : [],
  );
  const top = Math.max(0, ...above);
  const list = byTestId('camera-list');
  const left = list ? list.getBoundingClientRect().right : 0;
  const alarms = byTestId('alarm-panel');
  const right = alarms ? alarms.getBoundingClientRect().left : window.innerWidth;
  const root = document.scrollingElement ?? document.documentElement;
  return {
    area: { x: left, y: top, width: right - left, height: window.innerHeight - top },
    tiles: [...document.querySelectorAll('[data-testid^="tile-"]')].flatMap((e) => tileGeometry(e) ?? []),
    scrolls: root.scrollHeight > window.innerHeight || root.scrollWidth > window.innerWidth,
  };
}

(globalThis as unknown as { wallProbe: { measure(): WallGeometry } }).wallProbe = { measure };
