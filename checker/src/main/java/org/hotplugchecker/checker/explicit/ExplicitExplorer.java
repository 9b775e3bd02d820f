package org.hotplugchecker.checker.explicit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.Counterexample;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.model.ts.PropertySpec;
import org.hotplugchecker.model.ts.TransitionSystem;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * Exhaustive, level-synchronous breadth-first search over a {@link TransitionSystem}.
 *
 * <p>Each level is expanded in fixed-size chunks, in parallel when {@code workers > 1};
 * the chunks' new successors are then merged into the store sequentially, in chunk
 * order and, within a chunk, in (parent index, action id) order. Every state therefore
 * gets the index a one-thread BFS would give it, so counts, verdicts and the chosen
 * shortest counterexample (lowest violating index at the first violating level) are
 * the same for any number of workers.
 */
public final class ExplicitExplorer {
  private static final int CHUNK = 4096;

  /** Explores {@code ts} completely (or until an option stops it). */
  public CheckResult explore(TransitionSystem ts, ExplorerOptions options) {
    return new Run(ts, options).run();
  }

  /** Per-run state; not shared between runs. */
  private static final class Run {
    private final TransitionSystem ts;
    private final ExplorerOptions options;
    private final int words;
    private final int actions;
    private final List<PropertySpec> props;
    private final int[] invariantIds;
    private final int[] actionPropIds;
    private final StateStore store;
    private int[] parent = new int[1024];
    private int[] via = new int[1024];
    private final List<Integer> levelStarts = new ArrayList<>();

    // Per property: the witness of its shortest violation, or -1.
    private final int[] witnessState;
    private final int[] witnessAction;
    private final boolean[] exercised;
    private long transitions;

    Run(TransitionSystem ts, ExplorerOptions options) {
      this.ts = ts;
      this.options = options;
      this.words = ts.stateWords();
      this.actions = ts.actionCount();
      this.props = ts.properties();
      this.invariantIds = indicesOf(props, PropertySpec.Kind.INVARIANT);
      this.actionPropIds = indicesOf(props, PropertySpec.Kind.ACTION);
      this.store = new OpenAddressingStateStore(words);
      this.witnessState = new int[props.size()];
      this.witnessAction = new int[props.size()];
      this.exercised = new boolean[props.size()];
      Arrays.fill(witnessState, -1);
      Arrays.fill(witnessAction, -1);
    }

    private static int[] indicesOf(List<PropertySpec> props, PropertySpec.Kind kind) {
      return java.util.stream.IntStream.range(0, props.size())
          .filter(i -> props.get(i).kind() == kind).toArray();
    }

    CheckResult run() {
      long start = System.nanoTime();
      ExecutorService pool = options.workers() > 1
          ? Executors.newFixedThreadPool(options.workers(), r -> {
            Thread t = new Thread(r, "explorer-worker");
            t.setDaemon(true);
            return t;
          })
          : null;
      String stopReason = null;
      boolean resourceLimit = false;
      int depth = -1;
      try {
        levelStarts.add(0);
        for (long[] init : ts.initialStates()) {
          record(store.addIfAbsent(init, 0), -1, -1);
        }
        int level = 0;
        while (true) {
          int lo = levelStarts.get(level);
          int hi = store.size();
          if (lo == hi) {
            break;
          }
          List<ChunkResult> chunks = expandLevel(lo, hi, pool);
          boolean violatedNow = collectViolations(chunks, level);
          depth = level;
          if (options.stopAtFirst() && (violatedNow || anyViolated())) {
            stopReason = "stopped at the first violation (--stop-at-first)";
            break;
          }
          levelStarts.add(hi);
          merge(chunks);
          options.progress().levelDone(store.size(), level,
              (System.nanoTime() - start) / 1_000_000);
          level++;
          if (options.maxStates() > 0 && store.size() >= options.maxStates()) {
            stopReason = "state limit of " + options.maxStates() + " reached";
            resourceLimit = true;
            break;
          }
        }
      } catch (OutOfMemoryError | StoreFullException e) {
        stopReason = e instanceof OutOfMemoryError
            ? "out of memory (max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB)"
            : e.getMessage();
        resourceLimit = true;
      } finally {
        if (pool != null) {
          pool.shutdownNow();
        }
      }
      boolean complete = stopReason == null;
      List<PropertyResult> results = new ArrayList<>();
      for (int p = 0; p < props.size(); p++) {
        results.add(resultOf(p, complete));
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new CheckResult("explicit", store.size(), transitions, Math.max(depth, 0), complete,
          Optional.ofNullable(stopReason), resourceLimit, results, millis,
          Map.of("storeBytes", store.bytesUsed(), "workers", options.workers()));
    }

    private boolean anyViolated() {
      for (int w : witnessState) {
        if (w >= 0) {
          return true;
        }
      }
      return false;
    }

    private void record(int index, int parentIndex, int action) {
      if (index < 0) {
        return;
      }
      if (index >= parent.length) {
        int n = Math.max(parent.length * 2, index + 1);
        parent = Arrays.copyOf(parent, n);
        via = Arrays.copyOf(via, n);
      }
      parent[index] = parentIndex;
      via[index] = action;
    }

    private List<ChunkResult> expandLevel(int lo, int hi, ExecutorService pool) {
      List<ChunkResult> results = new ArrayList<>();
      if (pool == null || hi - lo <= CHUNK) {
        for (int from = lo; from < hi; from += CHUNK) {
          results.add(expandChunk(from, Math.min(hi, from + CHUNK)));
        }
        return results;
      }
      List<Future<ChunkResult>> futures = new ArrayList<>();
      for (int from = lo; from < hi; from += CHUNK) {
        int a = from;
        int b = Math.min(hi, from + CHUNK);
        futures.add(pool.submit(() -> expandChunk(a, b)));
      }
      try {
        for (Future<ChunkResult> f : futures) {
          results.add(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof OutOfMemoryError oom) {
          throw oom;
        }
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      }
      return results;
    }

    /** Expands states {@code [from, to)}: reads the store, never writes it. */
    private ChunkResult expandChunk(int from, int to) {
      ChunkResult r = new ChunkResult(props.size(), words);
      long[] state = new long[words];
      long[] next = new long[words];
      for (int i = from; i < to; i++) {
        store.get(i, state);
        for (int p : invariantIds) {
          if (witnessState[p] < 0 && r.invariantWitness[p] < 0 && !ts.invariantHolds(p, state)) {
            r.invariantWitness[p] = i;
          }
        }
        for (int a = 0; a < actions; a++) {
          if (!ts.successor(state, a, next)) {
            continue;
          }
          r.transitions++;
          for (int p : actionPropIds) {
            TransitionVerdict v = ts.checkTransition(p, state, a, next);
            if (v != TransitionVerdict.NOT_APPLICABLE) {
              r.exercised[p] = true;
              if (v == TransitionVerdict.VIOLATED && r.actionWitnessState[p] < 0) {
                r.actionWitnessState[p] = i;
                r.actionWitnessAction[p] = a;
              }
            }
          }
          if (!store.contains(next, 0)) {
            r.add(next, i, a);
          }
        }
      }
      return r;
    }

    /** Records the level's first violations; returns whether any property got one. */
    private boolean collectViolations(List<ChunkResult> chunks, int level) {
      boolean found = false;
      for (ChunkResult r : chunks) {
        transitions += r.transitions;
        for (int p = 0; p < props.size(); p++) {
          exercised[p] |= r.exercised[p];
          if (witnessState[p] >= 0) {
            continue;
          }
          // Chunks are in index order, so the first hit is the lowest index.
          if (r.invariantWitness[p] >= 0) {
            witnessState[p] = r.invariantWitness[p];
            found = true;
          } else if (r.actionWitnessState[p] >= 0) {
            witnessState[p] = r.actionWitnessState[p];
            witnessAction[p] = r.actionWitnessAction[p];
            found = true;
          }
        }
      }
      return found;
    }

    private void merge(List<ChunkResult> chunks) {
      for (int c = 0; c < chunks.size(); c++) {
        ChunkResult r = chunks.get(c);
        for (int k = 0; k < r.count; k++) {
          record(store.addIfAbsent(r.buffer, k * words), r.parents[k], r.actions[k]);
        }
        chunks.set(c, null); // let the buffer go before the next level
      }
    }

    private PropertyResult resultOf(int p, boolean complete) {
      PropertySpec spec = props.get(p);
      if (witnessState[p] >= 0) {
        return new PropertyResult(spec, Verdict.VIOLATED,
            Optional.of(pathTo(witnessState[p], witnessAction[p])), "");
      }
      if (!complete) {
        return new PropertyResult(spec, Verdict.UNKNOWN, Optional.empty(),
            "exploration stopped before every state was checked");
      }
      if (spec.kind() == PropertySpec.Kind.ACTION && !exercised[p]) {
        return new PropertyResult(spec, Verdict.VACUOUS, Optional.empty(),
            "no reachable transition exercised it");
      }
      return new PropertyResult(spec, Verdict.HOLDS, Optional.empty(), "");
    }

    private Counterexample pathTo(int index, int finalAction) {
      List<long[]> states = new ArrayList<>();
      List<Integer> steps = new ArrayList<>();
      for (int i = index; i >= 0; i = parent[i]) {
        long[] s = new long[words];
        store.get(i, s);
        states.add(s);
        if (parent[i] >= 0) {
          steps.add(via[i]);
        }
      }
      Collections.reverse(states);
      Collections.reverse(steps);
      if (finalAction >= 0) {
        long[] last = states.get(states.size() - 1);
        long[] next = new long[words];
        ts.successor(last, finalAction, next);
        states.add(next);
        steps.add(finalAction);
      }
      return new Counterexample(List.copyOf(states), List.copyOf(steps));
    }
  }

  /** What one chunk of a level produced. */
  private static final class ChunkResult {
    final int words;
    long transitions;
    final int[] invariantWitness;
    final int[] actionWitnessState;
    final int[] actionWitnessAction;
    final boolean[] exercised;
    long[] buffer;
    int[] parents = new int[256];
    int[] actions = new int[256];
    int count;

    ChunkResult(int properties, int words) {
      this.words = words;
      invariantWitness = new int[properties];
      actionWitnessState = new int[properties];
      actionWitnessAction = new int[properties];
      exercised = new boolean[properties];
      Arrays.fill(invariantWitness, -1);
      Arrays.fill(actionWitnessState, -1);
      buffer = new long[256 * words];
    }

    void add(long[] state, int parent, int action) {
      if (count == parents.length) {
        parents = Arrays.copyOf(parents, count * 2);
        actions = Arrays.copyOf(actions, count * 2);
        buffer = Arrays.copyOf(buffer, count * 2 * words);
      }
      System.arraycopy(state, 0, buffer, count * words, words);
      parents[count] = parent;
      actions[count] = action;
      count++;
    }
  }
}
