// The packs as build/gate-data.ts writes them into the gate: "slug radius/100 minHits" for each
// pack and its markers, "marker marker…", each list joined by "|", in the same order.
import type { GatePack } from './detect.ts';

export function packFromRow(row: string, markers: string): GatePack {
  const [slug, radius, minHits] = row.split(' ');
  return { slug, radius: Number(radius) * 100, minHits: Number(minHits), markers: markers.split(' ') };
}

export function packsFromRows(rows: string, markers: string): GatePack[] {
  const markerLists = markers.split('|');
  return rows
    .split('|')
    .filter(Boolean)
    .map((row, i) => packFromRow(row, markerLists[i]));
}
