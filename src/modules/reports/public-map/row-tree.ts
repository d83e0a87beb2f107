import Flatbush from 'flatbush';
import type { BoundingBox } from '../rules/index.js';
import type { ReportColumns } from './report-columns.js';

/**
 * The spatial index over the store's rows: an R-tree (Flatbush, static) over the rows with a point
 * at the last rebuild, and since then a list of rows added or moved (`extra`) and the set of rows
 * whose entry in the tree is out of date (`moved`). Rebuilt when the list grows long.
 */
export class RowTree {
  private tree: Flatbush | null = null;
  private treeRows = new Int32Array(0);
  private extra: number[] = [];
  /** Rows whose point changed after the rebuild: the tree's entry for them is ignored. */
  private moved = new Set<number>();

  clear(): void {
    this.tree = null;
    this.treeRows = new Int32Array(0);
    this.extra = [];
    this.moved.clear();
  }

  /** Whether so many rows came since the rebuild that searches would slow down. */
  isStale(rows: number): boolean {
    return this.extra.length > Math.max(4096, rows >> 5);
  }

  rebuild(columns: ReportColumns): void {
    const { n, lons, lats } = columns;
    let count = 0;
    for (let i = 0; i < n; i++) if (!Number.isNaN(lons[i]!)) count++;
    this.extra = [];
    this.moved.clear();
    if (count === 0) {
      this.tree = null;
      this.treeRows = new Int32Array(0);
      return;
    }
    // Float32 boxes halve the tree; searches widen the box a little and check the exact point.
    const tree = new Flatbush(count, 16, Float32Array);
    const rows = new Int32Array(count);
    for (let i = 0, k = 0; i < n; i++) {
      const lon = lons[i]!;
      if (Number.isNaN(lon)) continue;
      rows[k++] = i;
      tree.add(lon, lats[i]!);
    }
    tree.finish();
    this.tree = tree;
    this.treeRows = rows;
  }

  /** A new row with a point. */
  added(i: number): void {
    this.extra.push(i);
  }

  /** A row whose point changed: its tree entry no longer counts, its new point (if any) is extra. */
  changed(i: number, hadPoint: boolean, hasPoint: boolean): void {
    if (hadPoint) this.moved.add(i);
    if (hasPoint && !this.extra.includes(i)) this.extra.push(i);
  }

  /** Row numbers from `i` on moved one place up (a row was inserted at `i`). */
  shift(i: number): void {
    const rows = this.treeRows;
    for (let k = 0; k < rows.length; k++) if (rows[k]! >= i) rows[k]!++;
    this.extra = this.extra.map((r) => (r >= i ? r + 1 : r));
    this.moved = new Set([...this.moved].map((r) => (r >= i ? r + 1 : r)));
  }

  /** Whether searching is worth it: a box much smaller than the data (otherwise one scan is faster). */
  helps(box: BoundingBox): boolean {
    const tree = this.tree;
    if (!tree) return false;
    const treeArea = (tree.maxX - tree.minX) * (tree.maxY - tree.minY);
    const boxArea =
      Math.max(0, Math.min(box.maxLon, tree.maxX) - Math.max(box.minLon, tree.minX)) *
      Math.max(0, Math.min(box.maxLat, tree.maxY) - Math.max(box.minLat, tree.minY));
    return boxArea <= 0.2 * treeArea;
  }

  /** Visits every row whose current point lies in the box, edges included (as with `<@`). */
  search(columns: ReportColumns, box: BoundingBox, visit: (row: number) => void): void {
    const { minLon, minLat, maxLon, maxLat } = box;
    const { lons, lats } = columns;
    const rows = this.treeRows;
    const moved = this.moved;
    const inBox = (i: number) => {
      const lon = lons[i]!;
      const lat = lats[i]!;
      return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    };
    const margin = 1e-4;
    this.tree?.search(minLon - margin, minLat - margin, maxLon + margin, maxLat + margin, (t) => {
      const i = rows[t]!;
      if (inBox(i) && (moved.size === 0 || !moved.has(i))) visit(i);
      return false;
    });
    for (const i of this.extra) if (inBox(i)) visit(i);
  }
}
