// CodeCarbon measurements (emissions.csv rows, JSON outputs) as the preview shows them.
import { parseDecimal } from "../../text/decimal-text";
import type { MappedRow } from "../sources/codecarbon-csv/map-row";
import { M, Q } from "../sources/codecarbon-csv/schema";
import type { RecordKindSpec } from "./kind";

const dec = (v: string | null) => (v === null ? null : parseDecimal(v));

function location(r: MappedRow): string {
  const m = r.machine;
  const place = [m[M.country_name] ?? m[M.country_iso_code], m[M.region]].filter(Boolean).join(", ");
  const cloud = m[M.on_cloud] === "t" || m[M.cloud_provider] ? [m[M.cloud_provider], m[M.cloud_region]].filter(Boolean).join(" ") : "";
  return [place, cloud && `cloud: ${cloud}`].filter(Boolean).join(" · ") || "—";
}

export const MEASUREMENT_KIND: RecordKindSpec<MappedRow> = {
  columns: [
    { key: "measuredAt", label: "Measured" },
    { key: "project", label: "Project" },
    { key: "experiment", label: "Experiment" },
    { key: "run", label: "Run" },
    { key: "cpuEnergyKwh", label: "CPU kWh", numeric: true },
    { key: "gpuEnergyKwh", label: "GPU kWh", numeric: true },
    { key: "ramEnergyKwh", label: "RAM kWh", numeric: true },
    { key: "energyKwh", label: "Energy kWh", numeric: true },
    { key: "trackerEmissionsKgCo2e", label: "Tracker kg CO₂e", numeric: true },
    { key: "location", label: "Location" },
  ],
  cells(r) {
    const q = r.quantities;
    return [
      r.measuredAt.replace("T", " ").replace(/\.000$/, ""),
      r.projectName,
      r.experimentId,
      r.runId,
      dec(q[Q.cpu_energy]),
      dec(q[Q.gpu_energy]),
      dec(q[Q.ram_energy]),
      dec(q[Q.energy_consumed]),
      dec(q[Q.emissions]),
      location(r),
    ];
  },
  rowNumber: (r) => r.rowNumber,
  rowHash: (r) => r.rowHash,
  at: (r) => r.measuredAt,
  group: (r) => r.projectName,
  run: (r) => r.runId,
};
