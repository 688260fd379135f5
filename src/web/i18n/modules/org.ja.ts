/** Japanese messages of the org screens, merged into the main catalogue (ja.ts). */
export const orgJa = {} as const;
