/**
 * Where the server's CPU goes under load: a V8 CPU profile (node:inspector) summed by self time, by the
 * package the code belongs to and by function.
 */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** The package a script belongs to: an npm package, one of ours, Node's own code, or V8's bookkeeping. */
export function areaOf(url: string, functionName: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency?.[1]) return dependency[1];
  const ours = /\/(packages|apps)\/([^/]+)\//.exec(url);
  if (ours?.[2]) return `@steward/${ours[2]}`;
  if (url.startsWith("node:")) return "node (http, streams, timers)";
  if (functionName === "(garbage collector)") return "garbage collection";
  if (functionName === "(idle)") return "(idle)";
  return url ? url : "V8 and native code";
}

function rows(totals: Map<string, number>, busy: number, limit: number) {
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([name, micros]) => ({
      name,
      "self ms": Math.round(micros / 1000),
      "% of busy": Number(((micros / busy) * 100).toFixed(1)),
    }));
}

/** Self time by area and by function, in ms and as a share of the time the process was not idle. */
export function summariseProfile(profile: CpuProfile, requests: number) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id);
    const micros = profile.timeDeltas[index] ?? 0;
    if (!frame) return;
    const area = areaOf(frame.url, frame.functionName);
    if (area === "(idle)") return;
    busy += micros;
    areas.set(area, (areas.get(area) ?? 0) + micros);
    const name = `${frame.functionName || "(anonymous)"} ${area}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
    functions.set(name, (functions.get(name) ?? 0) + micros);
  });
  return {
    busyMsPerRequest: busy / 1000 / Math.max(requests, 1),
    areas: rows(areas, busy, 12),
    functions: rows(functions, busy, 15),
  };
}
