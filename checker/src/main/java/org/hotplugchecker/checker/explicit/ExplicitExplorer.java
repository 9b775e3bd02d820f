package org.hotplugchecker.checker.explicit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.Counterexample;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.explicit.symmetry.Symmetries;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.ts.PropertySpec;
import org.hotplugchecker.model.ts.TransitionSystem;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * Exhaustive, level-synchronous breadth-first search over a {@link TransitionSystem}.
 *
 * <p>Each level is expanded in fixed-size chunks, in parallel when {@code workers > 1};
 * the chunks' new successors are merged into the store in chunk order and, within a
 * chunk, in (parent index, action id) order — each chunk as soon as it and all earlier
 * ones are done, while the workers expand later chunks. Every state therefore gets the
 * index a one-thread BFS would give it, so counts, verdicts and the chosen shortest
 * counterexample (lowest violating index at the first violating level) are the same for
 * any number of workers. (With stop-at-first a level is merged only after its violations
 * are known, so that the run stops before storing the next level.)
 *
 * <p>Running short of heap stops the run cleanly: the stores check headroom before they
 * grow ({@link MemoryLimitException}), and a stray {@link OutOfMemoryError} is caught too;
 * the result then has {@code resourceLimitHit}, a stop reason, the states found so far
 * and the deepest level whose states were all checked.
 *
 * <p>No per-state parent pointers are kept in exact mode: a counterexample is rebuilt
 * backwards, level by level, by finding the first (index, action) of the previous level
 * that leads to the current state — the very pair whose candidate the merge inserted
 * first. One-word states are stored exactly but without index order ({@link
 * OneWordStateStore}, one memory access per lookup); the levels being expanded are kept in
 * frontier buffers, and a violation's path comes from a replay of the same search, with a
 * store that keeps states, until the deepest witness's level is stored. Fingerprint mode,
 * which cannot read old states back, keeps a compact parent log (an {@code int} and a
 * {@code short} per state) and replays actions forwards.
 *
 * <p>Helper threads come from a shared pool of daemon threads ({@link ExplorerThreads})
 * and stay for a whole run; the calling thread expands chunks too and does all merging.
 *
 * <p>With symmetry, the store holds canonical representatives; counterexamples are
 * turned back into concrete paths by {@link SymmetricPaths}.
 */
public final class ExplicitExplorer {
  // Chunk sizes: big enough to amortise claiming a chunk and merging its buffer, small
  // enough that a level of a few thousand states still splits into several chunks per
  // worker; with several workers a chunk takes 1 / (workers * CHUNKS_PER_WORKER) of what
  // is left of the level, so the last chunks, which the level's end waits for, are small.
  // The chunk size does not change the insertion order, which is (parent index, action)
  // across and within chunks.
  private static final int MAX_CHUNK = 2048;
  private static final int MIN_CHUNK = 128;
  private static final int CHUNKS_PER_WORKER = 4;
  // The merging thread expands another worker's chunk itself once the worker has held it
  // PATIENCE times as long as the merging thread's own chunks take per state, plus a slack:
  // enough for a slower chunk, far less than a time slice lost to another process.
  private static final int PATIENCE = 4;
  private static final long PATIENCE_SLACK_NANOS = 200_000;
  private final java.util.function.Supplier<MemoryBudget> budgets;

  /** An explorer that stops cleanly when the heap runs short. */
  public ExplicitExplorer() {
    this(MemoryBudget::new);
  }

  /** An explorer with its own idea of how much heap is left (tests). */
  ExplicitExplorer(java.util.function.Supplier<MemoryBudget> budgets) {
    this.budgets = budgets;
  }

  /** Explores {@code ts} completely (or until an option stops it). */
  public CheckResult explore(TransitionSystem ts, ExplorerOptions options) {
    StateSymmetry symmetry = options.symmetry() ? Symmetries.of(ts) : null;
    return explore(ts, options, symmetry);
  }

  /**
   * Explores {@code ts} with an explicit symmetry group ({@code null}: none), ignoring
   * {@link ExplorerOptions#symmetry()}.
   */
  public CheckResult explore(TransitionSystem ts, ExplorerOptions options,
      StateSymmetry symmetry) {
    return new Run(ts, options, symmetry, budgets, false, Integer.MAX_VALUE).run();
  }

  /** Per-run state; not shared between runs. */
  private static final class Run {
    private final TransitionSystem ts;
    private final ExplorerOptions options;
    private final StateSymmetry sym;
    private final int words;
    private final int actions;
    private final List<PropertySpec> props;
    private final int[] invariantIds;
    private final int[] actionPropIds;
    // The one-word fast path of the hotplug model, or null (other systems, wider states).
    private final HotplugModel oneWord;
    // One-word states without symmetry: the specialised chunk loop.
    private final boolean plainOneWord;
    // Per action, the action properties that can judge its steps (all, unless the model
    // says which).
    private final int[][] judgedBy;
    private StateStore store; // dropped before a replay, which needs the heap
    // Whether the level being expanded is read from the frontier buffers (the store does
    // not keep states in index order), not from the store.
    private final boolean frontierMode;
    // The store when it is the one-word one (the one-word loop calls it directly), or null.
    private final OneWordStateStore oneWordStore;
    private final ParentLog parentLog;
    private final java.util.function.Supplier<MemoryBudget> budgets;
    private final MemoryBudget budget;
    // A replay stores the levels up to this one and expands those before it; else
    // Integer.MAX_VALUE.
    private final int levelLimit;
    // One-word exact mode: the run again with a store that keeps states, for counterexamples.
    private Run replay;
    private String replayFailure;
    private int[] levelStarts = new int[64];
    private int levels;
    // Fingerprint mode: the states of the level being expanded, in index order.
    private long[] frontier = new long[0];
    private long[] nextFrontier = new long[0];
    // The size of the next level's buffer, written on every new state by the merging
    // thread: it sits in the middle of its own array, so that it shares no cache line with
    // the fields the workers read for every state (which would bounce between the cores).
    private final int[] nextSizeCell = new int[2 * PAD + 1];
    private static final int PAD = 16;
    private boolean newWitness;

    // Per property: the witness of its shortest violation, or -1.
    private final int[] witnessState;
    private final int[] witnessAction;
    private final boolean[] exercised;
    // What expanding a state took the merging thread lately (to tell a late worker).
    private long nanosPerState = 1_000;
    // Merged chunks' buffers, for later chunks (taken and returned by any thread).
    private final java.util.concurrent.ConcurrentLinkedQueue<Candidates> spares =
        new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile boolean[] settled; // property needs no more checking
    private long transitions;
    private BackwardPaths backward;
    // How the search ended: why it stopped early (null: complete), whether a resource
    // limit stopped it, and the deepest level whose states were all checked.
    private String stopReason;
    private boolean resourceLimit;
    private int depth = -1;

    /**
     * A run; {@code keepStateOrder} asks for a store that can read states back by index
     * (for a replay), {@code levelLimit} for the last level to store (the levels before it
     * are expanded).
     */
    Run(TransitionSystem ts, ExplorerOptions options, StateSymmetry symmetry,
        java.util.function.Supplier<MemoryBudget> budgets, boolean keepStateOrder,
        int levelLimit) {
      this.ts = ts;
      this.budgets = budgets;
      this.budget = budgets.get();
      this.levelLimit = levelLimit;
      this.options = options;
      this.sym = symmetry;
      this.words = ts.stateWords();
      this.actions = ts.actionCount();
      if (actions > Short.MAX_VALUE) {
        throw new IllegalArgumentException("at most " + Short.MAX_VALUE + " actions supported");
      }
      this.props = ts.properties();
      this.invariantIds = indicesOf(props, PropertySpec.Kind.INVARIANT);
      this.actionPropIds = indicesOf(props, PropertySpec.Kind.ACTION);
      this.oneWord = ts instanceof HotplugModel m && m.hasOneWordSuccessors() && words == 1
          ? m : null;
      this.plainOneWord = oneWord != null && sym == null && oneWord.hasEnabledSets1()
          && props.size() <= 64;
      this.judgedBy = new int[actions][];
      for (int a = 0; a < actions; a++) {
        int action = a;
        judgedBy[a] = ts instanceof HotplugModel m
            ? Arrays.stream(actionPropIds).filter(p -> m.judges(p, action)).toArray()
            : actionPropIds;
      }
      if (options.fingerprintBits() == 0 && words == 1 && !keepStateOrder) {
        // One lookup per successor instead of two; paths come from a replay.
        this.store = new OneWordStateStore(budget);
        this.parentLog = null;
      } else if (options.fingerprintBits() == 0) {
        this.store = new OpenAddressingStateStore(words, budget);
        this.parentLog = null;
      } else {
        this.store = new FingerprintStateStore(words, options.fingerprintBits(), budget);
        this.parentLog = new ParentLog(budget);
      }
      this.frontierMode = !store.keepsStates();
      this.oneWordStore = store instanceof OneWordStateStore o ? o : null;
      this.witnessState = new int[props.size()];
      this.witnessAction = new int[props.size()];
      this.exercised = new boolean[props.size()];
      this.settled = new boolean[props.size()];
      Arrays.fill(witnessState, -1);
      Arrays.fill(witnessAction, -1);
    }

    private static int[] indicesOf(List<PropertySpec> props, PropertySpec.Kind kind) {
      return java.util.stream.IntStream.range(0, props.size())
          .filter(i -> props.get(i).kind() == kind).toArray();
    }

    CheckResult run() {
      long start = System.nanoTime();
      exploreLevels(start);
      boolean complete = stopReason == null;
      int states = store.size();
      Map<String, Number> stats = stats();
      List<PropertyResult> results = new ArrayList<>();
      for (int p = 0; p < props.size(); p++) {
        results.add(resultOf(p, complete));
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new CheckResult("explicit", states, transitions, Math.max(depth, 0), complete,
          Optional.ofNullable(stopReason), resourceLimit, results, millis, stats);
    }

    /** The search itself, level by level, until done or stopped ({@link #stopReason}). */
    private void exploreLevels(long start) {
      Crew crew = options.workers() > 1
          ? new Crew(ExplorerThreads.pool(), options.workers() - 1) : null;
      try {
        addLevelStart(0);
        addInitialStates();
        int level = 0;
        while (true) {
          int lo = levelStarts[level];
          int hi = store.size();
          if (lo == hi) {
            break;
          }
          if (level >= levelLimit) {
            stopReason = "replayed up to level " + level; // stored, not expanded
            break;
          }
          // With stop-at-first the level's successors must not be stored before its
          // violations are known; otherwise chunks are merged as soon as they are done.
          boolean pipelined = !options.stopAtFirst();
          if (pipelined) {
            addLevelStart(hi);
          }
          List<Candidates> chunks = expandLevel(lo, hi, crew, pipelined);
          boolean violatedNow = settleLevel();
          depth = level;
          if (!pipelined) {
            if (violatedNow || anyViolated()) {
              stopReason = "stopped at the first violation (--stop-at-first)";
              break;
            }
            addLevelStart(hi);
            for (int c = 0; c < chunks.size(); c++) {
              merge(chunks.get(c));
              recycle(chunks.get(c));
              chunks.set(c, null);
            }
          }
          chunks = null;
          finishMerge();
          options.progress().levelDone(store.size(), level,
              (System.nanoTime() - start) / 1_000_000);
          level++;
          if (options.maxStates() > 0 && store.size() >= options.maxStates()) {
            stopReason = "state limit of " + options.maxStates() + " reached";
            resourceLimit = true;
            break;
          }
        }
      } catch (OutOfMemoryError e) {
        frontier = null;
        nextFrontier = null;
        stopReason = "out of memory (max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MiB)";
        resourceLimit = true;
      } catch (MemoryLimitException | StoreFullException e) {
        frontier = null;
        stopReason = e.getMessage();
        resourceLimit = true;
      } finally {
        if (crew != null) {
          crew.close();
        }
      }
      frontier = null;
      nextFrontier = null;
    }

    private Map<String, Number> stats() {
      Map<String, Number> stats = new LinkedHashMap<>();
      long bytes = store.bytesUsed() + (parentLog == null ? 0 : parentLog.bytesUsed());
      stats.put("storeBytes", bytes);
      stats.put("bytesPerState", store.size() == 0 ? 0.0 : (double) bytes / store.size());
      stats.put("workers", options.workers());
      stats.put("symmetry", sym == null ? 0 : 1);
      if (sym != null) {
        stats.put("orbits", store.size());
        stats.put("symmetryGroupOrder", sym.order());
      }
      stats.put("fingerprintBits", options.fingerprintBits());
      if (store instanceof FingerprintStateStore fp) {
        stats.put("fingerprintCollisionProbability", fp.collisionProbability());
      }
      return stats;
    }

    private void addLevelStart(int index) {
      if (levels == levelStarts.length) {
        levelStarts = Arrays.copyOf(levelStarts, levels * 2);
      }
      levelStarts[levels++] = index;
    }

    private void addInitialStates() {
      StateSymmetry.Canonicalizer canon = sym == null ? null : sym.newCanonicalizer();
      List<long[]> inits = ts.initialStates();
      long[] buf = new long[inits.size() * words];
      int n = 0;
      for (int k = 0; k < inits.size(); k++) {
        long[] s = inits.get(k);
        if (canon != null) {
          long[] c = new long[words];
          canon.canonicalize(s, c);
          s = c;
        }
        if (store.addIfAbsent(s, 0) >= 0) {
          if (parentLog != null) {
            parentLog.add(-1, k);
          }
          System.arraycopy(s, 0, buf, n++ * words, words);
        }
      }
      frontier = Arrays.copyOf(buf, n * words);
    }

    private boolean anyViolated() {
      for (int w : witnessState) {
        if (w >= 0) {
          return true;
        }
      }
      return false;
    }

    /**
     * Expands the level {@code [lo, hi)} chunk by chunk, handing each chunk's results to
     * {@link #collect} in chunk order and, if {@code pipelined}, merging them into the
     * store right away while the workers go on with later chunks. A worker that then finds
     * a state already stored skips it; it would have lost to the earlier candidate anyway,
     * so indices stay those of a one-thread search.
     *
     * @return the chunks' results when not pipelined, else an empty list
     */
    private List<Candidates> expandLevel(int lo, int hi, Crew crew, boolean pipelined) {
      List<Candidates> results = new ArrayList<>();
      if (crew == null || hi - lo <= MIN_CHUNK * 2) {
        for (int from = lo; from < hi; from += MAX_CHUNK) {
          handOver(expandChunk(lo, from, Math.min(hi, from + MAX_CHUNK), pipelined, null, 0),
              pipelined, results);
        }
        return results;
      }
      int[] bounds = chunkBounds(lo, hi, options.workers());
      int n = bounds.length - 1;
      LevelWork work = new LevelWork(lo, bounds);
      crew.publish(work);
      try {
        // The calling thread is a worker too: while the next chunk to merge is not ready
        // it expands an unclaimed one, and it merges in chunk order.
        for (int c = 0; c < n; c++) {
          Candidates r;
          int spins = 0;
          while ((r = work.result(c)) == null) {
            int mine = work.claim();
            if (mine >= 0) {
              // The next chunk to merge, with all before it merged: store its states
              // straight away, as the one-thread search does.
              long t0 = System.nanoTime();
              work.done(mine, expandChunk(lo, bounds[mine], bounds[mine + 1],
                  pipelined && mine == c, null, 0));
              nanosPerState = (System.nanoTime() - t0) / (bounds[mine + 1] - bounds[mine]);
              continue;
            }
            work.rethrowFailure();
            if (Thread.currentThread().isInterrupted()) {
              throw new IllegalStateException("interrupted");
            }
            long claimed = work.claimedAt(c);
            if (claimed != 0 && System.nanoTime() - claimed
                > PATIENCE * nanosPerState * (bounds[c + 1] - bounds[c])
                    + PATIENCE_SLACK_NANOS) {
              // The worker holding this chunk takes far longer than a chunk needs: on a
              // busy machine it has lost its core. Expanding the chunk here gives the
              // same result (the worker's copy is ignored) and does not wait for it.
              r = expandChunk(lo, bounds[c], bounds[c + 1], pipelined, null, 0);
              break;
            }
            if (++spins % 256 == 0) {
              Thread.yield(); // more workers than cores: let the one we wait for run
            } else {
              Thread.onSpinWait();
            }
          }
          work.take(c);
          handOver(r, pipelined, results);
        }
      } finally {
        work.cancel();
      }
      return results;
    }

    /**
     * The run's helper threads, started once: between levels they wait for the next
     * level's work (spinning briefly, as levels follow each other quickly, then parked),
     * instead of being handed a new task per level.
     */
    private final class Crew implements AutoCloseable {
      private static final int SPINS = 2_000;
      private static final long PARK_NANOS = 200_000;
      private volatile LevelWork published;
      private final List<Future<?>> tasks = new ArrayList<>();
      private final java.util.concurrent.ConcurrentLinkedQueue<Thread> waiting =
          new java.util.concurrent.ConcurrentLinkedQueue<>();

      Crew(ExecutorService pool, int helpers) {
        for (int h = 0; h < helpers; h++) {
          tasks.add(pool.submit(this::work));
        }
      }

      /** Hands {@code w} to the helpers (or {@link LevelWork#END} to let them go). */
      void publish(LevelWork w) {
        published = w;
        for (Thread t : waiting) {
          java.util.concurrent.locks.LockSupport.unpark(t);
        }
      }

      private void work() {
        waiting.add(Thread.currentThread());
        try {
          LevelWork seen = null;
          for (LevelWork w = next(null); w != LevelWork.END; w = next(seen)) {
            seen = w;
            try {
              for (int c = w.claim(); c >= 0; c = w.claim()) {
                Candidates r = expandChunk(w.levelStart, w.bounds[c], w.bounds[c + 1], false,
                    w, c);
                if (w.abandoned(c)) {
                  recycle(r); // the merging thread did it itself
                } else {
                  w.done(c, r);
                }
              }
            } catch (Throwable t) {
              w.fail(t);
              return;
            }
          }
        } finally {
          waiting.remove(Thread.currentThread());
        }
      }

      /** The first published work other than {@code seen}. */
      private LevelWork next(LevelWork seen) {
        for (int spins = 0; ; spins++) {
          LevelWork w = published;
          if (w != seen && w != null) {
            return w;
          }
          if (Thread.currentThread().isInterrupted()) {
            return LevelWork.END;
          }
          if (spins < SPINS) {
            Thread.onSpinWait();
          } else {
            java.util.concurrent.locks.LockSupport.parkNanos(PARK_NANOS);
          }
        }
      }

      @Override
      public void close() {
        publish(LevelWork.END);
        tasks.forEach(f -> f.cancel(false));
      }
    }

    /**
     * The chunks of level {@code [lo, hi)} for several workers, as bounds: a chunk takes a
     * fixed share of what is left, between {@link #MIN_CHUNK} and {@link #MAX_CHUNK}
     * states, so chunks shrink towards the level's end and the workers finish it at
     * nearly the same time (the level ends with a wait for its last chunk). Chunking does
     * not change the insertion order, which is (parent index, action).
     */
    private static int[] chunkBounds(int lo, int hi, int workers) {
      int[] bounds = new int[16];
      int n = 0;
      bounds[n++] = lo;
      for (int from = lo; from < hi; ) {
        int size = Math.max(MIN_CHUNK,
            Math.min(MAX_CHUNK, (hi - from) / (workers * CHUNKS_PER_WORKER)));
        from = Math.min(hi, from + size);
        if (n == bounds.length) {
          bounds = Arrays.copyOf(bounds, n * 2);
        }
        bounds[n++] = from;
      }
      return Arrays.copyOf(bounds, n);
    }

    private void handOver(Candidates r, boolean pipelined, List<Candidates> results) {
      collect(r);
      if (pipelined) {
        merge(r);
        recycle(r);
      } else {
        results.add(r);
      }
    }

    /** A chunk result buffer, cleared: a spare one if any (they keep their size), else new. */
    private Candidates candidates() {
      Candidates r = spares.poll();
      return r != null ? r : new Candidates(props.size(), words, actions,
          store instanceof OneWordStateStore);
    }

    /** Takes back a merged chunk's buffer for a later chunk. */
    private void recycle(Candidates r) {
      r.clear();
      spares.add(r);
    }

    private void load(int levelStart, int index, long[] out) {
      if (!frontierMode) {
        store.get(index, out);
      } else {
        System.arraycopy(frontier, (index - levelStart) * words, out, 0, words);
      }
    }

    /**
     * Expands states {@code [from, to)} of the level starting at {@code levelStart}. If
     * {@code direct} (only on the merging thread, when every earlier chunk is merged) the
     * new successors go straight into the store, in the merge's order, and the result
     * holds none.
     */
    private Candidates expandChunk(int levelStart, int from, int to, boolean direct,
        LevelWork work, int chunk) {
      if (plainOneWord) {
        return expandOneWordChunk(levelStart, from, to, direct, work, chunk);
      }
      Candidates r = candidates();
      long[] state = new long[words];
      long[] next = new long[words];
      long[] canonical = sym == null ? next : new long[words];
      StateSymmetry.Canonicalizer canon = sym == null ? null : sym.newCanonicalizer();
      OrbitImages images = sym == null || actionPropIds.length == 0 || sym.witnessCount() == 1
          ? null : new OrbitImages(sym, words);
      boolean[] done = settled;
      long[] batch = new long[actions * words];
      long[] batchHash = new long[actions];
      int[] batchAction = new int[actions];
      int[] enabled = new int[actions];
      int batchSize = 0;
      for (int i = from; i < to; i++) {
        if ((i & 63) == 0 && work != null && work.abandoned(chunk)) {
          break; // a worker's chunk that the merging thread has done meanwhile
        }
        load(levelStart, i, state);
        for (int p : invariantIds) {
          if (!done[p] && r.invariantWitness[p] < 0 && !ts.invariantHolds(p, state)) {
            r.invariantWitness[p] = i;
          }
        }
        if (images != null) {
          images.reset(state);
        }
        if (oneWord != null) {
          batchSize = oneWordSuccessors(r, i, state, next, canonical, canon, images, done,
              batch, batchHash, batchAction, enabled);
        }
        for (int a = oneWord != null ? actions : 0; a < actions; a++) {
          if (!ts.successor(state, a, next)) {
            continue;
          }
          r.transitions++;
          for (int p : judgedBy[a]) {
            if (!done[p]) {
              checkAction(r, p, i, state, a, next, images);
            }
          }
          if (canon != null) {
            if (Arrays.equals(next, state)) {
              continue; // a self-loop: nothing to canonicalise
            }
            canon.canonicalize(next, canonical);
          }
          if (Arrays.equals(canonical, state)) {
            continue; // a self-loop (or, reduced, a step within the orbit)
          }
          System.arraycopy(canonical, 0, batch, batchSize * words, words);
          batchHash[batchSize] = store.hash(canonical, 0);
          batchAction[batchSize++] = a;
        }
        // Look the state's successors up together: touching their slots first lets the
        // processor fetch the cache lines in parallel instead of one miss at a time.
        r.sink += store.touch(batchHash, batchSize);
        if (direct) {
          insert(batch, batchHash, batchAction, batchSize, i);
          batchSize = 0;
          continue;
        }
        for (int k = 0; k < batchSize; k++) {
          if (!store.contains(batch, k * words, batchHash[k])) {
            r.add(batch, k * words, batchHash[k], i, batchAction[k]);
          }
        }
        batchSize = 0;
      }
      return r;
    }

    /**
     * {@link #expandChunk} for one-word states without symmetry, the common case: the
     * state is a {@code long}, all invariants are checked at once ({@link
     * HotplugModel#invariantViolations1}) and the enabled actions come as a bit set
     * ({@link HotplugModel#enabledSet1}), in id order like the general loop.
     */
    private Candidates expandOneWordChunk(int levelStart, int from, int to, boolean direct,
        LevelWork work, int chunk) {
      Candidates r = candidates();
      boolean[] done = settled;
      long pending = 0; // the invariants still to check in this chunk
      for (int p : invariantIds) {
        if (!done[p]) {
          pending |= 1L << p;
        }
      }
      long[] state = r.state;
      long[] next = r.next;
      long[] batch = r.batch;
      long[] batchHash = r.batchHash;
      int[] batchAction = r.batchAction;
      long[] successors = r.successors;
      OneWordStateStore keys = oneWordStore; // the store, called directly, or null (replay)
      for (int i = from; i < to; i++) {
        if ((i & 63) == 0 && work != null && work.abandoned(chunk)) {
          break; // a worker's chunk that the merging thread has done meanwhile
        }
        long s;
        if (frontierMode) {
          s = frontier[i - levelStart];
        } else {
          store.get(i, state);
          s = state[0];
        }
        long bad = pending == 0 ? 0 : oneWord.invariantViolations1(s) & pending;
        if (bad != 0) {
          pending &= ~bad; // the first violating index in the chunk is the lowest
          for (; bad != 0; bad &= bad - 1) {
            r.invariantWitness[Long.numberOfTrailingZeros(bad)] = i;
          }
        }
        long enabled = oneWord.enabledSet1(s);
        r.transitions += Long.bitCount(enabled);
        oneWord.fireAll1(s, enabled, successors);
        int n = 0;
        int fired = 0;
        for (long e = enabled; e != 0; e &= e - 1) {
          int a = Long.numberOfTrailingZeros(e);
          long t = successors[fired++];
          for (int p : judgedBy[a]) {
            if (!done[p]) {
              judge1(r, p, i, s, a);
            }
          }
          if (t == s) {
            continue; // a self-loop: counted, but nothing to look up
          }
          batch[n] = t;
          batchHash[n] = keys != null ? OneWordStateStore.key(t) : store.hash(batch, n);
          batchAction[n++] = a;
        }
        r.sink += keys != null ? keys.touch(batchHash, n) : store.touch(batchHash, n);
        if (direct && keys != null) {
          for (int k = 0; k < n; k++) {
            if (keys.addKey(batchHash[k]) >= 0) {
              appendToNextFrontier(batch, k);
            }
          }
          continue;
        }
        if (direct) {
          insert(batch, batchHash, batchAction, n, i);
          continue;
        }
        for (int k = 0; k < n; k++) {
          if (keys != null ? !keys.containsKey(batchHash[k])
              : !store.contains(batch, k, batchHash[k])) {
            r.add(batch, k, batchHash[k], i, batchAction[k]);
          }
        }
      }
      return r;
    }

    /**
     * The general loop above for one-word states, through {@link HotplugModel#enabled1}
     * and {@link HotplugModel#fire1}: no arrays are copied, and the enabled actions are
     * found without a branch per action. Fills the batch with
     * the state's successors that are not self-loops and returns their number.
     */
    private int oneWordSuccessors(Candidates r, int i, long[] state, long[] next,
        long[] canonical, StateSymmetry.Canonicalizer canon, OrbitImages images,
        boolean[] done, long[] batch, long[] batchHash, int[] batchAction, int[] enabledBuf) {
      long s = state[0];
      int n = 0;
      int steps = oneWord.enabled1(s, enabledBuf);
      for (int e = 0; e < steps; e++) {
        int a = enabledBuf[e];
        long t = oneWord.fire1(s, a);
        int[] judging = judgedBy[a];
        if (judging.length > 0) {
          next[0] = t;
          for (int p : judging) {
            if (!done[p]) {
              checkAction(r, p, i, state, a, next, images);
            }
          }
        }
        if (t == s) {
          continue; // a self-loop: counted, but nothing to look up
        }
        if (canon != null) {
          next[0] = t;
          canon.canonicalize(next, canonical);
          t = canonical[0];
          if (t == s) {
            continue; // a step within the orbit
          }
        }
        batch[n] = t;
        batchHash[n] = store.hash(batch, n);
        batchAction[n++] = a;
      }
      r.transitions += steps;
      return n;
    }

    /** {@link #checkAction} for one-word states without symmetry. */
    private void judge1(Candidates r, int p, int i, long s, int a) {
      int v = oneWord.checkTransition1(p, s, a);
      if (v == HotplugModel.NOT_APPLICABLE) {
        return;
      }
      r.exercised[p] = true;
      if (v == HotplugModel.VIOLATED
          && r.actionWitnessState[p] < 0) {
        r.actionWitnessState[p] = i;
        r.actionWitnessAction[p] = a;
      }
    }

    /** Evaluates action property {@code p} on one transition and, reduced, on its images. */
    private void checkAction(Candidates r, int p, int i, long[] state, int a, long[] next,
        OrbitImages images) {
      TransitionVerdict v = ts.checkTransition(p, state, a, next);
      if (v == TransitionVerdict.NOT_APPLICABLE) {
        return;
      }
      r.exercised[p] = true;
      if (r.actionWitnessState[p] >= 0) {
        return;
      }
      boolean violated = v == TransitionVerdict.VIOLATED;
      for (int e = 1; !violated && images != null && e < images.count(); e++) {
        violated = images.violated(ts, p, e, a);
      }
      if (violated) {
        r.actionWitnessState[p] = i;
        r.actionWitnessAction[p] = a;
      }
    }

    /** Takes in one chunk's transitions and violations; chunks arrive in index order. */
    private void collect(Candidates r) {
      transitions += r.transitions;
      for (int p = 0; p < props.size(); p++) {
        exercised[p] |= r.exercised[p];
        if (witnessState[p] >= 0) {
          continue;
        }
        // Chunks come in index order, so the first hit is the lowest index.
        if (r.invariantWitness[p] >= 0) {
          witnessState[p] = r.invariantWitness[p];
          newWitness = true;
        } else if (r.actionWitnessState[p] >= 0) {
          witnessState[p] = r.actionWitnessState[p];
          witnessAction[p] = r.actionWitnessAction[p];
          newWitness = true;
        }
      }
    }

    /** Ends a level's checking; returns whether a property got its first violation in it. */
    private boolean settleLevel() {
      // A witness implies the property was exercised, so nothing is left to learn of it.
      boolean[] s = new boolean[props.size()];
      for (int p = 0; p < props.size(); p++) {
        s[p] = witnessState[p] >= 0;
      }
      settled = s;
      boolean found = newWitness;
      newWitness = false;
      return found;
    }

    /** Inserts one state's successors, in order; fingerprint mode also logs parents. */
    private void insert(long[] batch, long[] batchHash, int[] batchAction, int n, int parent) {
      for (int k = 0; k < n; k++) {
        int index = store.addIfAbsent(batch, k * words, batchHash[k]);
        if (index >= 0 && frontierMode) {
          if (parentLog != null) {
            parentLog.add(parent, batchAction[k]);
          }
          appendToNextFrontier(batch, k * words);
        }
      }
    }

    /** Inserts one chunk's candidates, in order; fingerprint mode also logs parents. */
    private void merge(Candidates r) {
      for (int k = 0; k < r.count; k++) {
        int index = store.addIfAbsent(r.states, k * words, r.hashes[k]);
        if (index >= 0 && frontierMode) {
          if (parentLog != null) {
            parentLog.add(r.parents[k], r.actions[k]);
          }
          appendToNextFrontier(r.states, k * words);
        }
      }
    }

    private void appendToNextFrontier(long[] src, int offset) {
      int nextSize = nextSizeCell[PAD];
      if ((nextSize + 1L) * words > nextFrontier.length) {
        long grown = Math.max(1024L * words, nextFrontier.length * 2L);
        if (grown > Integer.MAX_VALUE - 16) {
          grown = Integer.MAX_VALUE - 16;
          if ((nextSize + 1L) * words > grown) {
            throw new StoreFullException("a BFS level of " + nextSize
                + " states does not fit the frontier buffer");
          }
        }
        budget.require(grown * Long.BYTES, "the next BFS level's frontier");
        nextFrontier = Arrays.copyOf(nextFrontier, (int) grown);
      }
      if (words == 1) {
        nextFrontier[nextSize] = src[offset];
      } else {
        System.arraycopy(src, offset, nextFrontier, nextSize * words, words);
      }
      nextSizeCell[PAD] = nextSize + 1;
    }

    /**
     * Frontier mode: the merged level becomes the frontier, and the old frontier's buffer
     * takes the next level (both keep their size; a level is read by index, never by
     * the buffer's length).
     */
    private void finishMerge() {
      if (frontierMode) {
        long[] old = frontier;
        frontier = nextFrontier;
        nextFrontier = old;
        nextSizeCell[PAD] = 0;
      }
    }

    private PropertyResult resultOf(int p, boolean complete) {
      PropertySpec spec = props.get(p);
      if (witnessState[p] >= 0) {
        if (frontierMode && parentLog == null) {
          // One-word exact mode keeps no path information: explore again, keeping states.
          Run r = replay();
          if (r == null) {
            return new PropertyResult(spec, Verdict.VIOLATED, Optional.empty(),
                "no counterexample: " + replayFailure);
          }
          return new PropertyResult(spec, Verdict.VIOLATED,
              Optional.of(r.counterexample(p)), "");
        }
        return new PropertyResult(spec, Verdict.VIOLATED,
            Optional.of(counterexample(p)), "");
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

    /**
     * This run once more, until its deepest witness's level is stored, with a store that
     * keeps states in index order; or null (with {@link #replayFailure} set) if that does
     * not fit in the heap. The replay is the same deterministic search, so it finds the
     * same witnesses at the same indices in the levels it expands (checked), and the same
     * states at the same indices in the last one, where this run's witnesses are checked
     * once more on the replay's states; its counterexamples are this run's.
     */
    private Run replay() {
      if (replay != null || replayFailure != null) {
        return replay;
      }
      int deepest = 0;
      for (int w : witnessState) {
        if (w >= 0) {
          deepest = Math.max(deepest, levelOf(w));
        }
      }
      store = null; // the replay needs the heap more; the counts are taken
      Run again = new Run(ts, options.withProgress(null).withMaxStates(0), sym, budgets, true,
          deepest);
      again.exploreLevels(System.nanoTime());
      for (int p = 0; p < props.size(); p++) {
        if (witnessState[p] < 0) {
          continue;
        }
        if (again.resourceLimit) {
          replayFailure = "the replay to rebuild it ran out of memory";
          return null;
        }
        if (levelOf(witnessState[p]) == deepest && again.witnessState[p] < 0
            && again.violates(p, witnessState[p], witnessAction[p])) {
          // In the last level, which the replay stores but does not expand.
          again.witnessState[p] = witnessState[p];
          again.witnessAction[p] = witnessAction[p];
        }
        if (again.witnessState[p] != witnessState[p]
            || again.witnessAction[p] != witnessAction[p]) {
          throw new IllegalStateException("the replay found another witness of "
              + props.get(p).name() + ": " + again.witnessState[p] + " for " + witnessState[p]);
        }
      }
      replay = again;
      return replay;
    }

    /**
     * Whether property {@code p} is violated by stored state {@code index} (an invariant)
     * or by its step under {@code action} (an action property).
     */
    private boolean violates(int p, int index, int action) {
      if (index >= store.size()) {
        return false;
      }
      long[] s = new long[words];
      store.get(index, s);
      if (props.get(p).kind() == PropertySpec.Kind.INVARIANT) {
        return !ts.invariantHolds(p, s);
      }
      long[] t = new long[words];
      if (action < 0 || !ts.successor(s, action, t)) {
        return false;
      }
      // As checkAction judges it: the step itself, and with symmetry its images.
      TransitionVerdict v = ts.checkTransition(p, s, action, t);
      if (v == TransitionVerdict.NOT_APPLICABLE) {
        return false;
      }
      boolean violated = v == TransitionVerdict.VIOLATED;
      OrbitImages images = sym == null || sym.witnessCount() == 1
          ? null : new OrbitImages(sym, words);
      if (images != null) {
        images.reset(s);
      }
      for (int e = 1; !violated && images != null && e < images.count(); e++) {
        violated = images.violated(ts, p, e, action);
      }
      return violated;
    }

    /** The level of the state with {@code index}: the last level starting at or before it. */
    private int levelOf(int index) {
      return LevelIndex.levelOf(levelStarts, levels, index);
    }

    private Counterexample counterexample(int p) {
      List<long[]> states = new ArrayList<>();
      List<Integer> steps = new ArrayList<>();
      storedPathTo(witnessState[p], states, steps);
      if (sym != null) {
        return new SymmetricPaths(ts, sym).concretize(p, states, steps, witnessAction[p] >= 0);
      }
      int finalAction = witnessAction[p];
      if (finalAction >= 0) {
        long[] last = states.get(states.size() - 1);
        long[] next = new long[words];
        ts.successor(last, finalAction, next);
        states.add(next);
        steps.add(finalAction);
      }
      return new Counterexample(List.copyOf(states), List.copyOf(steps));
    }

    /** The stored states (representatives when reduced) and actions from an initial state. */
    private void storedPathTo(int index, List<long[]> states, List<Integer> steps) {
      StateSymmetry.Canonicalizer canon = sym == null ? null : sym.newCanonicalizer();
      if (parentLog != null) {
        List<Integer> path = new ArrayList<>();
        int i = index;
        while (parentLog.parent(i) >= 0) {
          path.add(parentLog.action(i));
          i = parentLog.parent(i);
        }
        long[] s = ts.initialStates().get(parentLog.action(i)).clone();
        if (canon != null) {
          long[] c = new long[words];
          canon.canonicalize(s, c);
          s = c;
        }
        states.add(s);
        for (int k = path.size() - 1; k >= 0; k--) {
          int a = path.get(k);
          long[] t = new long[words];
          ts.successor(states.get(states.size() - 1), a, t);
          if (canon != null) {
            long[] c = new long[words];
            canon.canonicalize(t, c);
            t = c;
          }
          states.add(t);
          steps.add(a);
        }
        return;
      }
      if (backward == null) {
        backward = new BackwardPaths(ts, store, sym, levelStarts, levels);
        List<Integer> ends = new ArrayList<>();
        for (int w : witnessState) {
          if (w >= 0) {
            ends.add(w);
          }
        }
        backward.resolve(ends);
      }
      backward.path(index, states, steps);
    }

  }

  /** One level's chunks: claimed by the workers and the calling thread, done in any order. */
  private static final class LevelWork {
    private final java.util.concurrent.atomic.AtomicInteger next =
        new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReferenceArray<Candidates> done;
    private final java.util.concurrent.atomic.AtomicLongArray claimedAt;
    private final int chunks;
    private volatile Throwable failure;
    // Chunks below this are merged or no longer wanted; the merging thread takes them in order.
    private volatile int taken;
    /** The level's first state index and its chunks' bounds. */
    final int levelStart;
    final int[] bounds;
    /** No more work: the run is over. */
    static final LevelWork END = new LevelWork(0, new int[] {0});

    LevelWork(int levelStart, int[] bounds) {
      this.levelStart = levelStart;
      this.bounds = bounds;
      int chunks = bounds.length - 1;
      this.chunks = chunks;
      this.done = new java.util.concurrent.atomic.AtomicReferenceArray<>(chunks);
      this.claimedAt = new java.util.concurrent.atomic.AtomicLongArray(chunks);
    }

    /** The next unclaimed chunk, or -1. */
    int claim() {
      if (next.get() >= chunks) {
        return -1;
      }
      int c = next.getAndIncrement();
      if (c >= chunks) {
        return -1;
      }
      claimedAt.set(c, System.nanoTime());
      return c;
    }

    /** When chunk {@code c} was claimed ({@link System#nanoTime()}), or 0 if not yet. */
    long claimedAt(int c) {
      return claimedAt.get(c);
    }

    void done(int c, Candidates r) {
      done.set(c, r);
    }

    Candidates result(int c) {
      return done.get(c);
    }

    /** Whether chunk {@code c} is no longer wanted (taken, done by the merging thread). */
    boolean abandoned(int c) {
      return c < taken;
    }

    void take(int c) {
      taken = c + 1;
      done.set(c, null); // let the buffer go once merged
    }

    void fail(Throwable t) {
      failure = t;
      cancel();
    }

    void cancel() {
      taken = chunks;
      next.set(chunks);
    }

    void rethrowFailure() {
      Throwable t = failure;
      if (t instanceof Error err) {
        throw err;
      }
      if (t instanceof RuntimeException re) {
        throw re;
      }
      if (t != null) {
        throw new IllegalStateException(t);
      }
    }
  }

  /** What one chunk of a level produced: new-looking successors, deduplicated in the chunk. */
  private static final class Candidates {
    final int words;
    long transitions;
    final int[] invariantWitness;
    final int[] actionWitnessState;
    final int[] actionWitnessAction;
    final boolean[] exercised;
    long[] states;
    long[] hashes = new long[256];
    int[] parents = new int[256];
    short[] actions = new short[256];
    int count;
    // Open addressing over candidate positions + 1, by the low hash bits.
    private int[] local = new int[512];
    // Whether equal hashes mean equal states (the one-word store's keys are a bijection);
    // then the chunk's keys are deduplicated in keySet, an open-addressing set of keys,
    // and keySlots lists the slots written.
    private final boolean hashIdentifies;
    private long[] keySet = new long[1024];
    private int[] keySlots = new int[512];
    private int keyCount;
    // Scratch space of the one-word chunk loop: one state's successors.
    final long[] state;
    final long[] next;
    final long[] batch;
    final long[] batchHash;
    final int[] batchAction;
    final long[] successors;

    Candidates(int properties, int words, int actions, boolean hashIdentifies) {
      this.words = words;
      this.hashIdentifies = hashIdentifies;
      invariantWitness = new int[properties];
      actionWitnessState = new int[properties];
      actionWitnessAction = new int[properties];
      exercised = new boolean[properties];
      Arrays.fill(invariantWitness, -1);
      Arrays.fill(actionWitnessState, -1);
      states = new long[256 * words];
      state = new long[words];
      next = new long[words];
      batch = new long[actions * words];
      batchHash = new long[actions];
      batchAction = new int[actions];
      successors = new long[actions];
    }

    /** Empties this buffer for another chunk, keeping its arrays. */
    void clear() {
      transitions = 0;
      Arrays.fill(invariantWitness, -1);
      Arrays.fill(actionWitnessState, -1);
      Arrays.fill(actionWitnessAction, 0);
      Arrays.fill(exercised, false);
      count = 0;
      if (hashIdentifies) {
        for (int i = 0; i < keyCount; i++) {
          keySet[keySlots[i]] = 0; // what was written, not the whole table
        }
        keyCount = 0;
      } else {
        Arrays.fill(local, 0);
      }
      sink = 0;
    }

    long sink; // keeps the store's cache-warming reads alive

    void add(long[] state, int offset, long hash, int parent, int action) {
      if (hashIdentifies) {
        if (firstInChunk(hash)) {
          append(state, offset, hash, parent, action);
        }
        return;
      }
      int mask = local.length - 1;
      int slot = (int) hash & mask;
      while (local[slot] != 0) {
        int k = local[slot] - 1;
        if (hashes[k] == hash && (hashIdentifies || Arrays.equals(states, k * words,
            k * words + words, state, offset, offset + words))) {
          return; // a first occurrence in this chunk wins, as the merge order wants
        }
        slot = (slot + 1) & mask;
      }
      append(state, offset, hash, parent, action);
      local[slot] = count;
      if (count * 2 > local.length) {
        rehashLocal();
      }
    }

    private void append(long[] state, int offset, long hash, int parent, int action) {
      if (count == parents.length) {
        int n = count * 2;
        parents = Arrays.copyOf(parents, n);
        actions = Arrays.copyOf(actions, n);
        hashes = Arrays.copyOf(hashes, n);
        states = Arrays.copyOf(states, n * words);
      }
      System.arraycopy(state, offset, states, count * words, words);
      hashes[count] = hash;
      parents[count] = parent;
      actions[count] = (short) action;
      count++;
    }

    /**
     * With keys that identify states: whether {@code key} is new to this chunk (then it
     * is remembered). Key 0 marks an empty slot, so it always counts as new; the merge
     * drops the repeats.
     */
    private boolean firstInChunk(long key) {
      if (key == 0) {
        return true;
      }
      int mask = keySet.length - 1;
      int slot = (int) key & mask;
      for (long e; (e = keySet[slot]) != 0; slot = (slot + 1) & mask) {
        if (e == key) {
          return false; // a first occurrence in this chunk wins, as the merge order wants
        }
      }
      keySet[slot] = key;
      if (keyCount == keySlots.length) {
        keySlots = Arrays.copyOf(keySlots, keyCount * 2);
      }
      keySlots[keyCount++] = slot;
      if (keyCount * 2 > keySet.length) {
        growKeySet();
      }
      return true;
    }

    private void growKeySet() {
      long[] t = new long[keySet.length * 2];
      int mask = t.length - 1;
      for (int i = 0; i < keyCount; i++) {
        long key = keySet[keySlots[i]];
        int slot = (int) key & mask;
        while (t[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        t[slot] = key;
        keySlots[i] = slot;
      }
      keySet = t;
    }

    private void rehashLocal() {
      int[] t = new int[local.length * 2];
      int mask = t.length - 1;
      for (int k = 0; k < count; k++) {
        int slot = (int) hashes[k] & mask;
        while (t[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        t[slot] = k + 1;
      }
      local = t;
    }
  }

  /** The witness elements' images of one state, computed on first use. */
  private static final class OrbitImages {
    private final StateSymmetry sym;
    private final long[][] image;
    private final boolean[] ready;
    private final long[] next;
    private long[] state;

    OrbitImages(StateSymmetry sym, int words) {
      this.sym = sym;
      this.image = new long[sym.witnessCount()][words];
      this.ready = new boolean[sym.witnessCount()];
      this.next = new long[words];
    }

    void reset(long[] s) {
      state = s;
      Arrays.fill(ready, false);
    }

    int count() {
      return image.length;
    }

    /** Whether property {@code p} is violated on {@code e(state) -e(a)->}. */
    boolean violated(TransitionSystem ts, int p, int e, int a) {
      if (!ready[e]) {
        sym.apply(e, state, image[e]);
        ready[e] = true;
      }
      int b = sym.applyToAction(e, a);
      return ts.successor(image[e], b, next)
          && ts.checkTransition(p, image[e], b, next) == TransitionVerdict.VIOLATED;
    }
  }
}
