/** Everything the CLI touches outside itself, so that tests can run it in-process. */
export interface Io {
  readonly stdout: (text: string | Uint8Array) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTTY: boolean;
  readonly columns: number | undefined;
  /** The directory relative paths are shown from (GitHub annotations, SARIF). */
  readonly cwd: string;
  /** Reads all of standard input (for `-` as a file name, and for `--batch`). */
  readonly readStdin: () => Uint8Array;
}
