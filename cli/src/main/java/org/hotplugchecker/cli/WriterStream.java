package org.hotplugchecker.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Bytes written to a stream, handed on to a picocli writer on every flush, so that code
 * printing to a {@link PrintStream} (bench, the sweep's progress bar) writes where the
 * command's output goes. {@link #mute()} drops everything after it (an interrupted sweep's
 * bar must not redraw over its last message).
 */
final class WriterStream extends OutputStream {
  private final PrintWriter target;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private boolean muted;
  private boolean midLine;

  WriterStream(PrintWriter target) {
    this.target = target;
  }

  /** A UTF-8 print stream over a new {@code WriterStream} to {@code target}, auto-flushed. */
  static PrintStream printStream(WriterStream s) {
    return new PrintStream(s, true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    if (!muted) {
      pending.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    if (!muted) {
      pending.write(b, off, len);
    }
  }

  @Override
  public synchronized void flush() {
    if (!muted && pending.size() > 0) {
      String text = pending.toString(StandardCharsets.UTF_8);
      target.print(text);
      target.flush();
      midLine = !text.endsWith("\n");
    }
    pending.reset();
  }

  /** Whether what was handed on so far ends in the middle of a line (a drawn bar). */
  synchronized boolean midLine() {
    return midLine;
  }

  /** Flushes what was written so far, then drops everything. */
  synchronized void mute() {
    flush();
    muted = true;
  }
}
