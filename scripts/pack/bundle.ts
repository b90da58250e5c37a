// `pack keygen` and `pack bundle <slug> [--sign KEY] [--out FILE]`: a pack file a reader imports on
// the options page (src/core/pack-file.ts), signed with an Ed25519 key when --sign is given.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPack } from '../../build/annotation-plugin.ts';
import { loadPack } from '../../build/packs.ts';
import { encodeHashes } from '../../src/core/base64.ts';
import { formatKeyFingerprint, packFileText, type PackPayload } from '../../src/core/pack-file.ts';
import { wordHashes } from '../../src/core/tokenize.ts';
import type { Args } from './args.ts';
import type { Io } from './io.ts';
import { requirePacks } from './pack-names.ts';

/** The raw 32 bytes of an Ed25519 public key. */
function rawPublicKey(key: KeyObject): Uint8Array {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('the key is not an Ed25519 key');
  return new Uint8Array(Buffer.from(jwk.x, 'base64url'));
}

/** The key's fingerprint as the options page shows it (core/pack-file.ts keyFingerprint). */
export const fingerprintOf = (key: KeyObject): string => formatKeyFingerprint(createHash('sha256').update(rawPublicKey(key)).digest());

/** The pack file's text for the pack in `dir`, checked as the build checks it, signed with `privateKeyPem` if given. */
export function bundlePack(dir: string, { now = new Date(), privateKeyPem }: { now?: Date; privateKeyPem?: string } = {}): string {
  loadPack(dir);
  const built = buildPack(dir);
  const payload: PackPayload = {
    slug: built.slug,
    bundled: now.toISOString(),
    annotations: built.file,
    words: encodeHashes(Uint32Array.from(wordHashes(built.articleText))),
    markers: built.detection.markers,
    radius: built.detection.radius,
    minHits: built.detection.minHits,
    fingerprint: built.detection.fingerprint,
    articleShingles: built.data.articleShingles,
  };
  if (privateKeyPem === undefined) return packFileText(payload);
  const privateKey = createPrivateKey(privateKeyPem);
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return packFileText(payload, { publicKey, sign: (bytes) => new Uint8Array(sign(null, bytes, privateKey)) });
}

/** A new Ed25519 key pair: the private key as PKCS #8 PEM, and the public key's fingerprint. */
export function generateSigningKey(): { pem: string; fingerprint: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), fingerprint: fingerprintOf(publicKey) };
}

export function runKeygen(args: Args, io: Io): number {
  const file = args.options.get('out') ?? 'backstory-signing-key.pem';
  if (existsSync(file)) throw new Error(`${file} exists; a key is never overwritten (choose another --out FILE)`);
  const { pem, fingerprint } = generateSigningKey();
  writeFileSync(file, pem, { mode: 0o600 });
  io.err(`Wrote ${file}: an Ed25519 private key. Keep it secret; sign packs with "npm run pack -- bundle <slug> --sign ${file}".\nKey fingerprint (readers see it on the options page): ${fingerprint}`);
  return 0;
}

export function runBundle(args: Args, root: string, io: Io): number {
  const slug = args.positional[1];
  if (!slug) throw new Error('usage: npm run pack -- bundle <slug> [--sign KEY] [--out FILE]');
  requirePacks(root, [slug]);
  const keyFile = args.options.get('sign');
  const privateKeyPem = keyFile === undefined ? undefined : readFileSync(keyFile, 'utf8');
  const text = bundlePack(join(root, slug), { privateKeyPem });
  const file = args.options.get('out') ?? `${slug}.backstory-pack.json`;
  writeFileSync(file, text);
  const signer = privateKeyPem === undefined ? 'unsigned (readers must confirm before it is installed)' : `signed by key ${fingerprintOf(createPublicKey(createPrivateKey(privateKeyPem)))}`;
  io.err(`Wrote ${file}: pack "${slug}", ${Buffer.byteLength(text)} bytes, ${signer}. Readers import it on Backstory's options page.`);
  return 0;
}
