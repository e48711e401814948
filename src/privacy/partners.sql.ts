// Who counts as a partner, in one place: two organizations are partners when a collaboration links them (either
// side of the stored pair; an accepted introduction records one, and later a shared coalition will too). Offers
// for PARTNERS and anything else reserved to partners ask this condition and nothing else.

/**
 * SQL: the organization `organizationSql` (an expression, e.g. `f.organization_id`) is a partner of one of the
 * organizations in `idsParam` (a placeholder holding a uuid[]). The pair key serves one side, the b index the other.
 */
export function partnersOfSql(organizationSql: string, idsParam: string): string {
  return `EXISTS (SELECT 1 FROM collaborations pc
    WHERE (pc.organization_a_id = ${organizationSql} AND pc.organization_b_id = ANY(${idsParam}::uuid[]))
       OR (pc.organization_b_id = ${organizationSql} AND pc.organization_a_id = ANY(${idsParam}::uuid[])))`;
}
