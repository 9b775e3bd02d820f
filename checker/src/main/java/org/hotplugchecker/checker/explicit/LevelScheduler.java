package org.hotplugchecker.checker.explicit;

import java.util.Arrays;

/**
 * Splits each level into chunks, has them expanded by the merging (calling) thread and,
 * with several workers, by a {@link Crew} of helpers, and hands the chunks' results on in
 * chunk order. The chunk size does not change the results' order, which is (parent
 * index, action) across and within chunks, so a search gives the same results with any
 * number of workers.
 */
final class LevelScheduler implements AutoCloseable {
  // Chunk sizes: big enough to amortise claiming a chunk and merging its buffer, small
  // enough that a level of a few thousand states still splits into several chunks per
  // worker; with several workers a chunk takes 1 / (workers * CHUNKS_PER_WORKER) of what
  // is left of the level, so the last chunks, which the level's end waits for, are small.
  static final int MAX_CHUNK = 2048;
  static final int MIN_CHUNK = 128;
  private static final int CHUNKS_PER_WORKER = 4;
  // The merging thread expands another worker's chunk itself once the worker has held it
  // PATIENCE times as long as the merging thread's own chunks take per state, plus a slack:
  // enough for a slower chunk, far less than a time slice lost to another process.
  private static final int PATIENCE = 4;
  private static final long PATIENCE_SLACK_NANOS = 200_000;

  /** Receives the chunks' results of a level, in chunk order, on the merging thread. */
  interface InOrder {
    /**
     * Takes chunk result {@code r}; the level's states before {@code chunkEnd} are now
     * expanded.
     */
    void take(Candidates r, int chunkEnd);
  }

  private final ChunkExpansion expansion;
  private final int workers;
  private final int minChunk;
  private final int maxChunk;
  private final Crew crew;
  // What expanding a state took the merging thread lately (to tell a late worker).
  private long nanosPerState = 1_000;

  /**
   * A scheduler for {@code workers} threads in all, the calling one included, whose chunks
   * hold at most {@code chunkStates} states and at least one ({@link
   * ExplorerOptions#chunkStates}); 0 for {@link #MIN_CHUNK} to {@link #MAX_CHUNK}.
   */
  LevelScheduler(ChunkExpansion expansion, int workers, int chunkStates) {
    this.expansion = expansion;
    this.workers = Math.max(1, workers);
    this.minChunk = chunkStates > 0 ? 1 : MIN_CHUNK;
    this.maxChunk = chunkStates > 0 ? chunkStates : MAX_CHUNK;
    this.crew = this.workers > 1
        ? new Crew(ExplorerThreads.pool(), expansion, this.workers - 1) : null;
  }

  /**
   * Expands {@code level} chunk by chunk, handing each chunk's result to {@code out} in
   * chunk order while the helpers go on with later chunks. If {@code direct}, the chunk
   * next in order, when the merging thread expands it itself, inserts its successors
   * straight away (as a one-thread search does) and hands on an empty result; a worker
   * that then finds a state already stored skips it, as it would have lost to the earlier
   * candidate anyway, so indices stay those of a one-thread search.
   */
  void expand(Level level, boolean direct, InOrder out) {
    int lo = level.start();
    int hi = level.end();
    if (crew == null || hi - lo <= minChunk * 2) {
      for (int from = lo; from < hi; from += maxChunk) {
        int to = Math.min(hi, from + maxChunk);
        out.take(expansion.expand(level, from, to, direct, null, 0), to);
      }
      return;
    }
    int[] bounds = chunkBounds(lo, hi, workers, minChunk, maxChunk);
    int n = bounds.length - 1;
    LevelWork work = new LevelWork(level, bounds);
    crew.publish(work);
    try {
      // The calling thread is a worker too: while the next chunk to merge is not ready
      // it expands an unclaimed one, and it merges in chunk order.
      for (int c = 0; c < n; c++) {
        out.take(await(work, c, direct), bounds[c + 1]);
      }
    } finally {
      work.cancel();
    }
  }

  /** Chunk {@code c}'s result, expanding other chunks (or, if late, {@code c}) meanwhile. */
  private Candidates await(LevelWork work, int c, boolean direct) {
    Level level = work.level;
    int[] bounds = work.bounds;
    Candidates r;
    int spins = 0;
    while ((r = work.result(c)) == null) {
      int mine = work.claim();
      if (mine >= 0) {
        // The next chunk to merge, with all before it merged: store its states
        // straight away, as the one-thread search does.
        long t0 = System.nanoTime();
        work.done(mine, expansion.expand(level, bounds[mine], bounds[mine + 1],
            direct && mine == c, null, 0));
        nanosPerState = (System.nanoTime() - t0) / (bounds[mine + 1] - bounds[mine]);
        continue;
      }
      work.rethrowFailure();
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("interrupted");
      }
      long claimed = work.claimedAt(c);
      if (claimed != 0 && System.nanoTime() - claimed
          > PATIENCE * nanosPerState * (bounds[c + 1] - bounds[c]) + PATIENCE_SLACK_NANOS) {
        // The worker holding this chunk takes far longer than a chunk needs: on a busy
        // machine it has lost its core. Expanding the chunk here gives the same result
        // (the worker's copy is ignored) and does not wait for it.
        r = expansion.expand(level, bounds[c], bounds[c + 1], direct, null, 0);
        break;
      }
      if (++spins % 256 == 0) {
        Thread.yield(); // more workers than cores: let the one we wait for run
      } else {
        Thread.onSpinWait();
      }
    }
    work.take(c);
    return r;
  }

  /**
   * The chunks of level {@code [lo, hi)} for several workers, as bounds: a chunk takes a
   * fixed share of what is left, between {@code min} and {@code max} states, so chunks
   * shrink towards the level's end and the workers finish it at nearly the same time (the
   * level ends with a wait for its last chunk).
   */
  static int[] chunkBounds(int lo, int hi, int workers, int min, int max) {
    int[] bounds = new int[16];
    int n = 0;
    bounds[n++] = lo;
    for (int from = lo; from < hi; ) {
      int size = Math.max(min, Math.min(max, (hi - from) / (workers * CHUNKS_PER_WORKER)));
      from = Math.min(hi, from + size);
      if (n == bounds.length) {
        bounds = Arrays.copyOf(bounds, n * 2);
      }
      bounds[n++] = from;
    }
    return Arrays.copyOf(bounds, n);
  }

  /** Lets the helpers go (see {@link Crew#close}). */
  @Override
  public void close() {
    if (crew != null) {
      crew.close();
    }
  }
}
