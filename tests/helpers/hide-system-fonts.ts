// Preloaded with `node --import` into a `mamori` command: the system's font directories do not
// exist for it (every file-system call on them fails with ENOENT, as on a machine with only Node
// and npm), and each attempt is recorded, one path a line, in MAMORI_TEST_FONT_PROBES.

// Preloaded with `node --import` into a `mamori` command: the system's font directories do not
// exist for it (every file-system call on them fails with ENOENT, as on a machine with only Node
// and npm), and each attempt is recorded, one path a line, in MAMORI_TEST_FONT_PROBES.
import fs, { appendFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const HIDDEN = ["/usr/share/fonts", "/usr/local/share/fonts", "/etc/fonts"];
const log = process.env.MAMORI_TEST_FONT_PROBES;

function hidden(path: unknown): string | null {
	const text = path instanceof URL ? path.pathname : typeof path === "string" ? path : null;
	return text && HIDDEN.some((dir) => text === dir || text.startsWith(`${dir}/`)) ? text : null;
}

function refuse(path: string): never {
	if (log) appendFileSync(log, `${path}\n`);
	const error = new Error(`ENOENT: no such file or directory, '${path}'`) as NodeJS.ErrnoException;
	error.code = "ENOENT";
	throw error;
}

type AnyFn = (...args: unknown[]) => unknown;
const table = fs as unknown as Record<string, AnyFn>;
const promises = fs.promises as unknown as Record<string, AnyFn>;
const SYNC = [
	"existsSync",
	"statSync",
	"lstatSync",
	"openSync",
	"readFileSync",
	"readdirSync",
	"accessSync",
	"realpathSync",
];
const ASYNC = ["stat", "lstat", "open", "readFile", "readdir", "access", "realpath"];

for (const name of SYNC) {
	const original = table[name];
	if (!original) continue;
	table[name] = function (this: unknown, ...args: unknown[]) {
		const path = hidden(args[0]);
		if (!path) return original.apply(this, args);
		if (name !== "existsSync") refuse(path);
		if (log) appendFileSync(log, `${path}\n`);
		return false;
	};
}
for (const name of ASYNC) {
	const original = promises[name];
	if (!original) continue;
	promises[name] = async function (this: unknown, ...args: unknown[]) {
		const path = hidden(args[0]);
		if (path) refuse(path);
		return original.apply(this, args);
	};
}
syncBuiltinESMExports();
