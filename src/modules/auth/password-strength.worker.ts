// Runs zxcvbn in a child process, so that its dictionaries (60–90 MB) live only while passwords
// are being set: the process exits when idle, and its memory goes back to the system (a worker
// thread's would stay in the server's heap arenas).
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import * as ja from "@zxcvbn-ts/language-ja";
import type { StrengthReply, StrengthRequest } from "./password-strength.ts";

const dictionary: Record<string, string[]> = {
	...common.dictionary,
	...en.dictionary,
	...ja.dictionary,
};
// No translations: zxcvbn's own feedback is never shown to anyone.
const zxcvbn = new ZxcvbnFactory({ dictionary, graphs: common.adjacencyGraphs });

process.on("message", (request: StrengthRequest) => {
	let reply: StrengthReply;
	if (request.kind === "count") {
		reply = { id: request.id, entries: new Set(Object.values(dictionary).flat()).size };
	} else {
		const result = zxcvbn.check(request.password, request.userInputs);
		reply = {
			id: request.id,
			score: result.score,
			patterns: result.sequence.map((match) => match.pattern),
		};
	}
	process.send?.(reply);
});

// The server went away (exit, crash): nothing is left to answer.
process.on("disconnect", () => process.exit(0));
