import { createPublicKey } from "node:crypto";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { checkpointDirOf } from "../config.ts";
import { checkpointAuditChains } from "../modules/audit-log/checkpoint-audit.ts";
import { loadCheckpointKey } from "../modules/audit-log/checkpoint-key.ts";
import { type ChainVerdict, verifyTenantChain } from "../modules/audit-log/verify-chain.ts";
import {
	type CheckpointReport,
	verifyCheckpoints,
} from "../modules/audit-log/verify-checkpoints.ts";
import { listTenants } from "../modules/tenants/tenants.repository.ts";
import { type Command, parseFlags, UsageError } from "./command.ts";
import { cliLabel, tenantOrFail, withRuntime } from "./runtime-helpers.ts";

async function pinnedKey(file: string | undefined) {
	if (file === undefined) return undefined;
	try {
		const key = createPublicKey(await readFile(file, "utf8"));
		if (key.asymmetricKeyType !== "ed25519") throw new Error("not Ed25519");
		return key;
	} catch {
		throw new UsageError(`--public-key ${file}: not an Ed25519 public key in PEM`);
	}
}

function printCheckpoints(report: CheckpointReport, dir: string): void {
	for (const failure of report.failures) {
		const where = failure.line > 0 ? `${failure.file}:${failure.line}` : failure.file;
		console.log(
			`${failure.tenant ?? "?"}: CHECKPOINT FAILS (${where}${failure.seq === null ? "" : `, event ${failure.seq}`}): ${failure.reason}`,
		);
	}
	console.log(
		`checkpoints in ${dir}: ${report.checked} checked, ${report.failures.length} failing`,
	);
}

export const auditVerifyCommand: Command = {
	name: "audit verify",
	summary: "Check the audit hash chain (and signed checkpoints); exit 0 when intact, 1 when not",
	usage:
		"mamori audit verify [--tenant SLUG] [--checkpoints DIR [--public-key FILE.pem]] [--json]\n" +
		"  --checkpoints: every signed head in DIR must verify and still be in its tenant's chain",
	async run(argv) {
		const { values } = parseFlags(argv, {
			tenant: { type: "string" },
			json: { type: "boolean" },
			checkpoints: { type: "string" },
			"public-key": { type: "string" },
		});
		if (values["public-key"] !== undefined && values.checkpoints === undefined) {
			throw new UsageError("--public-key needs --checkpoints DIR");
		}
		const publicKey = await pinnedKey(values["public-key"]);
		const dir = values.checkpoints === undefined ? undefined : resolve(values.checkpoints);
		const { verdicts, checkpoints } = await withRuntime(async (rt) => {
			const tenants = values.tenant
				? [await tenantOrFail(rt, values.tenant)]
				: await listTenants(rt.db);
			const results: ChainVerdict[] = [];
			for (const tenant of tenants) results.push(await verifyTenantChain(rt.db, tenant));
			const report =
				dir === undefined
					? undefined
					: await verifyCheckpoints(rt.db, dir, results, {
							onlyThese: values.tenant !== undefined,
							...(publicKey ? { publicKey } : {}),
						});
			return { verdicts: results, checkpoints: report };
		});
		const intact = verdicts.every((v) => v.intact) && (checkpoints?.failures.length ?? 0) === 0;
		if (values.json) {
			console.log(
				JSON.stringify({
					intact,
					tenants: verdicts,
					...(checkpoints ? { checkpoints } : {}),
				}),
			);
		} else {
			for (const v of verdicts) {
				console.log(
					v.intact
						? `${v.slug}: intact (${v.events} events)`
						: `${v.slug}: BROKEN at event ${v.brokenAt}: ${v.reason}`,
				);
			}
			if (checkpoints && dir) printCheckpoints(checkpoints, dir);
		}
		return intact ? 0 : 1;
	},
};

export const auditCheckpointCommand: Command = {
	name: "audit checkpoint",
	summary: "Sign every tenant's audit chain head and append it to the checkpoint directory",
	usage:
		"mamori audit checkpoint [--json]\n" +
		"  key: checkpoint.key in MAMORI_DATA_DIR (created on first use; back it up with secret.key)\n" +
		"  directory: MAMORI_CHECKPOINT_DIR (default: <data dir>/checkpoints)",
	async run(argv) {
		const { values } = parseFlags(argv, { json: { type: "boolean" } });
		const { written, dir } = await withRuntime(async (rt) => {
			const dir = checkpointDirOf(rt.config);
			const key = loadCheckpointKey(rt.config.dataDir);
			const written = await checkpointAuditChains(rt.db, { dir, key, actorLabel: cliLabel() });
			return { written, dir };
		});
		if (values.json) {
			console.log(JSON.stringify({ dir, checkpoints: written }));
		} else {
			for (const checkpoint of written) {
				console.log(
					`${checkpoint.tenant}: signed event ${checkpoint.seq} (${checkpoint.hash.slice(0, 16)}…) with key ${checkpoint.keyId}`,
				);
			}
			console.log(`appended ${written.length} checkpoints to ${dir}/${written[0]?.file ?? ""}`);
		}
		return 0;
	},
};
