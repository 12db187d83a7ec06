// Projects and experiments named by imported rows, created on first sight (engineers rename or merge later),
// resolved set-wise per batch and cached for the rest of the import.
import type pg from "pg";

/** A copy that does not keep the file chunk it was cut from alive (see pipeline/preview.ts `detach`). */
const own = (s: string) => Buffer.from(s, "utf8").toString("utf8");

export class HierarchyCache {
  private readonly projects = new Map<string, string>();
  /** `${projectId}\u0000${experiment}` → experiment id */
  private readonly experiments = new Map<string, string>();

  constructor(
    private readonly client: pg.ClientBase,
    private readonly organizationId: string,
    private readonly ownerId: string | null,
  ) {}

  projectId(name: string): string {
    return this.projects.get(name)!;
  }

  experimentId(projectId: string, experiment: string | null): string | null {
    return experiment === null ? null : (this.experiments.get(`${projectId}\u0000${experiment}`) ?? null);
  }

  /** Makes sure every project and experiment of these rows exists and is cached. */
  async ensure(rows: readonly { projectName: string; experimentId: string | null }[]): Promise<void> {
    const newProjects = new Set<string>();
    let last = "";
    for (const r of rows) {
      if (r.projectName === last) continue;
      last = r.projectName;
      if (!this.projects.has(r.projectName)) newProjects.add(r.projectName);
    }
    if (newProjects.size) await this.loadProjects([...newProjects].map(own));

    const wanted = new Map<string, { projectId: string; experiment: string }>();
    for (const r of rows) {
      if (r.experimentId === null) continue;
      const projectId = this.projects.get(r.projectName)!;
      const key = `${projectId}\u0000${r.experimentId}`;
      if (!this.experiments.has(key) && !wanted.has(key)) wanted.set(key, { projectId, experiment: own(r.experimentId) });
    }
    if (wanted.size) await this.loadExperiments([...wanted.values()]);
  }

  private async loadProjects(names: string[]): Promise<void> {
    await this.client.query(
      `INSERT INTO projects (organization_id, name, owner_id, updated_at)
       SELECT $1, n, $3, now() FROM unnest($2::text[]) AS n
       ON CONFLICT (organization_id, name) DO NOTHING`,
      [this.organizationId, names, this.ownerId],
    );
    const found = await this.client.query<{ id: string; name: string }>(
      "SELECT id, name FROM projects WHERE organization_id = $1 AND name = ANY($2::text[])",
      [this.organizationId, names],
    );
    for (const p of found.rows) this.projects.set(p.name, p.id);
  }

  /**
   * An experiment id in a file is matched to an experiment of the organization with that id (one created through
   * the live API), else to one of the run's project with that external id or name (the oldest, when names repeat);
   * otherwise it is created (imports of one organization run one at a time: no other import creates it meanwhile).
   */
  private async loadExperiments(wanted: { projectId: string; experiment: string }[]): Promise<void> {
    const projectIds = wanted.map((w) => w.projectId);
    const names = wanted.map((w) => w.experiment);
    const resolve = () =>
      this.client.query<{ project_id: string; ext: string; id: string | null }>(
        `SELECT w.project_id, w.ext, coalesce(
                  (SELECT e.id FROM experiments e WHERE e.organization_id = $1 AND e.id::text = lower(w.ext) LIMIT 1),
                  (SELECT e.id FROM experiments e WHERE e.organization_id = $1 AND e.project_id = w.project_id
                      AND (e.external_id = w.ext OR e.name = w.ext)
                    ORDER BY e.external_id = w.ext DESC, e.created_at, e.id LIMIT 1)) AS id
           FROM unnest($2::uuid[], $3::text[]) AS w(project_id, ext)`,
        [this.organizationId, projectIds, names],
      );
    let rows = (await resolve()).rows;
    const missing = rows.filter((r) => r.id === null);
    if (missing.length) {
      await this.client.query(
        `INSERT INTO experiments (organization_id, project_id, external_id, name)
         SELECT $1, p, n, n FROM unnest($2::uuid[], $3::text[]) AS m(p, n)`,
        [this.organizationId, missing.map((m) => m.project_id), missing.map((m) => m.ext)],
      );
      rows = (await resolve()).rows;
    }
    for (const r of rows) if (r.id) this.experiments.set(`${r.project_id}\u0000${r.ext}`, r.id);
  }
}
