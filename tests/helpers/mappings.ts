import type { TestClient } from "./client.ts";
import { expectJson } from "./http.ts";

/** A mapping proposal as the tests read it (`MappingProposal` in the OpenAPI document). */
export interface ProposalView {
	mapping: { headerRows: number[]; columns: Record<string, string | null> };
	ignored: string[];
	missing: string[];
}

/**
 * Ask for a column mapping of a file, as the mapping screen does; `save` then stores the proposal
 * as it is for the source.
 *
 * @example
 * const proposal = await proposeMapping(client, "org.roster", "名簿.csv", bytes, "人事給与");
 * await proposal.save();
 */
export async function proposeMapping(
	client: TestClient,
	kind: string,
	filename: string,
	bytes: Uint8Array,
	source: string,
): Promise<ProposalView & { save(): Promise<unknown> }> {
	const proposal = await expectJson<ProposalView>(
		await client.post("/api/imports/mappings/propose", {
			kind,
			filename,
			contentBase64: Buffer.from(bytes).toString("base64"),
			source,
		}),
	);
	const save = async () =>
		expectJson(
			await client.request("PUT", "/api/imports/mappings", {
				version: 1,
				kind,
				source,
				values: {},
				...proposal.mapping,
			}),
		);
	return { ...proposal, save };
}
