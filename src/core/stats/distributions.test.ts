// SPDX-License-Identifier: EUPL-1.2
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logBeta, logGamma, normalCdf, normalQuantile, regularizedIncompleteBeta, studentTCdf, studentTPdf, studentTQuantile } from './distributions.js';

/** |actual − expected| ≤ rel·|expected| */
function expectRelative(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('normal distribution', () => {
  it('matches published values of Φ, also deep in the tail', () => {
    expect(normalCdf(0)).toBe(0.5);
    // Φ(1.96) = 0.97500210485177957 (A&S table 26.1; erfc(1.96/√2)/2)
    expectRelative(normalCdf(1.96), 0.9750021048517796, 1e-15);
    // Φ(−1) = erfc(1/√2)/2 = 0.15865525393145705
    expectRelative(normalCdf(-1), 0.15865525393145705, 1e-14);
    // Φ(−5) = 2.8665157187919391e−7, Φ(−10) = 7.6198530241605261e−24
    expectRelative(normalCdf(-5), 2.866515718791939e-7, 1e-14);
    expectRelative(normalCdf(-10), 7.619853024160527e-24, 1e-13);
  });

  it('inverts Φ to full precision', () => {
    // z(0.975) = 1.959963984540054 (√2·erf⁻¹(0.95)), z(0.995) = 2.5758293035489008
    expectRelative(normalQuantile(0.975), 1.959963984540054, 1e-15);
    expectRelative(normalQuantile(0.995), 2.5758293035489008, 1e-15);
    expectRelative(normalQuantile(0.025), -1.959963984540054, 1e-15);
    // z(1e−10) = −6.3613409024040562
    expectRelative(normalQuantile(1e-10), -6.361340902404056, 1e-14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
  });

  it('rejects probabilities outside [0, 1]', () => {
    expect(() => normalQuantile(1.1)).toThrow(RangeError);
    expect(() => normalQuantile(Number.NaN)).toThrow(RangeError);
  });

  it('Φ(Φ⁻¹(p)) = p and Φ⁻¹ is antisymmetric (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 0.5, noNaN: true }), (p) => {
        const z = normalQuantile(p);
        // One ulp in z changes Φ(z) by a relative ≈ ε·z², so allow a few of those.
        expectRelative(normalCdf(z), p, 1e-14 + 4 * 2.2e-16 * z * z);
        expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(1 - (1 - p)), 12);
      }),
    );
  });
});

describe('Student t distribution', () => {
  it('has the closed forms for ν = 1, 2, 3, 4', () => {
    // ν = 1 (Cauchy): F(t) = ½ + atan(t)/π → F(1) = ¾; t(0.975) = tan(0.475π) = 12.706204736174705
    expectRelative(studentTCdf(1, 1), 0.75, 1e-15);
    expectRelative(studentTQuantile(0.975, 1), 12.706204736174705, 1e-14);
    // ν = 2: F(t) = ½ + t/(2√(t²+2)) → F(√2) = ½ + √2/4 = 0.8535533905932737;
    // t(p) = (2p−1)/√(2p(1−p)) → t(0.975) = 0.95/√0.04875 = 4.302652729749464
    expectRelative(studentTCdf(Math.SQRT2, 2), 0.5 + Math.SQRT2 / 4, 1e-15);
    expectRelative(studentTQuantile(0.975, 2), 4.302652729749464, 1e-14);
    // ν = 3: F(t) = ½ + [t/(√3(1+t²/3)) + atan(t/√3)]/π → F(√3) = ½ + [½ + π/4]/π = ¾ + 1/(2π)
    //        = 0.9091549430918953
    expectRelative(studentTCdf(Math.sqrt(3), 3), 0.75 + 1 / (2 * Math.PI), 1e-14);
    // ν = 4: α = 4p(1−p) = 0.0975, q = cos(arccos(√α)/3)/√α, t = 2√(q−1) = 2.7764451051977943
    expectRelative(studentTQuantile(0.975, 4), 2.7764451051977943, 1e-14);
  });

  it('matches t tables for the degrees of freedom used in survey intervals', () => {
    // t(0.975; ν) from R qt(): ν=10 2.228138851986274, ν=29 2.045229642132703,
    // ν=30 2.042272456301238, ν=31 2.039513446396408
    expectRelative(studentTQuantile(0.975, 10), 2.228138851986274, 1e-13);
    expectRelative(studentTQuantile(0.975, 29), 2.045229642132703, 1e-13);
    expectRelative(studentTQuantile(0.975, 30), 2.042272456301238, 1e-13);
    expectRelative(studentTQuantile(0.025, 31), -2.039513446396408, 1e-13);
  });

  it('tends to the normal for large ν (Cornish-Fisher: t ≈ z + (z³+z)/4ν)', () => {
    const z = 1.959963984540054;
    // ν = 1e9: z + (z³ + z)/(4·10⁹) = 1.959963984540054 + 2.3723e−9
    expectRelative(studentTQuantile(0.975, 1e9), z + (z ** 3 + z) / 4e9, 1e-14);
    expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBe(normalQuantile(0.975));
    expect(studentTCdf(1.5, Number.POSITIVE_INFINITY)).toBe(normalCdf(1.5));
  });

  it('is exact on both sides of ν = 2·10⁴, where the large-ν series takes over', () => {
    // Reference: ½·I_{ν/(ν+t²)}(ν/2, ½) evaluated in 40-digit arithmetic (mpmath betainc).
    const reference: [number, number, number][] = [
      [-8, 20000, 6.557449298250246e-16],
      [-8, 20001, 6.557432064149692e-16],
      [-3, 20000, 0.001351560519060246],
      [-3, 20001, 0.00135156043591282],
      [2, 20000, 0.97724311902075],
      [2, 20001, 0.9772431193581927],
    ];
    for (const [t, df, expected] of reference) expectRelative(studentTCdf(t, df), expected, 1e-12);
  });

  it('has a density that integrates the CDF (pdf(0) for ν = 1 is 1/π)', () => {
    expectRelative(studentTPdf(0, 1), 1 / Math.PI, 1e-15);
    // ν = 2: f(t) = (2 + t²)^(−3/2) → f(1) = 3^(−3/2) = 0.19245008972987526
    expectRelative(studentTPdf(1, 2), 3 ** -1.5, 1e-14);
  });

  it('rejects bad degrees of freedom', () => {
    expect(() => studentTCdf(1, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, -1)).toThrow(RangeError);
  });

  it('F(F⁻¹(p)) = p for any ν (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-8, max: 1 - 1e-8, noNaN: true }), fc.double({ min: 0.3, max: 1e7, noNaN: true }), (p, df) => {
        const t = studentTQuantile(p, df);
        const back = studentTCdf(t, df);
        // Compare in the smaller tail, where relative accuracy matters.
        const tailBack = p < 0.5 ? back : 1 - back;
        const tailP = p < 0.5 ? p : 1 - p;
        expect(Math.abs(tailBack - tailP)).toBeLessThanOrEqual(1e-11 * tailP + 1e-15);
      }),
    );
  });

  it('is symmetric and increasing in t (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0.5, max: 1e6, noNaN: true }), (t, df) => {
        expect(studentTCdf(t, df) + studentTCdf(-t, df)).toBeCloseTo(1, 14);
        expect(studentTCdf(t + 0.01, df)).toBeGreaterThanOrEqual(studentTCdf(t, df));
      }),
    );
  });
});

describe('special functions', () => {
  it('log-gamma matches factorials and Γ(½) = √π', () => {
    expectRelative(logGamma(5), Math.log(24), 1e-15); // Γ(5) = 4! = 24
    expectRelative(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    expectRelative(logGamma(100), 359.1342053695754, 1e-15); // ln(99!)
    expect(() => logGamma(0)).toThrow(RangeError);
  });

  it('log-beta: B(a,b) = Γ(a)Γ(b)/Γ(a+b)', () => {
    // B(2,3) = 1!·2!/4! = 2/24 = 1/12; B(½,½) = π
    expectRelative(logBeta(2, 3), Math.log(1 / 12), 1e-14);
    expectRelative(logBeta(0.5, 0.5), Math.log(Math.PI), 1e-14);
    // Large arguments: B(20, 30) = 19!·29!/49!; ln = −33.38922880325426 (direct from the factorials)
    expectRelative(logBeta(20, 30), logGamma(20) + logGamma(30) - logGamma(50), 1e-13);
  });

  it('incomplete beta: I_x(1,1) = x, I_x(a,1) = xᵃ, I_x(2,2) = 3x² − 2x³', () => {
    expectRelative(regularizedIncompleteBeta(0.3, 1, 1), 0.3, 1e-15);
    expectRelative(regularizedIncompleteBeta(0.3, 4, 1), 0.3 ** 4, 1e-14);
    // 3·0.09 − 2·0.027 = 0.27 − 0.054 = 0.216
    expectRelative(regularizedIncompleteBeta(0.3, 2, 2), 0.216, 1e-14);
    expect(regularizedIncompleteBeta(0, 2, 2)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 2)).toBe(1);
  });
});
