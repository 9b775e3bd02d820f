package org.hotplugchecker.checker.explicit;

/**
 * Checks heap headroom before the explorer allocates a large array (a bigger hash table,
 * a new page). It keeps a reserve for the per-level buffers and for building the result,
 * so the run can stop cleanly rather than meet {@link OutOfMemoryError} halfway.
 */
class MemoryBudget {
  private static final long MIN_RESERVE = 48L << 20;
  private final long reserve;

  /** A budget keeping {@code max(48 MiB, 1/16 of the max heap)} free. */
  MemoryBudget() {
    this(Math.max(MIN_RESERVE, Runtime.getRuntime().maxMemory() / 16));
  }

  /** A budget keeping {@code reserve} bytes free. */
  MemoryBudget(long reserve) {
    this.reserve = reserve;
  }

  /**
   * Makes sure {@code bytes} more can be allocated, collecting garbage once if needed.
   *
   * @throws MemoryLimitException naming {@code what} if the heap cannot hold it
   */
  void require(long bytes, String what) {
    if (headroom() - bytes >= reserve) {
      return;
    }
    System.gc();
    long left = headroom();
    if (left - bytes < reserve) {
      throw new MemoryLimitException("memory limit: " + what + " needs " + mib(bytes)
          + " MiB but only " + mib(Math.max(0, left)) + " MiB of the "
          + mib(Runtime.getRuntime().maxMemory()) + " MiB heap are left");
    }
  }

  private static long headroom() {
    Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
  }

  private static long mib(long bytes) {
    return bytes >> 20;
  }
}
