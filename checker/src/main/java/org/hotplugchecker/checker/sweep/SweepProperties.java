package org.hotplugchecker.checker.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.RenamingInvariance;
import org.hotplugchecker.model.rules.ShapePremise;
import org.hotplugchecker.model.rules.TopologyAttr;
import org.hotplugchecker.model.rules.lang.InvariantException;
import org.hotplugchecker.model.rules.lang.InvariantParser;

/**
 * What a sweep checks on every class: the built-in properties, in model order, then the
 * user invariants ({@code sweep --invariant}), in the order given. It travels to remote
 * workers as the invariants' names and sources (expressions are not serializable) and is
 * parsed again there.
 */
public final class SweepProperties implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The built-in properties only. */
  public static final SweepProperties BUILT_IN = new SweepProperties(new LinkedHashMap<>());

  /** Name to source text of each user invariant, in order. */
  private final LinkedHashMap<String, String> sources;
  private transient List<PropertyRule> rules;

  private SweepProperties(LinkedHashMap<String, String> sources) {
    this.sources = sources;
  }

  /**
   * The built-ins plus {@code invariants} (each with its source text).
   *
   * @throws IllegalArgumentException if a name is taken or an invariant has no source
   */
  public static SweepProperties with(List<PropertyRule.Invariant> invariants) {
    LinkedHashMap<String, String> m = new LinkedHashMap<>();
    for (PropertyRule.Invariant i : invariants) {
      if (HotplugRules.RULES.property(i.name()).isPresent() || m.containsKey(i.name())) {
        throw new IllegalArgumentException("--invariant " + i.name()
            + ": the name is already taken");
      }
      if (i.source() == null) {
        throw new IllegalArgumentException("--invariant " + i.name() + ": no source text");
      }
      m.put(i.name(), i.source());
    }
    return new SweepProperties(m);
  }

  /** The properties to check, built-ins first (parsed again after deserialisation). */
  public synchronized List<PropertyRule> rules() {
    if (rules == null) {
      List<PropertyRule> out = new ArrayList<>(HotplugRules.RULES.properties());
      InvariantParser parser = new InvariantParser(HotplugRules.RULES);
      for (Map.Entry<String, String> e : sources.entrySet()) {
        try {
          out.add(new PropertyRule.Invariant(e.getKey(), "sweep invariant: "
              + e.getValue().strip(), parser.parse(e.getValue()), e.getValue()));
        } catch (InvariantException x) {
          throw new IllegalStateException("--invariant " + e.getKey() + ": " + x.getMessage(),
              x);
        }
      }
      rules = List.copyOf(out);
    }
    return rules;
  }

  /** The property names, in order. */
  public List<String> names() {
    return rules().stream().map(PropertyRule::name).toList();
  }

  /** Name to source text of the user invariants (empty without any). */
  public Map<String, String> userSources() {
    return java.util.Collections.unmodifiableMap(sources);
  }

  /** Whether there are user invariants. */
  public boolean hasUserInvariants() {
    return !sources.isEmpty();
  }

  /**
   * Why the symmetry reduction (one representative per class of renamings) cannot justify
   * some user invariant, one line, or empty. Such an invariant may tell renamed indices
   * apart ({@link RenamingInvariance}: a literal index, an order between indices), so the
   * sweep then checks every labelled member of each class ({@link ClassMembers}).
   */
  public Optional<String> symmetryOff() {
    for (PropertyRule p : rules()) {
      if (p instanceof PropertyRule.Invariant i && sources.containsKey(i.name())) {
        Optional<String> why = RenamingInvariance.problem(i.holds());
        if (why.isPresent()) {
          return Optional.of("--invariant " + i.name() + ": " + why.get());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Why the shape method cannot justify some user invariant, one line, or empty: the
   * skeleton of a machine shape has other {@code boot} and {@code hotplug} flags than its
   * classes ({@link ShapePremise#flagsRead}), and places CPUs and blocks in another order
   * (so an invariant the symmetry reduction cannot justify is not justified there either).
   * The sweep then explores every class on its own.
   */
  public Optional<String> shapesOff() {
    for (PropertyRule p : rules()) {
      if (p instanceof PropertyRule.Invariant i && sources.containsKey(i.name())) {
        var flags = ShapePremise.HOTPLUG.flagsRead(i.holds());
        if (!flags.isEmpty()) {
          return Optional.of("--invariant " + i.name() + " reads " + String.join(", ",
              flags.stream().map(TopologyAttr::name).toList()) + ", which the skeleton of a"
              + " machine shape changes");
        }
      }
    }
    return symmetryOff();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SweepProperties p && p.sources.equals(sources);
  }

  @Override
  public int hashCode() {
    return sources.hashCode();
  }

  @Override
  public String toString() {
    return names().toString();
  }
}
