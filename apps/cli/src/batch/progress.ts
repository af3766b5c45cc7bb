/** Progress on stderr (machine output goes to files or stdout): a rewritten line on a terminal, plain lines otherwise. */
export class Progress {
  private readonly tty = Boolean(process.stderr.isTTY);
  private last = 0;
  private readonly start = Date.now();

  constructor(private readonly quiet = false) {}

  stage(message: string): void {
    if (this.quiet) return;
    this.write(`[${this.elapsed()}] ${message}`, true);
  }

  /** Throttled counter updates, e.g. records read so far. */
  tick(message: string): void {
    if (this.quiet) return;
    const now = Date.now();
    if (now - this.last < 500) return;
    this.last = now;
    this.write(`[${this.elapsed()}] ${message}`, false);
  }

  done(): void {
    if (this.tty && !this.quiet) process.stderr.write('\n');
  }

  private elapsed(): string {
    return `${((Date.now() - this.start) / 1000).toFixed(1)}s`;
  }

  private write(line: string, final: boolean): void {
    if (this.tty) process.stderr.write(`\r\x1b[K${line}`);
    else if (final) process.stderr.write(`${line}\n`);
  }
}
