"""Estimates sweep costs from measured shape costs (docs/sweep-cost.md).

Inputs: the ShapeCostSample output (sample.tsv) and the exact shape census of 3/2/2
(census-3-2-2.tsv). Model: a shape's CPU time for all 6 kernels x 2 arches is the sampled
mean of its size tier (nodes, CPUs, blocks) where the tier was sampled, else
ANCHOR * PER_CPU**(cpus-8) * PER_BLOCK**blocks with the growth factors fitted on the
3-node tiers (which reproduce the measured 3/2/2 total) and ANCHOR the measured
4-node 8-CPU 0-block tier. Tiers of 4 and 5 nodes count every candidate skeleton as a
shape (at 3/2/2 every candidate of the tiers that dominate the cost is one).
"""
import sys, math, collections, itertools

sample_file, census_file = sys.argv[1], sys.argv[2]
PER_BLOCK_RANGE = [float(x) for x in (sys.argv[3] if len(sys.argv) > 3 else "2.79").split(",")]

per = collections.defaultdict(list)
shapes = collections.defaultdict(lambda: [0, 0.0])
for line in open(sample_file):
    p = line.rstrip("\n").split("\t")
    if p[0] == "shape" and p[4] != "-":
        shapes[p[1]][0] = int(p[2]); shapes[p[1]][1] += int(p[6]) / 1000.0
def tier_of(key):
    n = int(key.split("n")[0]); c = key.split("|c:")[1].split("|")[0]; m = key.split("|m:")[1]
    return (n, len(c.split(",")), 0 if m == "" else len(m.split(",")))
for key, (members, cost) in shapes.items():
    per[tier_of(key)].append((members, cost))
def sampled(t):
    L = per.get(t)
    return (sum(c for _, c in L) / len(L), sum(m for m, _ in L) / len(L)) if L else None

def fit3():
    X, Y = [], []
    for t, L in per.items():
        c = sampled(t)[0]
        if t[0] == 3 and c >= 0.03:
            X.append((1, t[1], t[2])); Y.append(math.log(c))
    A = [[sum(x[i] * x[j] for x in X) for j in range(3)] + [sum(x[i] * y for x, y in zip(X, Y))] for i in range(3)]
    for i in range(3):
        for r in range(3):
            if r != i:
                f = A[r][i] / A[i][i]; A[r] = [a - f * b for a, b in zip(A[r], A[i])]
    return [A[i][3] / A[i][i] for i in range(3)]
a, b, c = fit3()
PER_CPU = math.exp(b)
ANCHOR = sampled((4, 8, 0))[0]

census = {}
for line in open(census_file):
    p = line.rstrip("\n").split("\t")
    if p[0] == "census":
        census[tuple(map(int, p[1].split()))] = int(p[2])

def candidates(nodes, max_c, max_b):
    out = collections.Counter()
    for cs in itertools.product(range(max_c + 1), repeat=nodes):
        for bs in itertools.product(range(max_b + 1), repeat=nodes):
            out[(nodes, sum(cs), sum(bs))] += sum(1 for x in cs if x > 0)
    return out

def cost(t, per_block):
    s = sampled(t)
    if s:
        return s[0]
    n, k, m = t
    if n <= 3:
        return math.exp(a + b * k + c * m)
    return ANCHOR * PER_CPU ** (k - 8) * per_block ** m

print("fitted on 3-node tiers: per CPU x%.2f, per block x%.2f; anchor (4 nodes, 8 CPUs, 0 blocks) %.1f s"
      % (PER_CPU, math.exp(c), ANCHOR))
for bound in [(3, 2, 2), (4, 1, 1), (4, 1, 2), (4, 2, 1), (4, 2, 2), (5, 2, 2)]:
    N, C, B = bound
    for pb in PER_BLOCK_RANGE:
        total = 0.0; nshapes = 0; top = (0, None)
        for n in range(1, N + 1):
            tiers = candidates(n, C, B)
            for t, cand in tiers.items():
                if t[1] == 0:
                    continue
                count = census.get(t, cand) if n <= 3 and C == 2 and B == 2 else cand
                x = cost(t, pb)
                total += count * x; nshapes += count
                if x > top[0]:
                    top = (x, t)
        print("%d/%d/%d per-block x%.2f: shapes <= %d, CPU %.0f s = %.2f core-hours; "
              "costliest shape %s: %.0f s for its 12 runs" % (N, C, B, pb, nshapes, total, total / 3600, top[1], top[0]))
