// Renders resources/icon.svg into the icon files electron-builder reads: resources/icons/<n>x<n>.png (Linux),
// resources/icon.ico (Windows) and resources/icon.icns (macOS). The results are committed; run again after
// changing the SVG: `npm run icons` (needs rsvg-convert, Debian package librsvg2-bin).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ICNS_TYPES, packIcns } from './icons/icns';
import { ICO_MAX_SIDE, packIco } from './icons/ico';

const RESOURCES = join(import.meta.dirname, '..', 'resources');
const SIDES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** Renders the SVG as a square PNG of `side` pixels. */
function render(side: number): Buffer {
  const size = String(side);
  return execFileSync('rsvg-convert', ['-w', size, '-h', size, join(RESOURCES, 'icon.svg')]);
}

const pngs = new Map(SIDES.map((side) => [side, render(side)]));
mkdirSync(join(RESOURCES, 'icons'), { recursive: true });
for (const [side, png] of pngs) writeFileSync(join(RESOURCES, 'icons', `${side}x${side}.png`), png);
writeFileSync(
  join(RESOURCES, 'icon.ico'),
  packIco([...pngs].filter(([side]) => side <= ICO_MAX_SIDE).map(([, png]) => png)),
);
writeFileSync(join(RESOURCES, 'icon.icns'), packIcns(pngs));
console.log(
  `icons: ${SIDES.join(', ')} px PNGs; icon.ico; icon.icns (${Object.keys(ICNS_TYPES).join(', ')})`,
);
