// Writes batches of template rows (activity data, contractual instruments) inside the import's transaction: the
// sites they name are resolved (created on first sight), then one INSERT … SELECT FROM unnest(…) per batch with
// ON CONFLICT DO NOTHING — a row already recorded (same row hash, or for instruments the same certificate) is a
// duplicate and is skipped. Template files are small: records are kept as they are (ListBatch).
import type pg from "pg";
import { ListBatch, SiteResolver } from "./sites";

export interface TemplateInsert<R> {
  /** INSERT … SELECT $1 organization, $2 import, $3 user, * FROM unnest($4…) … ON CONFLICT DO NOTHING */
  sql: string;
  siteName(record: R): string | null;
  /** The unnest arrays ($4…), given the record's site id. */
  columns(records: R[], siteId: (record: R) => string | null): unknown[][];
}

export class TemplateWriter<R> {
  private readonly sites: SiteResolver;

  constructor(
    private readonly client: pg.ClientBase,
    private readonly organizationId: string,
    private readonly importId: string,
    private readonly userId: string | null,
    private readonly insert: TemplateInsert<R>,
  ) {
    this.sites = new SiteResolver(client, organizationId);
  }

  get sitesCreated(): readonly string[] {
    return this.sites.created;
  }

  async write(batch: ListBatch<R>): Promise<{ rows: number; inserted: number }> {
    const records = batch.records;
    if (!records.length) return { rows: 0, inserted: 0 };
    const ids = await this.sites.resolve(records.map((r) => this.insert.siteName(r)));
    const siteId = (r: R) => {
      const name = this.insert.siteName(r);
      return name === null ? null : ids.get(name.toLowerCase())!;
    };
    const res = await this.client.query(this.insert.sql, [this.organizationId, this.importId, this.userId, ...this.insert.columns(records, siteId)]);
    return { rows: records.length, inserted: res.rowCount ?? 0 };
  }
}
