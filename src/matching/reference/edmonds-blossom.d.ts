// Types for the npm package edmonds-blossom (a JavaScript port of Van Rantwijk's maximum-weight matching):
// edges as [u, v, weight]; answers mate[v] (-1 when v stays single). Dev dependency: tests and benches only.
declare module 'edmonds-blossom' {
  function maxWeightMatching(edges: [number, number, number][], maxCardinality?: boolean): number[];
  export = maxWeightMatching;
}
