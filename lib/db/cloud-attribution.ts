// Which Scopebook project a cloud provider row belongs to, by the organization's mapping table
// (cloud_project_mappings), as one SQL expression: used when an import writes its rows and when a mapping is added
// or removed (lib/services/cloud-mappings/*), so both always agree. The most specific match wins: a tag, then the
// cloud project, then the (usage) account, then the billing account; among equals, the oldest mapping.
// `row` is the alias of a table with provider, cloud_project_id, account_id, billing_account_id and tags columns;
// $1 is the organization id.

/** Specificity order of match types (smaller wins). */
export const MATCH_ORDER = ["TAG", "CLOUD_PROJECT", "ACCOUNT", "BILLING_ACCOUNT"] as const;

export function attributedProjectSql(row: string, orgParam = "$1"): string {
  return `(SELECT m.project_id FROM cloud_project_mappings m
            WHERE m.organization_id = ${orgParam} AND m.provider = ${row}.provider
              AND ((m.match_type = 'CLOUD_PROJECT' AND m.match_value = ${row}.cloud_project_id)
                OR (m.match_type = 'ACCOUNT' AND m.match_value = ${row}.account_id)
                OR (m.match_type = 'BILLING_ACCOUNT' AND m.match_value = ${row}.billing_account_id)
                OR (m.match_type = 'TAG' AND ${row}.tags IS NOT NULL AND strpos(m.match_value, '=') > 0
                    AND ${row}.tags ->> split_part(m.match_value, '=', 1) = substr(m.match_value, strpos(m.match_value, '=') + 1)))
            ORDER BY array_position(ARRAY[${MATCH_ORDER.map((m) => `'${m}'`).join(", ")}]::text[], m.match_type::text), m.created_at, m.id
            LIMIT 1)`;
}
