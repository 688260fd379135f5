// The bounded ZIP reader moved to src/shared/zip.ts (spreadsheet imports use it too); this path
// stays for the sanitizer's files still importing it.
export * from "../../../shared/zip.ts";
