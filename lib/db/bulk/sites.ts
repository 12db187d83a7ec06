// Sites named by imported rows (activity data, instruments), resolved to ids inside the import's transaction:
// matched case-insensitively to the organization's sites, created on first sight with the name as first written
// (docs/decisions/0011). Cached across the batches of one import.
import type pg from "pg";

export class SiteResolver {
  private readonly ids = new Map<string, string>();
  readonly created: string[] = [];

  constructor(
    private readonly client: pg.ClientBase,
    private readonly organizationId: string,
  ) {}

  /** Ids of the named sites (key: lower-case name), creating the missing ones. */
  async resolve(names: Iterable<string | null>): Promise<Map<string, string>> {
    const wanted = new Map<string, string>();
    for (const n of names) if (n !== null && !this.ids.has(n.toLowerCase())) wanted.set(n.toLowerCase(), n);
    if (wanted.size) {
      const found = await this.client.query<{ id: string; key: string }>(
        `SELECT DISTINCT ON (lower(name)) id, lower(name) AS key FROM sites WHERE organization_id = $1 AND lower(name) = ANY($2::text[]) ORDER BY lower(name), created_at`,
        [this.organizationId, [...wanted.keys()]],
      );
      for (const r of found.rows) this.ids.set(r.key, r.id);
      const missing = [...wanted].filter(([key]) => !this.ids.has(key)).map(([, name]) => name);
      if (missing.length) {
        const made = await this.client.query<{ id: string; name: string }>(
          `INSERT INTO sites (organization_id, name, updated_at) SELECT $1, unnest($2::text[]), now() RETURNING id, name`,
          [this.organizationId, missing],
        );
        for (const r of made.rows) {
          this.ids.set(r.name.toLowerCase(), r.id);
          this.created.push(r.name);
        }
      }
    }
    return this.ids;
  }
}

/** A batch that keeps its records as they are (activity and instrument files are small). */
export class ListBatch<R> {
  readonly records: R[] = [];
  get size(): number {
    return this.records.length;
  }
  add(record: R): void {
    this.records.push(record);
  }
  seal(): void {}
}
