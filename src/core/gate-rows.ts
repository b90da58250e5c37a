// The packs as build/gate-data.ts writes them into the gate: "slug radius/100 minHits" for each
// pack and its markers, "marker marker…", each list joined by "|", in the same order.
import type { DetectionData } from '../model/pack.ts';
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

/** The two strings for `packs`: what the build writes into the gate, and what the imported packs' gate reads from storage. */
export function gateRows(packs: ReadonlyArray<Pick<DetectionData, 'slug' | 'radius' | 'minHits' | 'markers'>>): [packs: string, markers: string] {
  return [packs.map(({ slug, radius, minHits }) => `${slug} ${Math.ceil(radius / 100)} ${minHits}`).join('|'), packs.map(({ markers }) => markers.join(' ')).join('|')];
}
