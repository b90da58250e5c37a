// A pack file: what `npm run pack -- bundle <slug>` writes and the options page imports. One JSON
// object whose `payload` is itself JSON text (the article's word hashes, markers and fingerprint,
// its details and notes, and when it was bundled), optionally signed with Ed25519 over the exact
// UTF-8 bytes of that text, so that a changed byte fails the signature. Reading one is pure (no
// storage, no DOM; WebCrypto only): every check runs before anything is stored, so a bad file
// changes nothing, and its problems are the build's own messages (annotation-problems.ts).
import type { AnnotationFile } from '../model/note.ts';
import type { DetectionData, PackData } from '../model/pack.ts';
import { annotationProblems, SLUG } from './annotation-problems.ts';
import { decodeBytes, decodeWords, encodeBytes, encodeHashes } from './base64.ts';
import { isRecord } from './is-record.ts';
import { packNotesData } from './notes-codec.ts';
import { sampledFingerprintOfWords, shinglesOfWords } from './shingles.ts';
import { wordHashes } from './tokenize.ts';

export const PACK_FILE_FORMAT = 'backstory-pack';
export const PACK_FILE_VERSION = 1;
/** Checked before the file is read: the real pack's file is about 60 KB. */
export const MAX_PACK_FILE_BYTES = 5 * 1024 * 1024;
/** Arrays and objects inside one another: a pack needs 5; a hostile file could overflow the parser's stack. */
export const MAX_JSON_DEPTH = 32;
const MAX_MARKERS = 64;
const MAX_RADIUS = 1_000_000;
const BUNDLED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** The signed part of a pack file, as JSON text inside it. */
export interface PackPayload {
  slug: string;
  /** When it was bundled (ISO date and time, UTC): the pack's version; a later one replaces an earlier. */
  bundled: string;
  /** annotations.json as the pack's folder has it. */
  annotations: AnnotationFile;
  /** Base64 of the article's word hashes (core/tokenize.ts), in order: the notes are checked against them. */
  words: string;
  markers: string[];
  radius: number;
  minHits: number;
  /** Base64 of the sampled shingle hashes (the gate's fingerprint), and of every distinct one. */
  fingerprint: string;
  articleShingles: string;
}

export interface PackSignature {
  algorithm: 'Ed25519';
  /** Base64 of the raw 32-byte public key. */
  publicKey: string;
  /** Base64 of the 64-byte signature over the payload's UTF-8 bytes. */
  value: string;
}

export interface PackFileJson {
  format: typeof PACK_FILE_FORMAT;
  version: typeof PACK_FILE_VERSION;
  payload: string;
  signature?: PackSignature;
}

/** Who signed a pack: the SHA-256 of the public key (shortened for display), and whether the signature holds. */
export interface Signer {
  key: string;
  holds: boolean;
}

/** A pack file, read and checked: what the extension stores. */
export interface ReadPack {
  slug: string;
  bundled: string;
  detection: DetectionData;
  data: PackData;
  signer?: Signer;
}

/** Why a pack file was refused: one line per problem, each naming the entry. */
export class PackFileError extends Error {
  constructor(
    readonly problems: string[],
    readonly signer?: Signer,
  ) {
    super(problems.join('\n'));
    this.name = 'PackFileError';
  }
}

/** The words of the payload's JSON text that are signed: its UTF-8 bytes, exactly. */
export const signedBytes = (payload: string): Uint8Array => new TextEncoder().encode(payload);

/** A key's fingerprint: the first 16 bytes of SHA-256 over the raw public key, in hex groups of four. */
export async function keyFingerprint(publicKey: Uint8Array, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  return formatKeyFingerprint(new Uint8Array(await subtle.digest('SHA-256', publicKey as Uint8Array<ArrayBuffer>)));
}

/** A SHA-256 digest as a key fingerprint (the CLI hashes with node's createHash). */
export function formatKeyFingerprint(digest: Uint8Array): string {
  const hex = [...digest.slice(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)?.join(' ') ?? hex;
}

/** How deep arrays and objects nest in JSON text, counted without parsing (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x5d || char === 0x7d) depth--;
  }
  return deepest;
}

function parseJson(text: string, what: string): unknown {
  const depth = jsonDepth(text);
  if (depth > MAX_JSON_DEPTH) throw new PackFileError([`${what} nests lists and objects ${depth} deep; a pack file nests at most ${MAX_JSON_DEPTH}`]);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PackFileError([`${what} is not valid JSON: ${(error as Error).message}`]);
  }
}

function unknownFields(record: Record<string, unknown>, known: readonly string[], where: string): string[] {
  return Object.keys(record)
    .filter((key) => !known.includes(key))
    .map((key) => `${where}: field "${key}" is not part of this format`);
}

/** The file's outer object: format, version, payload, and a signature if any. */
function readEnvelope(text: string): PackFileJson {
  const json = parseJson(text, 'the file');
  if (!isRecord(json) || json.format !== PACK_FILE_FORMAT) throw new PackFileError([`the file is not a Backstory pack file (no "format": "${PACK_FILE_FORMAT}"); make one with npm run pack -- bundle <slug>`]);
  const problems = unknownFields(json, ['format', 'version', 'payload', 'signature'], 'the file');
  if (json.version !== PACK_FILE_VERSION) problems.push(`version: ${JSON.stringify(json.version)} is not a pack file version this Backstory reads (it reads version ${PACK_FILE_VERSION})`);
  if (typeof json.payload !== 'string') problems.push('payload: missing, or not the pack as JSON text');
  const { signature } = json;
  if (signature !== undefined) {
    if (!isRecord(signature)) problems.push('signature: must be { "algorithm": "Ed25519", "publicKey", "value" }');
    else {
      problems.push(...unknownFields(signature, ['algorithm', 'publicKey', 'value'], 'signature'));
      if (signature.algorithm !== 'Ed25519') problems.push(`signature: algorithm ${JSON.stringify(signature.algorithm)} is not "Ed25519"`);
      if (typeof signature.publicKey !== 'string' || decodeBytes(signature.publicKey)?.length !== 32) problems.push('signature: publicKey must be the base64 of a 32-byte Ed25519 public key');
      if (typeof signature.value !== 'string' || decodeBytes(signature.value)?.length !== 64) problems.push('signature: value must be the base64 of a 64-byte Ed25519 signature');
    }
  }
  if (problems.length > 0) throw new PackFileError(problems);
  return json as unknown as PackFileJson;
}

async function verify(envelope: PackFileJson, subtle: SubtleCrypto): Promise<Signer | undefined> {
  const { signature } = envelope;
  if (!signature) return undefined;
  const publicKey = decodeBytes(signature.publicKey) as Uint8Array<ArrayBuffer>;
  const key = await subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
  const holds = await subtle.verify({ name: 'Ed25519' }, key, decodeBytes(signature.value) as Uint8Array<ArrayBuffer>, signedBytes(envelope.payload) as Uint8Array<ArrayBuffer>);
  return { key: await keyFingerprint(publicKey, subtle), holds };
}

function checkMarkers(payload: Record<string, unknown>, words: ReadonlySet<number>, problems: string[]): void {
  const { markers, radius, minHits } = payload;
  if (!Array.isArray(markers) || markers.length === 0 || markers.length > MAX_MARKERS) return void problems.push(`markers: must be a list of 1 to ${MAX_MARKERS} words of the article`);
  markers.forEach((marker: unknown, i) => {
    // The gate's rows join markers with spaces and packs with "|" (core/gate-rows.ts).
    if (typeof marker !== 'string' || !/^[^\s|]{1,64}$/u.test(marker)) return void problems.push(`marker ${i + 1}: must be one word without spaces or "|"`);
    const hashes = wordHashes(marker);
    if (hashes.length !== 1 || !words.has(hashes[0])) problems.push(`marker "${marker}": is not a word of the article`);
  });
  if (typeof radius !== 'number' || !Number.isInteger(radius) || radius < 1 || radius > MAX_RADIUS) problems.push(`radius: must be a whole number of characters from 1 to ${MAX_RADIUS}`);
  if (typeof minHits !== 'number' || !Number.isInteger(minHits) || minHits < 1 || minHits > markers.length) problems.push(`minHits: must be a whole number from 1 to the number of markers (${markers.length})`);
}

/** The payload's fields, checked with the build's rules; the pack as the extension stores it. */
function readPayload(text: string): Omit<ReadPack, 'signer'> {
  const payload = parseJson(text, 'the payload');
  if (!isRecord(payload)) throw new PackFileError(['payload: is not a JSON object']);
  const problems = unknownFields(payload, ['slug', 'bundled', 'annotations', 'words', 'markers', 'radius', 'minHits', 'fingerprint', 'articleShingles'], 'payload');
  const slug = typeof payload.slug === 'string' && SLUG.test(payload.slug) ? payload.slug : undefined;
  if (!slug) problems.push('slug: must be the pack\'s name, lower-case words joined by hyphens');
  if (typeof payload.bundled !== 'string' || !BUNDLED_AT.test(payload.bundled) || Number.isNaN(Date.parse(payload.bundled))) problems.push('bundled: must be the ISO date and time it was bundled (UTC)');
  const words = typeof payload.words === 'string' ? decodeWords(payload.words) : undefined;
  if (!words || words.length < 5) throw new PackFileError([...problems, 'words: must be the base64 of the article\'s word hashes']);
  checkMarkers(payload, new Set(words), problems);
  // The build's own rules, in its words: every name and quote against the article, sources https only.
  const label = slug ?? 'unnamed';
  problems.push(...annotationProblems(payload.annotations, [...words], slug).map((problem) => `pack "${label}": ${problem}`));
  const fingerprint = encodeHashes(sampledFingerprintOfWords(words));
  const articleShingles = encodeHashes(Uint32Array.from(new Set(shinglesOfWords(words))));
  if (payload.fingerprint !== fingerprint) problems.push('fingerprint: does not match the article\'s words');
  if (payload.articleShingles !== articleShingles) problems.push('articleShingles: do not match the article\'s words');
  if (problems.length > 0 || !slug) throw new PackFileError(problems);
  const annotations = payload.annotations as AnnotationFile;
  const markers = payload.markers as string[];
  const radius = payload.radius as number;
  return {
    slug,
    bundled: payload.bundled as string,
    detection: { slug, markers, radius, minHits: payload.minHits as number, fingerprint },
    data: { slug, markers, radius, article: annotations.article, notes: annotations.notes, articleShingles, notesData: packNotesData(annotations.notes) },
  };
}

/**
 * Reads and checks a pack file's bytes. Throws a PackFileError naming every problem: too large, not
 * UTF-8, too deeply nested, not JSON, not this format, a signature that does not hold, or any note
 * the build would refuse.
 */
export async function readPackFile(bytes: Uint8Array, subtle: SubtleCrypto = crypto.subtle): Promise<ReadPack> {
  if (bytes.length > MAX_PACK_FILE_BYTES) throw new PackFileError([`the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; a pack file is at most ${MAX_PACK_FILE_BYTES / 1024 / 1024} MB`]);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new PackFileError(['the file is not UTF-8 text']);
  }
  const envelope = readEnvelope(text);
  const signer = await verify(envelope, subtle);
  if (signer && !signer.holds) throw new PackFileError([`signature: does not hold: the file was changed after key ${signer.key} signed it`], signer);
  return { ...readPayload(envelope.payload), signer };
}

/** The file for a payload, signed when `sign` is given (the CLI passes node's Ed25519 signer). */
export function packFileText(payload: PackPayload, signature?: { publicKey: Uint8Array; sign: (bytes: Uint8Array) => Uint8Array }): string {
  const text = JSON.stringify(payload);
  const file: PackFileJson = { format: PACK_FILE_FORMAT, version: PACK_FILE_VERSION, payload: text };
  if (signature) file.signature = { algorithm: 'Ed25519', publicKey: encodeBytes(signature.publicKey), value: encodeBytes(signature.sign(signedBytes(text))) };
  return `${JSON.stringify(file, null, 2)}\n`;
}
