package org.hotplugchecker.checker.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.KernelVariant;

/**
 * The resumable record of a sweep: one JSON object per line per finished check
 * ({@link TopologyOutcome}), appended and flushed as each finishes. A torn last line
 * (the run was killed mid-write) is ignored on reading and simply checked again. Each
 * record carries the {@link HotplugModel#REVISION} that produced it; records of another
 * revision (or none) are ignored, so a changed model never reuses stale verdicts.
 *
 * <p>A record names its kernel by {@link Kernel#label()} in {@code kernel} (a preset's
 * name, as before knob sweeps) and, since knob sweeps, by its knobs in {@code kernelKnobs};
 * records without {@code kernelKnobs} (older files) are read as the preset they name. A
 * record of user invariants carries their source texts in {@code invariants}, and its
 * verdicts are reused only for invariants of the same text.
 */
public final class SweepResultsFile implements Closeable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final BufferedWriter out;

  private SweepResultsFile(Path file, BufferedWriter out) {
    this.file = file;
    this.out = out;
  }

  /** Opens {@code file} for appending, creating it (and its folder) if needed. */
  public static SweepResultsFile openForAppend(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    boolean needsNewline = Files.exists(file) && Files.size(file) > 0 && !endsWithNewline(file);
    BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    if (needsNewline) {
      // Seal a torn line so the next record starts on its own line.
      w.newLine();
      w.flush();
    }
    return new SweepResultsFile(file, w);
  }

  private static boolean endsWithNewline(Path file) throws IOException {
    try (var ch = Files.newByteChannel(file)) {
      ch.position(ch.size() - 1);
      var b = java.nio.ByteBuffer.allocate(1);
      ch.read(b);
      return b.get(0) == '\n';
    }
  }

  /**
   * Reads every well-formed record of {@code file}, by key; later lines win. Returns an
   * empty map when the file does not exist.
   */
  public static Map<String, TopologyOutcome> read(Path file) throws IOException {
    Map<String, TopologyOutcome> out = new HashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
        String line = it.next().trim();
        if (line.isEmpty()) {
          continue;
        }
        TopologyOutcome o = parse(line);
        if (o != null) {
          out.put(o.key(), o);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return out;
  }

  /**
   * Reads the verdicts of every well-formed record that has all of {@code properties}
   * (user invariants of the same source text), by key, each packed by {@link #pack} (about
   * 200 bytes per check in memory, so a results file of millions of checks can be resumed).
   * Later lines win.
   */
  public static Map<String, String> readPacked(Path file, SweepProperties sweep)
      throws IOException {
    List<String> properties = sweep.names();
    Map<String, String> out = new HashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
        String line = it.next().trim();
        TopologyOutcome o = line.isEmpty() ? null : parse(line);
        if (o != null && o.verdicts().keySet().containsAll(properties)
            && sameInvariants(o, sweep.userSources())) {
          out.put(o.key(), pack(o, properties));
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return out;
  }

  private static boolean sameInvariants(TopologyOutcome o, Map<String, String> sources) {
    for (Map.Entry<String, String> e : sources.entrySet()) {
      if (!e.getValue().equals(o.invariants().get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  // One char per property: holds, vacuous, unknown, or a violation's length.
  private static final int HOLDS = 0;
  private static final int VACUOUS = 1;
  private static final int UNKNOWN = 2;
  private static final int VIOLATED_AT_0 = 3;

  /** The verdicts of {@code o}, in {@code properties} order, one char each. */
  static String pack(TopologyOutcome o, List<String> properties) {
    StringBuilder sb = new StringBuilder(properties.size());
    for (String p : properties) {
      sb.append((char) switch (o.verdict(p)) {
        case HOLDS -> HOLDS;
        case VACUOUS -> VACUOUS;
        case UNKNOWN -> UNKNOWN;
        case VIOLATED -> VIOLATED_AT_0 + o.length(p);
      });
    }
    return sb.toString();
  }

  /** The verdict texts ({@code holds}, {@code violated@K}, ...) of a packed record. */
  static Map<String, String> unpack(String packed, List<String> properties) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < properties.size(); i++) {
      int c = packed.charAt(i);
      out.put(properties.get(i), switch (c) {
        case HOLDS -> "holds";
        case VACUOUS -> "vacuous";
        case UNKNOWN -> "unknown";
        default -> "violated@" + (c - VIOLATED_AT_0);
      });
    }
    return out;
  }

  /** One record, or null if the line is not a complete record. */
  static TopologyOutcome parse(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      if (n == null || !n.isObject()
          || !HotplugModel.REVISION.equals(n.path("model").asText(null))) {
        return null;
      }
      Arch arch = Arch.fromSpecName(n.path("arch").asText()).orElse(null);
      Kernel kernel = kernel(n);
      String topology = n.path("topology").asText(null);
      JsonNode verdicts = n.get("verdicts");
      if (arch == null || kernel == null || topology == null || verdicts == null
          || !verdicts.isObject()) {
        return null;
      }
      Set<Fault> faults = EnumSet.noneOf(Fault.class);
      for (JsonNode f : n.path("faults")) {
        Fault fault = Fault.fromSpecName(f.asText()).orElse(null);
        if (fault == null) {
          return null;
        }
        faults.add(fault);
      }
      Map<String, String> v = new LinkedHashMap<>();
      verdicts.fields().forEachRemaining(e -> v.put(e.getKey(), e.getValue().asText()));
      Map<String, String> sources = new LinkedHashMap<>();
      n.path("invariants").fields().forEachRemaining(e -> sources.put(e.getKey(),
          e.getValue().asText()));
      return new TopologyOutcome(topology, arch, kernel, faults, n.path("states").asLong(),
          n.path("transitions").asLong(), n.path("millis").asLong(), v, sources);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** The kernel of a record: its knobs, or (older records) the preset it names; else null. */
  private static Kernel kernel(JsonNode n) {
    JsonNode knobs = n.get("kernelKnobs");
    if (knobs == null) {
      return KernelVariant.fromSpecName(n.path("kernel").asText()).map(Kernel::of).orElse(null);
    }
    Map<String, String> m = new LinkedHashMap<>();
    knobs.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    try {
      Kernel k = Kernel.of(m);
      // a record whose two names disagree is not trusted
      return k.label().equals(n.path("kernel").asText()) ? k : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The record of {@code o} as one line of JSON (no newline). */
  static String format(TopologyOutcome o) {
    ObjectNode n = JSON.createObjectNode();
    n.put("key", o.key());
    n.put("model", HotplugModel.REVISION);
    n.put("topology", o.classKey());
    n.put("arch", o.arch().specName());
    n.put("kernel", o.kernel().label());
    ObjectNode knobs = n.putObject("kernelKnobs");
    o.kernel().knobs().forEach(knobs::put);
    ArrayNode faults = n.putArray("faults");
    o.faults().stream().map(Fault::specName).sorted().forEach(faults::add);
    n.put("states", o.states());
    n.put("transitions", o.transitions());
    n.put("millis", o.millis());
    ObjectNode v = n.putObject("verdicts");
    o.verdicts().forEach(v::put);
    if (!o.invariants().isEmpty()) {
      ObjectNode inv = n.putObject("invariants");
      o.invariants().forEach(inv::put);
    }
    try {
      return JSON.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Appends {@code outcomes} and flushes, so a killed run loses at most a torn line. */
  public synchronized void append(List<TopologyOutcome> outcomes) throws IOException {
    for (TopologyOutcome o : outcomes) {
      out.write(format(o));
      out.newLine();
    }
    out.flush();
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
