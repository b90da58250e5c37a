// Shingle hashes travel from the build to the content script as base64 of little-endian Uint32s.

export function encodeHashes(hashes: Uint32Array): string {
  const bytes = new Uint8Array(hashes.buffer, hashes.byteOffset, hashes.byteLength);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function decodeHashes(encoded: string): Set<number> {
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Set(new Uint32Array(bytes.buffer));
}
