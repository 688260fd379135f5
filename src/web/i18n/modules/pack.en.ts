import type { packJa } from "./pack.ja.ts";

/** English messages of the pack screens: every key of the Japanese ones. */
export const packEn: Record<keyof typeof packJa, string> = {};
