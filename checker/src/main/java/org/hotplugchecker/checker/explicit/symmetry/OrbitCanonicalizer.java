package org.hotplugchecker.checker.explicit.symmetry;

import java.util.Arrays;
import org.hotplugchecker.checker.explicit.StateSymmetry;

/**
 * One thread's canonicalisation for {@link HotplugSymmetry}. The representative of a
 * state's orbit is the member {@code g(s)} that is smallest, lexicographically, by
 *
 * <ol>
 *   <li>its colour sequence: the colour of node 0, node 1, ...; a node's colour is a hash
 *       of its own record and of every CPU, block and scalar field that names it (with the
 *       element's bools, class and how its other node fields relate to the node). A
 *       renaming g carries node n's colour to node σ(n), so the sequence of g(s) is that of
 *       s permuted by σ, and only the σ that give the smallest sequence (found in a trie of
 *       the renamings, {@link ColourTrie}) are looked at further (usually one or two
 *       of them);
 *   <li>then its vector of records: nodes, then CPUs, blocks and the scalars, each record
 *       with its node fields renamed. For a given σ, the smallest vector sorts the records
 *       within each class (the class permutations are all in the group).
 * </ol>
 *
 * Both keys are functions of the state {@code g(s)} alone, and the vector determines the
 * state, so the minimum over the orbit is one well-defined member: the same for every
 * member of the orbit, whatever the thread. Hash collisions only cost pruning.
 */
final class OrbitCanonicalizer implements StateSymmetry.Canonicalizer {
  private static final int NODES = 0;
  private static final int SCALARS = RecordLayout.SCALARS;

  private final RenamingGroup group;
  private final RecordLayout records;
  private final int[][] rawMap;
  private final ColourTables colours;
  private final ColourTrie smallestColours;
  private final int nodes;
  private final int renamings;
  private final int[] offset = new int[RecordLayout.DOMAINS]; // of each domain in a vector
  private final long[][] rec = new long[RecordLayout.DOMAINS][];
  private final long[] colour;
  private final int[] candidates;
  private long[] vec;
  private long[] best;
  private final int[] refs;

  OrbitCanonicalizer(RenamingGroup group, RecordLayout records, int[][] rawMap,
      ColourTables colours, ColourTrie trie) {
    this.group = group;
    this.smallestColours = new ColourTrie(trie);
    this.records = records;
    this.rawMap = rawMap;
    this.colours = colours;
    this.nodes = group.nodes();
    this.renamings = group.renamings();
    int length = 0;
    for (int dom = 0; dom < RecordLayout.DOMAINS; dom++) {
      offset[dom] = length;
      rec[dom] = new long[records.size(dom)];
      length += records.size(dom);
    }
    int most = records.refShifts(SCALARS).length;
    for (int dom = 1; dom < SCALARS; dom++) {
      int[][] attrRefs = colours.attrRefs[dom];
      most = Math.max(most, records.refShifts(dom).length
          + (attrRefs.length == 0 ? 0 : attrRefs[0].length));
    }
    refs = new int[most];
    colour = new long[nodes];
    candidates = new int[renamings];
    vec = new long[length];
    best = new long[length];
  }

  @Override
  public void canonicalize(long[] state, long[] out) {
    for (int dom = 0; dom < RecordLayout.DOMAINS; dom++) {
      long[] r = rec[dom];
      for (int i = 0; i < r.length; i++) {
        r[i] = records.record(state, dom, i);
      }
    }
    int count = 1;
    candidates[0] = 0;
    if (renamings > 1) {
      colourNodes();
      count = smallestColours.smallest(colour, candidates);
    }
    fill(candidates[0], best);
    for (int k = 1; k < count; k++) {
      fill(candidates[k], vec);
      if (Arrays.compare(vec, best) < 0) {
        long[] t = best;
        best = vec;
        vec = t;
      }
    }
    write(best, out);
  }

  private void colourNodes() {
    int[] nodeRefs = records.refShifts(NODES);
    for (int n = 0; n < nodes; n++) {
      long r = rec[NODES][n];
      long h = (r & records.boolMask(NODES)) * 0x9E3779B97F4A7C15L;
      for (int k = 0; k < nodeRefs.length; k++) {
        int v = records.ref(r, nodeRefs[k]);
        h = h * 3 + (v == n ? 1 : v < 0 ? 0 : 2);
      }
      colour[n] = ColourTables.mix(h);
    }
    for (int dom = 1; dom < SCALARS; dom++) {
      int[] slotRefs = records.refShifts(dom);
      long bools = records.boolMask(dom);
      long[] type = colours.type[dom];
      int[][] attrRefs = colours.attrRefs[dom];
      long[] r = rec[dom];
      for (int e = 0; e < r.length; e++) {
        int m = 0;
        for (int sh : slotRefs) {
          refs[m++] = records.ref(r[e], sh);
        }
        for (int v : attrRefs[e]) {
          refs[m++] = v;
        }
        contribute(type[e] + (r[e] & bools) * 0xC2B2AE3D27D4EB4FL, m);
      }
    }
    int[] scalarRefs = records.refShifts(SCALARS);
    for (int k = 0; k < scalarRefs.length; k++) {
      refs[k] = records.ref(rec[SCALARS][0], scalarRefs[k]);
    }
    contribute(0x165667B19E3779F9L + (rec[SCALARS][0] & records.boolMask(SCALARS)),
        scalarRefs.length);
  }

  /** Adds, to every node named in {@code refs[0..m)}, a hash of the naming element. */
  private void contribute(long base, int m) {
    for (int f = 0; f < m; f++) {
      int v = refs[f];
      if (v < 0) {
        continue;
      }
      long rel = f;
      for (int g = 0; g < m; g++) {
        rel = rel * 3 + (refs[g] == v ? 1 : refs[g] < 0 ? 0 : 2);
      }
      colour[v] += ColourTables.mix(base + rel * 0x27D4EB2F165667C5L);
    }
  }

  /** The vector of the image under σ {@code p}, classes sorted. */
  private void fill(int p, long[] v) {
    int[] raw = rawMap[p];
    int[] inv = group.sigmaInverse(p);
    for (int j = 0; j < nodes; j++) {
      v[j] = records.rename(NODES, rec[NODES][inv[j]], raw);
    }
    for (int dom = 1; dom < SCALARS; dom++) {
      ElementClasses cl = group.classes(dom);
      int[] members = cl.members();
      int[] target = group.targets(dom, p);
      int base = offset[dom];
      long[] r = rec[dom];
      for (int k = 0; k < target.length; k++) {
        int from = cl.start(k);
        int to = cl.start(target[k]);
        int len = cl.size(k);
        for (int i = 0; i < len; i++) {
          long x = records.rename(dom, r[members[from + i]], raw);
          // insertion into the sorted prefix of the target class
          int j = i - 1;
          while (j >= 0 && v[base + members[to + j]] > x) {
            v[base + members[to + j + 1]] = v[base + members[to + j]];
            j--;
          }
          v[base + members[to + j + 1]] = x;
        }
      }
    }
    v[offset[SCALARS]] = records.rename(SCALARS, rec[SCALARS][0], raw);
  }

  private void write(long[] v, long[] out) {
    Arrays.fill(out, 0);
    for (int dom = 0; dom < RecordLayout.DOMAINS; dom++) {
      int base = offset[dom];
      for (int i = 0; i < records.size(dom); i++) {
        records.write(out, dom, i, v[base + i]);
      }
    }
  }
}
