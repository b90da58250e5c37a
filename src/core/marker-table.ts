// Every pack's markers as one table made at build time, for the one-pass search (one-pass.ts): the
// markers' word hashes, sorted, and beside each the index of the pack it belongs to. The gate
// decodes it with one `atob` and reads it in place, so its start-up does not grow with the packs.
import { decodeBytes, encodeBytes } from './base64.ts';

export interface MarkerTable {
  /** Word hashes, ascending; a hash that is a marker of several packs appears once for each. */
  hashes: Uint32Array;
  /** The pack (its index in the build's list) of each hash. */
  owners: Uint16Array;
}

/** `markers[i]`: the word hashes of pack i's markers. */
export function markerTable(markers: ReadonlyArray<readonly number[]>): MarkerTable {
  const entries = markers.flatMap((hashes, owner) => [...new Set(hashes)].map((hash) => [hash, owner] as const)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { hashes: Uint32Array.from(entries, ([hash]) => hash), owners: Uint16Array.from(entries, ([, owner]) => owner) };
}

/** Base64 of the hashes (4 bytes each) followed by the owners (2 bytes each). */
export function encodeMarkerTable(table: MarkerTable): string {
  const bytes = new Uint8Array(table.hashes.length * 6);
  bytes.set(new Uint8Array(table.hashes.buffer, table.hashes.byteOffset, table.hashes.byteLength));
  bytes.set(new Uint8Array(table.owners.buffer, table.owners.byteOffset, table.owners.byteLength), table.hashes.length * 4);
  return encodeBytes(bytes);
}

export function decodeMarkerTable(encoded: string): MarkerTable {
  const bytes = decodeBytes(encoded);
  const count = Math.floor(bytes.length / 6);
  return { hashes: new Uint32Array(bytes.buffer, 0, count), owners: new Uint16Array(bytes.buffer, count * 4, count) };
}

/** Calls `onOwner` with each pack that has `hash` as a marker (binary search). */
export function forEachOwner(table: MarkerTable, hash: number, onOwner: (owner: number) => void): void {
  const { hashes, owners } = table;
  let low = 0;
  let high = hashes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (hashes[middle] < hash) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < hashes.length && hashes[i] === hash; i++) onOwner(owners[i]);
}
