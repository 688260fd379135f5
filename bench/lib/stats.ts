import { cpus, totalmem } from "node:os";

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	if (sorted.length === 0) return Number.NaN;
	return sorted.length % 2
		? (sorted[mid] ?? Number.NaN)
		: ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Thousands separators, no decimals: 123,456. */
export function whole(value: number): string {
	return Math.round(value).toLocaleString("en-US");
}

export function fixed(value: number, digits: number): string {
	return value.toFixed(digits);
}

/** The machine and date a run was measured on, for the report. */
export function machineLine(now = new Date()): string {
	const cpu = cpus()[0]?.model ?? "unknown CPU";
	const gib = (totalmem() / 1024 ** 3).toFixed(1);
	return `${now.toISOString().slice(0, 10)} · ${cpu} · ${cpus().length} cores · ${gib} GiB RAM · Node ${process.version} · ${process.platform}`;
}
