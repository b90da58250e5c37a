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
  /** The tasks that renderer main threads ran meanwhile (a trace's top-level RunTask spans), µs on the profile's clock. */
  tasks?: TaskSpan[];
}

export interface TaskSpan {
  thread: string;
  start: number;
  end: number;
  /** The thread's CPU time in the task, µs, where the trace gives it: less than its span when the system ran something else meanwhile. */
  cpu?: number;
}

export interface Attribution {
  /** Sum of the time of the extension's samples, ms. */
  ms: number;
  /** Wall time the profile covers, ms. */
  wallMs: number;
  samples: number;
  /** The longest run of consecutive extension samples (GC samples inside a run count), ms. */
  longestRunMs: number;
  /**
   * The most extension time inside one task of the page's main thread, ms: how long the extension
   * kept the page from its next task. Consecutive samples can span several tasks when the page has
   * nothing to run between them; this cannot (NaN without a trace).
   */
  longestTaskMs: number;
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

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread CPU time of a complete event, µs. */
  tdur?: number;
  args?: { name?: string };
}

const traced = new WeakMap<CDPSession, { events: TraceEvent[]; complete: Promise<void> }>();

/**
 * The sampling profiler and, unless the caller traces something else meanwhile, a trace of the
 * tasks that renderer threads run (category `toplevel`: cheap), for `longestTaskMs`.
 */
export async function startProfiler(session: CDPSession, { tasks = true } = {}): Promise<void> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  if (tasks) {
    const events: TraceEvent[] = [];
    const collect = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]));
    session.on('Tracing.dataCollected', collect);
    const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', '__metadata'] }, transferMode: 'ReportEvents' });
    traced.set(session, { events, complete: complete.then(() => void session.off('Tracing.dataCollected', collect)) });
  }
  await session.send('Profiler.start');
}

export async function stopProfiler(session: CDPSession): Promise<CpuProfile> {
  const { profile } = await session.send('Profiler.stop');
  const trace = traced.get(session);
  traced.delete(session);
  if (!trace) return profile as unknown as CpuProfile;
  await session.send('Tracing.end');
  await trace.complete;
  return { ...(profile as unknown as CpuProfile), tasks: rendererTasks(trace.events) };
}

/** Top-level tasks of every renderer main thread in a trace (a task run inside another is part of it). */
function rendererTasks(events: readonly TraceEvent[]): TaskSpan[] {
  const mains = new Set(events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}/${event.tid}`));
  const spans = events
    .filter((event) => event.ph === 'X' && event.name === 'ThreadControllerImpl::RunTask' && mains.has(`${event.pid}/${event.tid}`))
    .map((event) => ({ thread: `${event.pid}/${event.tid}`, start: event.ts, end: event.ts + (event.dur ?? 0), cpu: event.tdur }))
    .sort((a, b) => a.start - b.start);
  const outer = new Map<string, TaskSpan>();
  return spans.filter((span) => {
    const last = outer.get(span.thread);
    if (last && span.start < last.end) return false;
    outer.set(span.thread, span);
    return true;
  });
}

/**
 * The most of the extension's sample time inside one task, of the thread that ran most of it.
 * `samples`: every sample's start and duration, and whether it is the extension's. A sample stands
 * for the time until the next one, cut at its task's end; the first sample inside a task also stands
 * for the time since the task began (the sampler comes late when the machine is busy); a task's
 * figure is at most its thread CPU time.
 */
function longestInOneTask(samples: ReadonlyArray<readonly [number, number, boolean]>, tasks: readonly TaskSpan[]): number {
  const byTask = new Map<TaskSpan, number>();
  const perThread = new Map<string, number>();
  const begun = new Set<TaskSpan>();
  let index = 0;
  // Both lists are in time order (rendererTasks sorts the tasks by start).
  for (const [at, us, mine] of samples) {
    while (index < tasks.length && tasks[index].end < at) index++;
    for (let i = index; i < tasks.length && tasks[i].start <= at; i++) {
      const task = tasks[i];
      if (task.end < at) continue;
      const from = begun.has(task) ? at : task.start;
      begun.add(task);
      if (!mine) continue;
      const inside = Math.min(at + us, task.end) - from;
      byTask.set(task, (byTask.get(task) ?? 0) + inside);
      perThread.set(task.thread, (perThread.get(task.thread) ?? 0) + inside);
    }
  }
  const page = [...perThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  // Never more than the thread's CPU time in the task: while the system ran something else, the
  // extension ran nothing.
  return Math.max(0, ...[...byTask].filter(([task]) => task.thread === page).map(([task, us]) => Math.min(us, task.cpu ?? us)));
}

/**
 * Time of each sample: V8's timeDeltas[i] is the gap before sample i, so sample i lasts until
 * sample i + 1 (the last one until the profile's end), as DevTools counts it.
 */
function sampleTimes(profile: CpuProfile): number[] {
  let at = profile.startTime;
  return (profile.timeDeltas ?? []).map((delta) => (at += delta));
}

function sampleDurations(profile: CpuProfile): number[] {
  const durations: number[] = [];
  const times = sampleTimes(profile);
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
  const times = sampleTimes(profile);
  const timed: Array<[number, number, boolean]> = [];
  for (let i = 0; i < samples.length; i++) {
    const who = ownerOf(samples[i]);
    const us = durations[i];
    timed.push([times[i], us, who === 1]);
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
  const longestTaskMs = profile.tasks ? longestInOneTask(timed, profile.tasks) / 1000 : Number.NaN;
  return { ms: ms / 1000, wallMs: (profile.endTime - profile.startTime) / 1000, samples: count, totalSamples: samples.length, longestRunMs: longest / 1000, longestTaskMs, foreignSamples: foreign };
}
