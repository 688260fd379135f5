import type { orgJa } from "./org.ja.ts";

/** English messages of the org screens: every key of the Japanese ones. */
export const orgEn: Record<keyof typeof orgJa, string> = {};
