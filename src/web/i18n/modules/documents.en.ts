import type { documentsJa } from "./documents.ja.ts";

/** English messages of the documents screens: every key of the Japanese ones. */
export const documentsEn: Record<keyof typeof documentsJa, string> = {};
