let table: Map<string, number[]> | undefined;

/**
 * Reverse of the platform's Shift_JIS decoder (WHATWG's, which is Windows's CP932), built once:
 * enough to write test files. Where CP932 has a character twice, the bytes Windows writes win:
 * the NEC row 13 (0x87) before the IBM extensions (0xFA–0xFC), and those before the NEC-selected
 * copies of the IBM extensions (0xED–0xEE): 髙 is 0xFB 0xFC, 﨑 is 0xFA 0xB1.
 */
function reverseTable(): Map<string, number[]> {
	const map = new Map<string, number[]>();
	const decoder = new TextDecoder("shift_jis");
	for (let b = 0xa1; b <= 0xdf; b++) map.set(decoder.decode(new Uint8Array([b])), [b]);
	const leads: number[] = [];
	for (let lead = 0x81; lead <= 0xfc; lead++) {
		if ((lead > 0x9f && lead < 0xe0) || lead === 0xed || lead === 0xee) continue;
		leads.push(lead);
	}
	for (const lead of [...leads, 0xed, 0xee]) {
		for (let trail = 0x40; trail <= 0xfc; trail++) {
			if (trail === 0x7f) continue;
			const char = decoder.decode(new Uint8Array([lead, trail]));
			if (char !== "\uFFFD" && !map.has(char)) map.set(char, [lead, trail]);
		}
	}
	return map;
}

/**
 * Encode text as Shift_JIS (there is no encoder in Node); throws on characters it cannot write.
 *
 * @example
 * encodeShiftJis("職員番号"); // Uint8Array [0x90, 0x45, …]
 */
export function encodeShiftJis(text: string): Uint8Array {
	table ??= reverseTable();
	const bytes: number[] = [];
	for (const char of text) {
		const code = char.codePointAt(0) ?? 0;
		if (code < 0x80) bytes.push(code);
		else {
			const encoded = table.get(char);
			if (!encoded) throw new Error(`cannot encode ${char} in Shift_JIS`);
			bytes.push(...encoded);
		}
	}
	return new Uint8Array(bytes);
}
