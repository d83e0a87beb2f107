"""Reference values for src/modules/plans/evaluation/statistics.test.ts, computed independently of
the TypeScript: exact rational arithmetic (fractions, math.comb), then rounded to a float.

    python3 test/support/evaluation-reference.py

Prints (baseline, period, baseline length, period length, tail) -> p, and the Katz intervals.
The large cases use equal lengths (p0 = 1/2), where the tail is an exact integer sum / 2^n.
"""
from fractions import Fraction
from math import comb, exp, log, sqrt


def tail(b, k, lb, lp, decrease):
    n = b + k
    p = Fraction(lp, lb + lp)
    rng = range(0, k + 1) if decrease else range(k, n + 1)
    return float(sum(comb(n, i) * p**i * (1 - p) ** (n - i) for i in rng))


def lower_half(b, k):
    n, c, s = b + k, 1, 0
    for i in range(k + 1):
        s += c
        c = c * (n - i) // (i + 1)
    return float(Fraction(s, 2**n))


small = [
    (8, 2, 1, 1, True), (8, 1, 1, 1, True), (8, 8, 1, 1, True), (8, 8, 1, 1, False), (10, 20, 1, 1, False),
    (0, 3, 1, 1, False), (5, 0, 1, 1, True), (20, 5, 2, 1, True), (30, 10, 12, 6, True), (12, 4, 6, 6, True),
    (100, 70, 1, 1, True), (50, 80, 1, 1, False), (3, 9, 6, 12, False), (1000, 900, 1, 1, True), (40, 15, 365, 181, True),
]
for c in small:
    print(c, repr(tail(*c)))
for b, k in [(100000, 90000), (100000, 99000), (100000, 100000), (100000, 99500), (60000, 59000)]:
    print((b, k, 1, 1, True), repr(lower_half(b, k)))

z = 1.959963984540054
for a, b, c, d in [(2, 8, 9, 10), (20, 40, 100, 100), (0, 8, 9, 10)]:
    corr = 0 in (a, b, c, d)
    a, b, c, d = [v + 0.5 if corr else v for v in (a, b, c, d)]
    r = a / b / (c / d)
    se = sqrt(1 / a + 1 / b + 1 / c + 1 / d)
    print((a, b, c, d), r, exp(log(r) - z * se), exp(log(r) + z * se))
