import { isZip, readZipDirectory, type ZipEntry, ZipError } from "../../../shared/zip.ts";
import type { TypeCategory } from "../sanitize.contract.ts";
import { recogniseContent, strictness } from "./active-formats.ts";
import { classifyText, decodeText } from "./text-sniff.ts";

/** What an attachment is, from its bytes alone. */
export interface DetectedType {
	category: TypeCategory;
	/** A MIME type, e.g. `application/pdf`. */
	trueType: string;
	/** The extension a delivered copy gets, without the dot. */
	extension: string;
	/** For text: the charset it decoded with. */
	charset?: string;
	/** For an active format written as text: what it is, e.g. "SYLK spreadsheet". */
	format?: string;
	findings: string[];
}

/** The EICAR anti-virus test file: printable, but a DOS program, and every scanner's canary. */
const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

const IMAGE_TYPES: ReadonlyMap<string, string> = new Map([
	["image/png", "png"],
	["image/jpeg", "jpg"],
	["image/gif", "gif"],
	["image/webp", "webp"],
	["image/tiff", "tif"],
	["image/bmp", "bmp"],
]);

/** Archive formats we recognise but cannot unpack: held rather than guessed at. */
const OTHER_ARCHIVES = new Set([
	"application/x-rar-compressed",
	"application/vnd.rar",
	"application/x-7z-compressed",
	"application/x-tar",
	"application/x-bzip2",
	"application/x-xz",
	"application/vnd.ms-cab-compressed",
	"application/zstd",
	"application/x-lzh-compressed",
	"application/x-iso9660-image",
]);

const OOXML_TYPES = {
	word: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
	xl: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"],
	ppt: ["application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"],
} as const;

const MACRO_OOXML_TYPES = {
	word: ["application/vnd.ms-word.document.macroEnabled.12", "docm"],
	xl: ["application/vnd.ms-excel.sheet.macroEnabled.12", "xlsm"],
	ppt: ["application/vnd.ms-powerpoint.presentation.macroEnabled.12", "pptm"],
} as const;

function startsWith(content: Buffer, bytes: readonly number[], at = 0): boolean {
	return bytes.every((byte, index) => content[at + index] === byte);
}

function detected(
	category: TypeCategory,
	trueType: string,
	extension: string,
	findings: string[] = [],
): DetectedType {
	return { category, trueType, extension, findings };
}

/** Root-storage class ids (as stored, little-endian) of Windows Installer packages and patches. */
const INSTALLER_CLASS_IDS: ReadonlyMap<string, string> = new Map([
	["84100c0000000000c000000000000046", "Windows Installer package"],
	["86100c0000000000c000000000000046", "Windows Installer patch"],
	["82100c0000000000c000000000000046", "Windows Installer transform"],
]);

/**
 * An OLE2 compound file whose root storage is a Windows Installer database (MSI/MSP/MST) is a
 * program, not a document: read the root directory entry's class id.
 */
function windowsInstallerKind(content: Buffer): string | null {
	if (content.length < 512) return null;
	const sectorShift = content.readUInt16LE(30);
	if (sectorShift !== 9 && sectorShift !== 12) return null;
	const sectorSize = 2 ** sectorShift;
	const directoryStart = (content.readUInt32LE(48) + 1) * sectorSize;
	if (directoryStart + 128 > content.length) return null;
	const classId = content.subarray(directoryStart + 80, directoryStart + 96).toString("hex");
	return INSTALLER_CLASS_IDS.get(classId) ?? null;
}

/** Executables and other binary formats recognised by their first bytes. */
function detectByMagic(content: Buffer): DetectedType | null {
	if (startsWith(content, [0x4d, 0x5a]))
		return detected("executable", "application/x-msdownload", "exe", ["MZ header"]);
	if (startsWith(content, [0x7f, 0x45, 0x4c, 0x46]))
		return detected("executable", "application/x-executable", "elf", ["ELF header"]);
	const magic = content.length >= 4 ? content.readUInt32BE(0) : 0;
	if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(magic)) {
		return detected("executable", "application/x-mach-binary", "macho", ["Mach-O header"]);
	}
	if (magic === 0xcafebabe)
		return detected("executable", "application/java-vm", "class", [
			"Java class or Mach-O universal binary",
		]);
	if (startsWith(content, [0x49, 0x54, 0x53, 0x46]))
		return detected("executable", "application/vnd.ms-htmlhelp", "chm", ["compiled HTML help"]);
	if (startsWith(content, [0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0]))
		return detected("executable", "application/x-ms-shortcut", "lnk", ["Windows shortcut"]);
	if (startsWith(content, [0, 0x61, 0x73, 0x6d]))
		return detected("executable", "application/wasm", "wasm", ["WebAssembly module"]);
	if (startsWith(content, [0x23, 0x21]))
		return detected("script", "text/x-shellscript", "sh", ["shebang"]);
	if (content.subarray(0, 1024).includes("%PDF-")) return detected("pdf", "application/pdf", "pdf");
	if (startsWith(content, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
		const installer = windowsInstallerKind(content);
		if (installer) return detected("executable", "application/x-msi", "msi", [installer]);
		return detected("ole", "application/x-ole-storage", "ole");
	}
	if (startsWith(content, [0x1f, 0x8b])) return detected("archive", "application/gzip", "gz");
	return null;
}

/** A ZIP is OOXML when it has `[Content_Types].xml` and a Word, Excel or PowerPoint main folder. */
function detectZip(content: Buffer): DetectedType {
	let entries: ZipEntry[];
	try {
		entries = readZipDirectory(content, 100_000);
	} catch (error) {
		// Still an archive: the archive sanitiser holds it with the reason.
		const reason = error instanceof ZipError ? error.message : "unreadable ZIP";
		return detected("archive", "application/zip", "zip", [reason]);
	}
	const names = new Set(entries.map((entry) => entry.name));
	const lower = entries.map((entry) => entry.name.toLowerCase());
	if (names.has("[Content_Types].xml")) {
		const macro = lower.some((name) => name.endsWith("vbaproject.bin"));
		for (const folder of ["word", "xl", "ppt"] as const) {
			if (lower.some((name) => name.startsWith(`${folder}/`))) {
				const [trueType, extension] = (macro ? MACRO_OOXML_TYPES : OOXML_TYPES)[folder];
				return detected("ooxml", trueType, extension, macro ? ["vbaProject.bin"] : []);
			}
		}
		return detected("unknown", "application/vnd.ms-package", "opc", [
			"Open Packaging file that is not Word, Excel or PowerPoint",
		]);
	}
	if (names.has("mimetype") && names.has("META-INF/manifest.xml")) {
		return detected("unknown", "application/vnd.oasis.opendocument", "odf", ["OpenDocument file"]);
	}
	if (lower.some((name) => name.endsWith(".class")) && names.has("META-INF/MANIFEST.MF")) {
		return detected("executable", "application/java-archive", "jar", ["Java archive"]);
	}
	if (names.has("AndroidManifest.xml") && lower.some((name) => name.endsWith(".dex"))) {
		return detected("executable", "application/vnd.android.package-archive", "apk", [
			"Android package",
		]);
	}
	return detected("archive", "application/zip", "zip");
}

/**
 * Decide what the bytes are, never looking at the name or the declared type.
 *
 * @example
 * await detectType(Buffer.from("%PDF-1.7\n…")); // { category: "pdf", trueType: "application/pdf", … }
 */
export async function detectType(content: Buffer): Promise<DetectedType> {
	if (content.length === 0) return { ...detected("text", "text/plain", "txt"), charset: "utf-8" };
	if (content.subarray(0, 128).toString("latin1").startsWith(EICAR)) {
		return detected("executable", "application/x-msdos-program", "com", ["EICAR test signature"]);
	}
	const magic = detectByMagic(content);
	if (magic) return magic;
	if (isZip(content)) return detectZip(content);

	const { fileTypeFromBuffer } = await import("file-type");
	const sniffed = await fileTypeFromBuffer(content);
	// RTF is text: the text recogniser decides what becomes of it.
	if (sniffed && !/xml|svg|html|javascript|text|rtf/.test(sniffed.mime)) {
		const imageExtension = IMAGE_TYPES.get(sniffed.mime);
		if (imageExtension) return detected("image", sniffed.mime, imageExtension);
		if (OTHER_ARCHIVES.has(sniffed.mime)) return detected("archive", sniffed.mime, sniffed.ext);
		return detected("unknown", sniffed.mime, sniffed.ext);
	}

	const decoded = decodeText(content);
	if (!decoded) return detected("unknown", "application/octet-stream", "bin");
	const verdict = classifyText(decoded.text, decoded.charset);
	const active = recogniseContent(decoded.text);
	if (active && strictness(active.category) >= strictness(verdict.category)) {
		return {
			category: active.category,
			trueType: active.trueType,
			extension: "txt",
			charset: decoded.charset,
			format: active.format,
			findings: [active.format, ...verdict.findings],
		};
	}
	const extension = {
		text: "txt",
		html: "html",
		svg: "svg",
		script: "txt",
		unknown: "bin",
	}[verdict.category];
	return {
		category: verdict.category,
		trueType: verdict.trueType,
		extension: verdict.trueType === "application/json" ? "json" : extension,
		charset: verdict.charset,
		findings: verdict.findings,
	};
}
