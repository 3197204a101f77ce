/** The shells `completion` writes scripts for. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
/** A shell `completion` writes a script for. */
export type Shell = (typeof SHELLS)[number];
