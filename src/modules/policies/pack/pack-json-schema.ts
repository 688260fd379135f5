import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import {
	classificationSchemeSchema,
	handlingSchema,
	levelSchema,
	schemeMappingSchema,
} from "./classification.schema.ts";
import { zoneSchema } from "./network.schema.ts";
import {
	approvalSchema,
	exceptionApprovalSchema,
	policyApprovalSchema,
	roleDefinitionSchema,
} from "./organisation.schema.ts";
import { localizedLabelSchema, localizedTextSchema } from "./pack.primitives.ts";
import {
	agencySchema,
	documentSchema,
	policyPackSchema,
	provisionSchema,
	threatSchema,
} from "./pack.schema.ts";
import { revisionSchema } from "./revisions.schema.ts";

/** The committed JSON Schema editors use to check pack files. */
export const PACK_JSON_SCHEMA_PATH = resolve(
	import.meta.dirname,
	"../../../../schemas/policy-pack.schema.json",
);

type Meta = { id?: string; title?: string; description?: string };

// A registry of its own, so these names do not leak into the API's OpenAPI document.
function packMetadata() {
	const registry = z.registry<Meta>();
	registry.add(policyPackSchema, {
		title: "Mamori policy pack",
		description:
			"A municipality's information-security policy as structured data (format version 1). " +
			"Cross-field rules (references between codes, unique codes) are checked by Mamori on load.",
	});
	const named: [z.ZodType, string, string][] = [
		[localizedLabelSchema, "LocalizedLabel", "A name or title, Japanese first."],
		[localizedTextSchema, "LocalizedText", "A short description in our own words."],
		[agencySchema, "Agency", "An agency (行政機関) the policy applies to."],
		[threatSchema, "Threat", "A category of threat (対象とする脅威)."],
		[handlingSchema, "Handling", "How assets of a level are handled; rule values strictest first."],
		[levelSchema, "Level", "A classification level; levels are listed most protected first."],
		[schemeMappingSchema, "SchemeMapping", "Each level of this scheme → a level of another."],
		[classificationSchemeSchema, "ClassificationScheme", "An importance or CIA scheme."],
		[roleDefinitionSchema, "Role", "A 組織体制 role."],
		[approvalSchema, "Approval", "Who decides one kind of request."],
		[
			policyApprovalSchema,
			"PolicyApproval",
			"Who decides the policy, and whether its drafter may.",
		],
		[
			exceptionApprovalSchema,
			"ExceptionApproval",
			"Who decides an exception, and how many days before its end it is reminded.",
		],
		[zoneSchema, "Zone", "One tier of the three-tier separation."],
		[provisionSchema, "Provision", "An optional part of the policy and whether it is in force."],
		[documentSchema, "PolicyDocument", "A document of the policy and whether it is public."],
		[revisionSchema, "Revision", "One row of the revision history (改定履歴)."],
	];
	for (const [schema, id, description] of named) registry.add(schema, { id, description });
	return registry;
}

/**
 * The JSON Schema of a pack file, as committed. It describes the input (fields with defaults are
 * optional); the cross-field rules are only checked by `validatePack`.
 *
 * @example
 * writeFileSync(PACK_JSON_SCHEMA_PATH, renderPackJsonSchema());
 */
export function renderPackJsonSchema(): string {
	const schema = z.toJSONSchema(policyPackSchema, {
		io: "input",
		target: "draft-2020-12",
		metadata: packMetadata(),
	});
	return `${JSON.stringify(schema, null, "\t")}\n`;
}

/** Whether the committed JSON Schema matches the Zod schema. */
export function isPackJsonSchemaCurrent(): boolean {
	try {
		return readFileSync(PACK_JSON_SCHEMA_PATH, "utf8") === renderPackJsonSchema();
	} catch {
		return false;
	}
}
