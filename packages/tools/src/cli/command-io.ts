// Where a command prints: its lines for people (`out`) and its complaints (`err`). The bin prints
// to the process' streams; a caller that runs a command as a function collects the lines.
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CommandIo = {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
};
