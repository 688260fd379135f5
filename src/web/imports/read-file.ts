/**
 * A chosen file's bytes as base64, the form every import route and the mapping proposal take.
 *
 * @example
 * const contentBase64 = await base64Of(file);
 */
export function base64Of(file: File): Promise<string> {
	return new Promise((resolve, reject) => {
		const reader = new FileReader();
		reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
		reader.onerror = () => reject(reader.error);
		reader.readAsDataURL(file);
	});
}
