// Where services write text for people and for pipes. Standard output also carries scripts,
// patches and JSON, which must stay byte-exact; standard error carries only messages. The CLI
// gives the process's streams (cli/output.ts), tests give a recorder.

export interface Output {
  out(text: string): void;
  err(text: string): void;
}
