// Progress of a running import, written to its row about twice a second on its own connection (the import's
// transaction is invisible until it commits), so the page can poll it: percentage of bytes read, rows written.
import { prisma } from "../../../db/client";

export interface Progress {
  phase: "QUEUED" | "WRITING" | "FINALIZING";
  bytesProcessed: number;
  rowsProcessed: number;
}

export class ProgressReporter {
  private latest: Progress = { phase: "QUEUED", bytesProcessed: 0, rowsProcessed: 0 };
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private dirty = false;

  constructor(
    private readonly importId: string,
    private readonly organizationId: string,
    private readonly intervalMs = 500,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.flush(), this.intervalMs);
    this.timer.unref();
  }

  set(progress: Partial<Progress>): void {
    this.latest = { ...this.latest, ...progress };
    this.dirty = true;
  }

  private flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const p = this.latest;
    this.writing = this.writing.then(() =>
      prisma.import
        .updateMany({
          where: { id: this.importId, organizationId: this.organizationId, status: "PROCESSING" },
          data: { phase: p.phase, bytesProcessed: BigInt(p.bytesProcessed), rowsProcessed: p.rowsProcessed },
        })
        .then(() => undefined, (err) => console.error("[scopebook] import progress not saved", err)),
    );
  }

  /** Writes the last progress and stops; the caller may then update the row itself. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.flush();
    await this.writing;
  }
}
