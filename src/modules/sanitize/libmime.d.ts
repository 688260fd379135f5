// libmime ships no type declarations; these cover the functions the sanitising engine calls.
declare module "libmime" {
	export interface StructuredHeader {
		value: string | false;
		params: Record<string, string>;
	}
	const libmime: {
		decodeWords(value: string): string;
		parseHeaderValue(value: string): StructuredHeader;
		decode(bytes: Buffer, charset: string): string;
		normalizeCharset(charset: string): string;
	};
	export default libmime;
}
