import { strengthOf } from "./password-strength.ts";

/**
 * Why a new password is refused. The codes are stable: the API sends them as issue codes of a
 * `validation_failed` problem, and the web and CLI turn them into catalogue text.
 */
export type PasswordIssueCode =
	| "password_too_short"
	| "password_too_long"
	| "password_contains_name"
	| "password_low_entropy"
	| "password_common"
	| "password_unchanged";

export interface PasswordIssue {
	code: PasswordIssueCode;
	/** Developer-facing English; people see the catalogue text for `code`. */
	message: string;
	params: Record<string, string | number>;
}

/** Who sets the password: their names must not be in it. */
export interface PasswordOwner {
	username: string;
	displayName?: string;
	tenantSlug?: string;
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn's scale is 0–4; 3 means "safely unguessable" (~10^8 guesses and more). */
const MIN_SCORE = 3;
/** A password built from this few distinct characters is a repetition, however long. */
const MIN_DISTINCT_CHARACTERS = 5;
/**
 * Name parts shorter than this ("it", 「課」) would refuse too many good passwords; a part in kanji
 * or kana counts from two characters (鈴木, 花子).
 */
const MIN_NAME_PART = 3;
const MIN_NAME_PART_JAPANESE = 2;
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Full-width letters and digits compare as their ASCII forms; case does not matter. */
function fold(text: string): string {
	return text.normalize("NFKC").toLowerCase();
}

function nameParts(owner: PasswordOwner): { field: string; part: string }[] {
	const named: [string, string | undefined][] = [
		["username", owner.username],
		["displayName", owner.displayName],
		["tenant", owner.tenantSlug],
	];
	const parts: { field: string; part: string }[] = [];
	for (const [field, value] of named) {
		if (!value) continue;
		const folded = fold(value).trim();
		const joined = folded.replace(/\s+/gu, "");
		const candidates = new Set([folded, joined, ...folded.split(/[^\p{L}\p{N}]+/u)]);
		for (const part of candidates) {
			const min = JAPANESE.test(part) ? MIN_NAME_PART_JAPANESE : MIN_NAME_PART;
			if ([...part].length >= min) parts.push({ field, part });
		}
	}
	return parts;
}

const issue = (
	code: PasswordIssueCode,
	message: string,
	params: PasswordIssue["params"] = {},
): PasswordIssue => ({ code, message, params });

function lowEntropyKind(password: string): string | null {
	if (/^[\s\u3000]*$/u.test(password)) return "whitespace";
	if (new Set(fold(password)).size < MIN_DISTINCT_CHARACTERS) return "repeated";
	return null;
}

/**
 * Check a new password. The rule, in order (the first reason found is given):
 * 1. 12–256 characters (code points);
 * 2. not low entropy: whitespace only (ideographic spaces too), or fewer than five distinct
 *    characters;
 * 3. none of the owner's names: user name, display name, tenant slug, or a part of them of three
 *    characters or more (two in kanji or kana), in any case or width;
 * 4. (zxcvbn) not nothing but repeats, sequences and keyboard walks (`password_low_entropy`);
 *    not exactly an entry of the dictionaries (49k common passwords, English and
 *    Japanese words and names), and zxcvbn scores it at least 3 of 4; below that, a password built
 *    on a dictionary word is `password_common`, any other is `password_low_entropy`.
 *
 * @example
 * await passwordIssues("aaaaaaaaaaaa", { username: "tanaka" }); // [{ code: "password_low_entropy", … }]
 */
export async function passwordIssues(
	password: string,
	owner: PasswordOwner,
): Promise<PasswordIssue[]> {
	const length = [...password].length;
	if (length < PASSWORD_MIN_LENGTH) {
		return [
			issue("password_too_short", `at least ${PASSWORD_MIN_LENGTH} characters`, {
				min: PASSWORD_MIN_LENGTH,
			}),
		];
	}
	if (length > PASSWORD_MAX_LENGTH) {
		return [
			issue("password_too_long", `at most ${PASSWORD_MAX_LENGTH} characters`, {
				max: PASSWORD_MAX_LENGTH,
			}),
		];
	}
	const kind = lowEntropyKind(password);
	if (kind) return [issue("password_low_entropy", `too easy to guess (${kind})`, { kind })];

	const folded = fold(password);
	const name = nameParts(owner).find(({ part }) => folded.includes(part));
	if (name) {
		return [
			issue("password_contains_name", `must not contain the ${name.field}`, {
				field: name.field,
			}),
		];
	}

	const result = await strengthOf(
		folded,
		nameParts(owner).map((n) => n.part),
	);
	const patterns = new Set(result.patterns);
	const onlyPatterns = [...patterns].every((p) => ["repeat", "sequence", "spatial"].includes(p));
	if (onlyPatterns) {
		return [issue("password_low_entropy", "too easy to guess (pattern)", { kind: "pattern" })];
	}
	const whole = result.patterns.length === 1 && result.patterns[0] === "dictionary";
	const fromDictionary = patterns.has("dictionary");
	if (whole || (result.score < MIN_SCORE && fromDictionary)) {
		return [issue("password_common", "found in a list of common passwords or words")];
	}
	if (result.score < MIN_SCORE) {
		return [issue("password_low_entropy", "too easy to guess", { kind: "guessable" })];
	}
	return [];
}
