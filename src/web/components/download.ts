/** Hand a file to the browser's downloads under `name`. */
export function saveBlob(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement("a");
	link.href = url;
	link.download = name;
	document.body.append(link);
	link.click();
	link.remove();
	// Revoked later: some browsers read the URL after the click has returned.
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
