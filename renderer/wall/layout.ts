import { LAYOUT_TILES, type LayoutId } from '../../common/views';

/** Where one tile sits in the CSS grid: 1-based row/column and how many cells it spans. */
export interface TilePlacement {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** A layout as a square CSS grid and one placement per tile, in tile order (tile 0 is a hotspot's big tile). */
export interface GridLayout {
  size: number;
  tiles: TilePlacement[];
}

/** The big tile of each hotspot layout: its grid size, the big tile's first cell and its span. */
const HOTSPOTS: Partial<Record<LayoutId, { size: number; row: number; col: number; span: number }>> = {
  '1+5': { size: 3, row: 1, col: 1, span: 2 },
  '1+7': { size: 4, row: 1, col: 1, span: 3 },
  '1+12': { size: 4, row: 2, col: 2, span: 2 },
};

function squareGrid(size: number): GridLayout {
  const tiles: TilePlacement[] = [];
  for (let row = 1; row <= size; row++) {
    for (let col = 1; col <= size; col++) tiles.push({ row, col, rowSpan: 1, colSpan: 1 });
  }
  return { size, tiles };
}

/** The grid for a layout: square layouts fill row by row; hotspots put the big tile first, then small tiles in reading order. */
export function gridLayout(layout: LayoutId): GridLayout {
  const hotspot = HOTSPOTS[layout];
  if (!hotspot) return squareGrid(Math.sqrt(LAYOUT_TILES[layout]));
  const { size, row, col, span } = hotspot;
  const inBig = (r: number, c: number): boolean => r >= row && r < row + span && c >= col && c < col + span;
  const small = squareGrid(size).tiles.filter((t) => !inBig(t.row, t.col));
  return { size, tiles: [{ row, col, rowSpan: span, colSpan: span }, ...small] };
}

/** The CSS `grid-area` of a placement (`row / col / row-end / col-end`). */
export function gridArea(p: TilePlacement): string {
  return `${p.row} / ${p.col} / ${p.row + p.rowSpan} / ${p.col + p.colSpan}`;
}
