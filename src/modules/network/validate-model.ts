import { Problem } from "../../shared/problem.ts";
import { type ModelProblem, parseModelFile } from "./load-model.ts";
import type { NetworkModelFile } from "./model.schema.ts";

/** `segments[0].id (line 3, column 7)`: a problem's place, for an API issue path. */
export function problemPlace(problem: ModelProblem): string {
	return problem.line === null
		? problem.path
		: `${problem.path} (line ${problem.line}, column ${problem.column ?? 1})`;
}

/** Throw `validation_failed` listing every problem, or return when there is none. */
export function refuseProblems(problems: readonly ModelProblem[], place = problemPlace): void {
	if (problems.length === 0) return;
	throw new Problem(
		"validation_failed",
		`the network model has ${problems.length} problem(s): ${problems
			.slice(0, 5)
			.map((p) => `${place(p)}: ${p.message}`)
			.join("; ")}`,
		{
			// The place is a path in the model (`flows[2].source`), not a field of a form: no `field`.
			issues: problems.map((p) => ({
				path: place(p),
				message: p.message,
				code: p.code,
				params: p.params,
			})),
		},
	);
}

/**
 * Validate a model sent as JSON (the editor's save, a check): the schema, ids, references and
 * gateway chains, exactly as for a model file. Paths name the field (`flows[2].source`); lines
 * are left out, since they would count lines of a document the caller never saw.
 *
 * @throws Problem `validation_failed` with one issue per problem.
 */
export function validateModel(input: unknown): NetworkModelFile {
	const { model, problems } = parseModelFile(JSON.stringify(input ?? null), "json");
	refuseProblems(problems, (p) => p.path);
	// refuseProblems threw unless the model is valid.
	if (!model) throw new Problem("internal", "the network model is not valid");
	return model;
}
