package org.hotplugchecker.checker.export;

import java.util.Set;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.TopologyAttr;

/** The names an exported TLA+ module gives the rule table's parts. */
final class TlaNames {
  /**
   * TLA+'s reserved words and the operators of the modules the export extends (Integers,
   * FiniteSets, TLC), which no bound variable may shadow.
   */
  static final Set<String> RESERVED = Set.of("ASSUME", "ASSUMPTION", "AXIOM", "BOOLEAN", "CASE",
      "CHOOSE", "CONSTANT", "CONSTANTS", "DOMAIN", "ELSE", "ENABLED", "EXCEPT", "EXTENDS", "IF",
      "IN", "INSTANCE", "LET", "LOCAL", "MODULE", "OTHER", "SF_", "SUBSET", "THEN", "THEOREM",
      "TRUE", "FALSE", "UNCHANGED", "UNION", "VARIABLE", "VARIABLES", "WF_", "WITH", "STRING",
      "Nat", "Int", "Cardinality", "IsFiniteSet", "Assert", "Print", "PrintT", "ToString",
      "JavaTime", "Permutations", "SortSeq", "RandomElement", "Any", "TLCEval", "TLCGet",
      "TLCSet", "Seq", "Len", "Head", "Tail", "Append", "SubSeq", "SelectSeq", "div",
      "RdB", "RdI", "RdI2", "Wr", "State", "Init", "Next", "Spec", "vars", "Nodes", "Cpus",
      "Blocks");

  private TlaNames() {}

  /** The variable of {@code slot}, e.g. {@code node_online}. */
  static String variable(Slot slot) {
    return Identifiers.plain(slot.name());
  }

  /** The constant function of {@code attr}, e.g. {@code topo_cpu_home}. */
  static String topology(TopologyAttr attr) {
    return "topo_" + Identifiers.plain(attr.name());
  }

  /** The set of {@code d}'s indices. */
  static String domain(Domain d) {
    return switch (d) {
      case NODES -> "Nodes";
      case CPUS -> "Cpus";
      case BLOCKS -> "Blocks";
    };
  }
}
