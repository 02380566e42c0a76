/**
 * Splits a V8 CPU profile, as the DevTools protocol's `Profiler.stop` returns it, into the time
 * spent in one script, idle time and the rest. A sample counts for the script when any frame of
 * its stack comes from the script's URL, so time in functions the script calls (DOM methods,
 * other scripts' callbacks) counts for it too. Samples of V8's own work with no JavaScript stack,
 * such as "(garbage collector)" and "(program)", are attributed to no script.
 */

/** The part of the protocol's `Profiler.Profile` that the split reads. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string };
    children?: number[];
  }>;
  startTime: number;
  endTime: number;
  samples?: number[];
  /** Microseconds between each sample and the one before it, the first from `startTime`. */
  timeDeltas?: number[];
}

export interface ProfileSplit {
  /** From the profile's start to its end, in milliseconds. */
  totalMs: number;
  /** Time in "(idle)" samples, when the thread had nothing to run. */
  idleMs: number;
  /** Time in samples with a frame from the script. */
  scriptMs: number;
  sampleCount: number;
  /** Samples with a frame from the script; 0 means the URL prefix matched nothing. */
  scriptSampleCount: number;
}

/** Splits `profile` by whether each sample's stack has a frame whose URL starts with `urlPrefix`. */
export function splitProfile(profile: CpuProfile, urlPrefix: string): ProfileSplit {
  const parentOf = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  }
  const inScript = new Map<number, boolean>();
  const isInScript = (id: number): boolean => {
    const known = inScript.get(id);
    if (known !== undefined) return known;
    const parent = parentOf.get(id);
    const own = byId.get(id)?.callFrame.url.startsWith(urlPrefix) ?? false;
    const result = own || (parent !== undefined && isInScript(parent));
    inScript.set(id, result);
    return result;
  };

  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let idleUs = 0;
  let scriptUs = 0;
  let scriptSampleCount = 0;
  for (let index = 0; index < samples.length; index++) {
    // A sample stands for the interval until the next one; the last for the profile's remainder.
    const durationUs = deltas[index + 1] ?? 0;
    const id = samples[index]!;
    if (byId.get(id)?.callFrame.functionName === '(idle)') idleUs += durationUs;
    else if (isInScript(id)) {
      scriptUs += durationUs;
      scriptSampleCount++;
    }
  }
  return {
    totalMs: (profile.endTime - profile.startTime) / 1000,
    idleMs: idleUs / 1000,
    scriptMs: scriptUs / 1000,
    sampleCount: samples.length,
    scriptSampleCount,
  };
}
