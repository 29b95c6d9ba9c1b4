/** The part of jstat (no published types) the A/B tests use. */
declare module 'jstat' {
  interface JStat {
    ibeta(x: number, a: number, b: number): number;
    gammaln(x: number): number;
    normal: { cdf(x: number, mean: number, sd: number): number };
    studentt: { cdf(x: number, df: number): number };
    chisquare: { cdf(x: number, df: number): number };
    gamma: { cdf(x: number, shape: number, scale: number): number };
  }
  const jstat: { jStat: JStat };
  export default jstat;
}
