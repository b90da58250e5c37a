// The V8 sampling profiler over a page load, and the attribution of its samples to an extension:
// a sample is the extension's when any frame of its stack comes from `chrome-extension://<id>/`.
// That sees everything a content script costs (loading, settings read, scan, observers, injected
// overlay files), whatever the extension's files are called.
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

export const SAMPLING_INTERVAL_US = 25;

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface Attribution {
  /** Sum of the time of the extension's samples, ms. */
  ms: number;
  /** Wall time the profile covers, ms. */
  wallMs: number;
  samples: number;
  /** The longest run of consecutive extension samples (GC samples inside a run count), ms. */
  longestRunMs: number;
  /** All samples in the profile, whoever's: wallMs / totalSamples is the sampling interval actually achieved. */
  totalSamples: number;
  /** Samples with a frame from another chrome-extension:// origin: must stay 0 with one extension per context. */
  foreignSamples: number;
}

/** Chromium's id of an unpacked extension: sha256 of its absolute path, 32 hex digits written a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

export async function startProfiler(session: CDPSession): Promise<void> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await session.send('Profiler.start');
}

export async function stopProfiler(session: CDPSession): Promise<CpuProfile> {
  const { profile } = await session.send('Profiler.stop');
  return profile as unknown as CpuProfile;
}

/**
 * Time of each sample: V8's timeDeltas[i] is the gap before sample i, so sample i lasts until
 * sample i + 1 (the last one until the profile's end), as DevTools counts it.
 */
function sampleDurations(profile: CpuProfile): number[] {
  const deltas = profile.timeDeltas ?? [];
  const durations: number[] = [];
  let at = profile.startTime;
  const times = deltas.map((delta) => (at += delta));
  for (let i = 0; i < times.length; i++) durations.push(Math.max(0, (i + 1 < times.length ? times[i + 1] : profile.endTime) - times[i]));
  return durations;
}

export function attribute(profile: CpuProfile, extensionId: string): Attribution {
  const prefix = `chrome-extension://${extensionId}/`;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // 1: ours, 2: another extension's, 0: neither; memoised along each stack.
  const owner = new Map<number, number>();
  const ownerOf = (id: number): number => {
    const known = owner.get(id);
    if (known !== undefined) return known;
    const url = byId.get(id)?.callFrame.url ?? '';
    let value = url.startsWith(prefix) ? 1 : url.startsWith('chrome-extension://') ? 2 : 0;
    if (value !== 1) {
      const up = parent.get(id);
      const above = up === undefined ? 0 : ownerOf(up);
      value = above === 1 ? 1 : value || above;
    }
    owner.set(id, value);
    return value;
  };
  const samples = profile.samples ?? [];
  const durations = sampleDurations(profile);
  let ms = 0;
  let count = 0;
  let foreign = 0;
  let longest = 0;
  let run = 0;
  for (let i = 0; i < samples.length; i++) {
    const who = ownerOf(samples[i]);
    const us = durations[i];
    if (who === 1) {
      ms += us;
      count++;
      run += us;
    } else {
      if (who === 2) foreign++;
      // A GC sample inside a run of the extension's samples belongs to that task.
      const gc = byId.get(samples[i])?.callFrame.functionName === '(garbage collector)';
      if (gc && run > 0 && i + 1 < samples.length && ownerOf(samples[i + 1]) === 1) run += us;
      else run = 0;
    }
    longest = Math.max(longest, run);
  }
  return { ms: ms / 1000, wallMs: (profile.endTime - profile.startTime) / 1000, samples: count, totalSamples: samples.length, longestRunMs: longest / 1000, foreignSamples: foreign };
}
