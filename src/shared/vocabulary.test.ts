import assert from "node:assert/strict";
import { test } from "node:test";
import { en } from "../web/i18n/en.ts";
import { ja } from "../web/i18n/ja.ts";
import { RETIRED_SPELLINGS, type TermGroup, term, VOCABULARY } from "./vocabulary.ts";

/** The catalogue prefixes under which the screens show each group. */
const ON_SCREEN: [prefix: string, group: TermGroup][] = [
	["assets.kind", "assetKind"],
	["assets.zone", "assetZone"],
	["assets.personal", "personalData"],
	["assets.lifecycle", "lifecycle"],
	["custody.lifecycle", "lifecycle"],
	["custody.takeOut.status", "takeOutStatus"],
	["custody.disposal.status", "disposalStatus"],
	["custody.method", "disposalMethod"],
	["risks.treatment", "riskTreatment"],
	["risks.status", "riskStatus"],
	["risks.band", "riskBand"],
	["docs.status", "documentStatus"],
	["gap.status", "gapStatus"],
	["review.status", "reviewStatus"],
	["mail.status", "mailStatus"],
	["mail.requestStatus", "releaseStatus"],
	["mail.category", "mailCategory"],
	["org.roster.status", "rosterStatus"],
	["network.tier", "networkTier"],
	["network.gatewayKind", "gatewayKind"],
	["network.field", "networkControl"],
	["pack.safeguard", "networkSafeguard"],
	["pack.model", "networkModel"],
	["checklists.kind", "checklistKind"],
	["checklists.answerer", "checklistAnswerer"],
	["checklists.scale", "checklistScale"],
	["findings.state", "findingState"],
	["findings.severity", "findingSeverity"],
	["findings.source", "findingSource"],
];

test("the web catalogues show every state with the shared word, in both languages", () => {
	for (const [prefix, group] of ON_SCREEN) {
		for (const [code, words] of Object.entries(VOCABULARY[group])) {
			const key = `${prefix}.${code}`;
			assert.equal(Object.getOwnPropertyDescriptor(ja, key)?.value, words.ja, `ja ${key}`);
			assert.equal(Object.getOwnPropertyDescriptor(en, key)?.value, words.en, `en ${key}`);
		}
	}
});

test("one word per state: the asset's lifecycle and the take-out say 持ち出し中 alike", () => {
	assert.equal(term("lifecycle", "taken_out"), "持ち出し中");
	assert.equal(term("takeOutStatus", "approved"), term("lifecycle", "taken_out"));
	assert.equal(term("takeOutStatus", "returned"), term("lifecycle", "returned"));
	assert.equal(term("lifecycle", "in_use"), "使用中");
	assert.equal(term("lifecycle", "disposed"), "廃棄済み");
	assert.equal(term("lifecycle", "disposed", "en"), "Disposed");
	assert.equal(term("lifecycle", "some_future_state"), "some_future_state");
});

test("no Japanese message uses a retired spelling (運用中, 持出中, 廃棄済 …)", () => {
	const retired = Object.keys(RETIRED_SPELLINGS).map(
		(old) => [old, new RegExp(`${old}(?!み)`, "u")] as const,
	);
	for (const [key, text] of Object.entries(ja)) {
		for (const [old, pattern] of retired) {
			assert.doesNotMatch(text, pattern, `${key} says ${old}: use ${RETIRED_SPELLINGS[old]}`);
		}
	}
	for (const group of Object.values(VOCABULARY)) {
		for (const words of Object.values(group)) {
			for (const [old, pattern] of retired) assert.doesNotMatch(words.ja, pattern, old);
		}
	}
});
