import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { runCli } from "../helpers/cli.ts";

/** Issue #21.1: the CLI names a database fault in one line and exits 75 (try again later). */

test("a CLI command against an unreachable database: one line with the cause, exit 75", async () => {
	const dataDir = mkdtempSync(join(tmpdir(), "mamori-cli-fault-"));
	try {
		// Port 1 on loopback: nothing listens, the connection is refused at once.
		const result = await runCli(["tenant", "list"], {
			dataDir,
			databaseUrl: "postgres://postgres@127.0.0.1:1/mamori",
		});
		assert.equal(result.code, 75, result.stderr);
		assert.equal(result.errorLines.length, 1, result.stderr);
		assert.match(
			result.errorLines[0] ?? "",
			/^mamori tenant list: the database is unreachable; nothing was saved \(.*ECONNREFUSED/,
		);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});
