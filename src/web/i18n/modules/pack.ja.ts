/** Japanese messages of the pack screens, merged into the main catalogue (ja.ts). */
export const packJa = {} as const;
