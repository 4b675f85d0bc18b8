// SPDX-License-Identifier: EUPL-1.2
// Normal and Student t distributions: CDFs and quantiles to (near) machine precision, without
// dependencies. The t CDF is the regularized incomplete beta function (continued fraction,
// modified Lentz); the quantiles are a good starting value polished with safeguarded Newton steps
// on the exact CDF, so their accuracy is that of the CDF (about 1e-14 relative).
//
// References:
// - M. Abramowitz & I. A. Stegun, Handbook of Mathematical Functions (1964): 6.5 (incomplete
//   gamma), 26.2.29 (normal via erfc), 26.5 (incomplete beta), 26.7.1 and 26.7.5 (Student t and
//   its Cornish-Fisher expansion).
// - W. H. Press et al., Numerical Recipes, 3rd ed. (2007), 6.2 and 6.4 (series and continued
//   fractions for the incomplete gamma and beta functions).
// - P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution
//   function" (2003): starting value, refined by one Halley step.
// - C. Lanczos (1964) and the Stirling series for log-gamma.

const EPS = 2.220446049250313e-16;
const FPMIN = 1e-300;
const LN_SQRT_2PI = 0.9189385332046728; // ln(sqrt(2*pi))
const SQRT_2PI = 2.5066282746310002;
/**
 * Above this many degrees of freedom the continued fraction needs O(√ν) steps and loses digits,
 * while the Cornish-Fisher series (error O(ν⁻⁵)) is exact to double precision for |t| ≲ 10.
 */
const LARGE_DF = 2e4;

function assertProbability(p: number, name: string): void {
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`${name} must be a probability in [0, 1], got ${p}`);
  }
}

function assertDegreesOfFreedom(df: number): void {
  if (!(df > 0)) {
    throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Log-gamma and log-beta
// ---------------------------------------------------------------------------------------------

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/** Stirling correction δ(x) = lnΓ(x) − [(x − ½)ln x − x + ln√(2π)], series valid for x ≥ 10. */
function stirlingCorrection(x: number): number {
  const x2 = 1 / (x * x);
  // 1/(12x) − 1/(360x³) + 1/(1260x⁵) − 1/(1680x⁷) + 1/(1188x⁹) − 691/(360360x¹¹) + 1/(156x¹³)
  return (1 / 12 - x2 * (1 / 360 - x2 * (1 / 1260 - x2 * (1 / 1680 - x2 * (1 / 1188 - x2 * (691 / 360360 - x2 / 156)))))) / x;
}

/**
 * Natural logarithm of the gamma function for x > 0 (Lanczos, g = 7; Stirling series for x ≥ 10).
 * Relative accuracy about 1e-15.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}`);
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingCorrection(x);
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1−x) = π / sin(πx)
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const xm1 = x - 1;
  let a = LANCZOS[0];
  const t = xm1 + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] as number) / (xm1 + i);
  return LN_SQRT_2PI + (xm1 + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ln B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a+b), with the large argument handled without cancellation. */
export function logBeta(a: number, b: number): number {
  const big = Math.max(a, b);
  const small = Math.min(a, b);
  if (big >= 10) {
    const s = a + b;
    if (small >= 10) {
      // Both large: (a−½)ln(a/s) + (b−½)ln(b/s) − ½ln s + ln√(2π) + δ(a) + δ(b) − δ(s)
      return (
        (big - 0.5) * Math.log1p(-small / s) +
        (small - 0.5) * Math.log(small / s) -
        0.5 * Math.log(s) +
        LN_SQRT_2PI +
        stirlingCorrection(a) +
        stirlingCorrection(b) -
        stirlingCorrection(s)
      );
    }
    // lnΓ(big) − lnΓ(big+small) = −(big−½)·log1p(small/big) − small·ln(big+small) + small + δ(big) − δ(big+small)
    return logGamma(small) - (big - 0.5) * Math.log1p(small / big) - small * Math.log(s) + small + stirlingCorrection(big) - stirlingCorrection(s);
  }
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

// ---------------------------------------------------------------------------------------------
// Normal distribution
// ---------------------------------------------------------------------------------------------

/** Q(½, x) = erfc(√x) for x ≥ 0, via the series for P (x < 1.5) or the continued fraction for Q. */
function upperGammaHalf(x: number): number {
  const a = 0.5;
  if (x <= 0) return 1;
  const logPrefactor = -x + a * Math.log(x) - 0.5 * Math.log(Math.PI); // lnΓ(½) = ln√π
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let i = 0; i < 1000; i++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) break;
    }
    return 1 - sum * Math.exp(logPrefactor);
  }
  let b = x + 1 - a;
  let c = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = b + an / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.exp(logPrefactor) * h;
}

/** Lower-tail P(Z ≤ z) for z ≤ 0, accurate in relative terms far into the tail. */
function normalLowerTail(z: number): number {
  return 0.5 * upperGammaHalf((z * z) / 2);
}

/**
 * Standard normal CDF Φ(z) = ½·erfc(−z/√2) (A&S 26.2.29), with erfc as the regularized upper
 * incomplete gamma function Q(½, z²/2). Accurate to about 1e-15 relative, also deep in the tails.
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z <= 0) return normalLowerTail(z);
  return 1 - normalLowerTail(-z);
}

/** Standard normal density φ(z) = exp(−z²/2)/√(2π). */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / SQRT_2PI;
}

const ACKLAM_A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const ACKLAM_B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const ACKLAM_C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const ACKLAM_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;

/** Acklam's rational approximation for p ≤ ½ (relative error < 1.15e-9). */
function acklam(p: number): number {
  const [a0, a1, a2, a3, a4, a5] = ACKLAM_A;
  const [b0, b1, b2, b3, b4] = ACKLAM_B;
  const [c0, c1, c2, c3, c4, c5] = ACKLAM_C;
  const [d0, d1, d2, d3] = ACKLAM_D;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/**
 * Standard normal quantile Φ⁻¹(p): Acklam's approximation refined by one Halley step on the exact
 * CDF, giving full double precision. For p > ½ it uses Φ⁻¹(p) = −Φ⁻¹(1 − p), where 1 − p is exact.
 * Returns −∞ for p = 0 and +∞ for p = 1.
 */
export function normalQuantile(p: number): number {
  assertProbability(p, 'p');
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  if (p > 0.5) return -normalQuantile(1 - p);
  let x = acklam(p);
  for (let i = 0; i < 2; i++) {
    const e = normalLowerTail(x) - p;
    const u = e * SQRT_2PI * Math.exp(0.5 * x * x);
    const next = x - u / (1 + 0.5 * x * u);
    if (!Number.isFinite(next)) break;
    if (next === x) break;
    x = next;
  }
  return x;
}

// ---------------------------------------------------------------------------------------------
// Incomplete beta and Student t
// ---------------------------------------------------------------------------------------------

/** Continued fraction for the incomplete beta (NR 6.4, modified Lentz). y = 1 − x given exactly. */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  d = 1 / d;
  let h = d;
  const maxIterations = 200 + Math.ceil(20 * Math.sqrt(Math.max(a, b)));
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    c = 1 + aa / c;
    if (Math.abs(c) < FPMIN) c = FPMIN;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) <= EPS) return h;
  }
  return h;
}

/**
 * Regularized incomplete beta I_x(a, b) where the caller passes both x and y = 1 − x, so that
 * values of x close to 1 keep their precision (A&S 26.5.8; NR 6.4).
 */
function incompleteBetaXY(a: number, b: number, x: number, y: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const lnX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
  const lnY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
  const front = Math.exp(a * lnX + b * lnY - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, y)) / b;
}

/** Regularized incomplete beta function I_x(a, b) for a, b > 0 and 0 ≤ x ≤ 1. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new RangeError(`incomplete beta needs a, b > 0`);
  assertProbability(x, 'x');
  return incompleteBetaXY(a, b, x, 1 - x);
}

/** P(T > s) for s ≥ 0: ½·I_{ν/(ν+s²)}(ν/2, ½) (A&S 26.7.1). */
function studentTUpperTail(s: number, df: number): number {
  if (s === Number.POSITIVE_INFINITY) return 0;
  if (df > LARGE_DF) return studentTUpperTailLargeDf(s, df);
  const s2 = s * s;
  const denominator = df + s2;
  return 0.5 * incompleteBetaXY(df / 2, 0.5, df / denominator, s2 / denominator);
}

/** Student t density f(t) = (1 + t²/ν)^(−(ν+1)/2) / (√ν · B(ν/2, ½)). */
export function studentTPdf(t: number, df: number): number {
  assertDegreesOfFreedom(df);
  if (df === Number.POSITIVE_INFINITY) return normalPdf(t);
  return Math.exp(-logBeta(df / 2, 0.5) - 0.5 * Math.log(df) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * Student t CDF P(T ≤ t) with ν > 0 degrees of freedom (ν need not be an integer, e.g. Welch's
 * df): P(T > |t|) = ½·I_{ν/(ν+t²)}(ν/2, ½) (A&S 26.7.1); for ν > 2·10⁴ the Cornish-Fisher
 * expansion (A&S 26.7.5) is inverted instead. ν = ∞ gives the normal CDF.
 */
export function studentTCdf(t: number, df: number): number {
  assertDegreesOfFreedom(df);
  if (Number.isNaN(t)) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return normalCdf(t);
  if (t >= 0) return 1 - studentTUpperTail(t, df);
  return studentTUpperTail(-t, df);
}

/** Cornish-Fisher expansion of the t quantile around the normal quantile z (A&S 26.7.5). */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / df + g2 / (df * df) + g3 / (df * df * df) + g4 / (df * df * df * df);
}

/** For large ν: P(T > s) = Q(z) where z solves cornishFisher(z, ν) = s (fixed point, contracting). */
function studentTUpperTailLargeDf(s: number, df: number): number {
  let z = s;
  for (let i = 0; i < 100; i++) {
    const next = z - (cornishFisher(z, df) - s);
    if (Math.abs(next - z) <= EPS * Math.abs(next)) {
      z = next;
      break;
    }
    z = next;
  }
  return normalLowerTail(-z);
}

/** Positive s with P(T > s) = q, for 0 < q < ½. */
function studentTUpperQuantile(q: number, df: number): number {
  if (df === 1) return 1 / Math.tan(Math.PI * q); // Cauchy: exact
  if (df === 2) return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q)); // exact closed form
  const z = -normalQuantile(q);
  if (df > LARGE_DF) return cornishFisher(z, df);
  let s = cornishFisher(z, df);
  if (!(s > 0) || !Number.isFinite(s)) s = z > 0 ? z : 1;
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 300; i++) {
    const g = studentTUpperTail(s, df) - q; // decreasing in s
    if (g === 0) return s;
    if (g > 0) lo = s;
    else hi = s;
    let next = s + g / studentTPdf(s, df);
    if (!(next > lo && next < hi)) {
      // Newton left the bracket: bisect (geometrically when the bracket spans orders of magnitude).
      if (hi === Number.POSITIVE_INFINITY) next = 2 * s + 1;
      else next = lo > 0 ? Math.sqrt(lo * hi) : hi / 2;
      if (hi !== Number.POSITIVE_INFINITY && hi - lo <= 4 * EPS * hi) return 0.5 * (lo + hi);
    }
    if (Math.abs(next - s) <= 4 * EPS * next) return next;
    s = next;
  }
  return s;
}

/**
 * Student t quantile: t with P(T ≤ t) = p for ν > 0 degrees of freedom (non-integer allowed).
 * Exact closed forms for ν = 1 and ν = 2; otherwise the Cornish-Fisher expansion (A&S 26.7.5)
 * as a start, polished by safeguarded Newton steps on the exact CDF (for ν > 2·10⁴ the expansion
 * itself, error O(ν⁻⁵)). ν = ∞ gives Φ⁻¹(p).
 * Returns ∓∞ for p = 0 and p = 1.
 */
export function studentTQuantile(p: number, df: number): number {
  assertProbability(p, 'p');
  assertDegreesOfFreedom(df);
  if (df === Number.POSITIVE_INFINITY) return normalQuantile(p);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  // Results for 20,000 groups ask for the same few (p, ν) over and over (ν = n − 1): remember them.
  const key = `${p}|${df}`;
  const known = quantileMemo.get(key);
  if (known !== undefined) return known;
  const t = p > 0.5 ? studentTUpperQuantile(1 - p, df) : -studentTUpperQuantile(p, df);
  if (quantileMemo.size >= QUANTILE_MEMO_SIZE) quantileMemo.clear();
  quantileMemo.set(key, t);
  return t;
}

/** Memo of {@link studentTQuantile}: the same arguments give the same number, only sooner. */
const QUANTILE_MEMO_SIZE = 4096;
const quantileMemo = new Map<string, number>();
