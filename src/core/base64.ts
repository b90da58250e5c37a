// Shingle hashes travel from the build to the content script as base64 of little-endian Uint32s.

export function encodeHashes(hashes: Uint32Array): string {
  const bytes = new Uint8Array(hashes.buffer, hashes.byteOffset, hashes.byteLength);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodeHashes(encoded: string): Set<number> {
  // atob gives one character per byte (all below 256). A loop, not Uint8Array.from with a mapping
  // function: that one makes a string of every character, and took 0.4–3.4 ms for a fingerprint's
  // 900 bytes when the gate still decoded them in each new page (three article loads, 2026-12-07).
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Set(new Uint32Array(bytes.buffer));
}

/** Base64 of little-endian Uint32s back into them, in order; undefined for anything else. */
export function decodeWords(encoded: string): Uint32Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return undefined;
  const binary = atob(encoded);
  if (binary.length % 4 !== 0) return undefined;
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Uint32Array(bytes.buffer);
}

/** Bytes as base64 (keys and signatures in a pack file). */
export function encodeBytes(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Base64 back into bytes; undefined when it is not base64. */
export function decodeBytes(encoded: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return undefined;
  const binary = atob(encoded);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
