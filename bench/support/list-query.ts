// The partner frontend's list page: what both servers answer in the benchmark. The baseline does not parse
// GraphQL; it serves exactly this operation, which is the point of a hand-written endpoint.

export const PAGE_SIZE = 20;

export const LIST_QUERY = `query OrgList { organizations(first: ${PAGE_SIZE}) { totalCount edges { cursor node {
  id slug name mission kind verified
  location { precision country region city latitude longitude }
  issueAreas { id name }
  capabilities { id level remote skill { id name category { id name } } }
  needs { id priority status skill { id name category { id name } } }
} } } }`;

export const LIST_BODY = JSON.stringify({ operationName: 'OrgList', query: LIST_QUERY });
