/** Japanese messages of the documents screens, merged into the main catalogue (ja.ts). */
export const documentsJa = {} as const;
