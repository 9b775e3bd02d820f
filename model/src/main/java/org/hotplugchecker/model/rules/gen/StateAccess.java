package org.hotplugchecker.model.rules.gen;

import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.Type;

/**
 * How generated code reads and writes a packed state: in one {@code long} that methods
 * take and return, or in a {@code long[]} changed in place. Each slot gets small accessor
 * methods (emitted by {@link #accessors}); everything else calls them, and the JIT inlines
 * them. Besides one element, code may read a boolean slot whole, as a bit vector over its
 * domain (bit {@code i} is element {@code i}: one shift, as a layout packs its elements in
 * consecutive bits), and an int slot's field as stored (the node plus one, 0 for none).
 */
abstract class StateAccess {
  /** The parameter declaration, e.g. {@code long s}. */
  abstract String param();

  /** The Java type of a state, e.g. {@code long}. */
  abstract String type();

  /** Whether effects return the new state (one word) rather than change it in place. */
  abstract boolean functional();

  /** A suffix for method names of this access, so both kinds live in one class. */
  abstract String suffix();

  static String id(Slot slot) {
    return slot.name().replaceAll("[^A-Za-z0-9]", "_");
  }

  /** Reads element {@code idx} (a Java int expression known to be in range). */
  String read(Slot slot, String idx) {
    return "r" + suffix() + "_" + id(slot) + "(s" + (slot.isScalar() ? "" : ", " + idx) + ")";
  }

  /** Reads element {@code idx}, giving false / -1 outside the array. */
  String readChecked(Slot slot, String idx) {
    return "rc" + suffix() + "_" + id(slot) + "(s, " + idx + ")";
  }

  /** A boolean slot's elements as a bit vector (bit i: element i), exact. */
  String vec(Slot slot) {
    return "v" + suffix() + "_" + id(slot) + "(s)";
  }

  /** An int slot's field {@code idx} (in range) as stored: the node plus one. */
  String raw(Slot slot, String idx) {
    return "f" + suffix() + "_" + id(slot) + "(s, " + idx + ")";
  }

  /** An int slot's field {@code idx} as stored, 0 (no node) outside the array. */
  String rawChecked(Slot slot, String idx) {
    return "fc" + suffix() + "_" + id(slot) + "(s, " + idx + ")";
  }

  static String domainMask(Slot slot) {
    return slot.isScalar() ? "1L" : "DM_" + slot.index().name();
  }

  /** A statement writing {@code value} to element {@code idx} (checked: outside is an error). */
  String write(Slot slot, String idx, String value) {
    return write("w", slot, idx, value);
  }

  /**
   * {@link #write} without the range check, for an index known to lie in the slot's domain
   * (a variable ranging over it) or a scalar slot: the check is a branch per write in the
   * search's hot loop, and one that cannot fail.
   */
  String writeInDomain(Slot slot, String idx, String value) {
    return write("wu", slot, idx, value);
  }

  private String write(String prefix, Slot slot, String idx, String value) {
    String call = prefix + suffix() + "_" + id(slot) + "(s, " + (slot.isScalar() ? "0" : idx)
        + ", " + value + ")";
    return (functional() ? "s = " : "") + call + ";";
  }

  /** The accessor methods of {@code slot}. */
  abstract void accessors(JavaWriter w, Slot slot);

  /** Fields this access needs per slot (declarations), and their initialisation. */
  abstract void fields(JavaWriter decl, JavaWriter init, Slot slot, int slotIndex);

  static String javaType(Slot slot) {
    return slot.type() == Type.BOOL ? "boolean" : "int";
  }

  static String size(Slot slot) {
    return slot.isScalar() ? "1" : "N_" + slot.index().name();
  }

  /** One {@code long}: every slot's elements are consecutive fields of one stride. */
  static final class OneWord extends StateAccess {
    @Override
    String param() {
      return "long s";
    }

    @Override
    String type() {
      return "long";
    }

    @Override
    boolean functional() {
      return true;
    }

    @Override
    String suffix() {
      return "1";
    }

    @Override
    void fields(JavaWriter decl, JavaWriter init, Slot slot, int s) {
      String id = id(slot);
      decl.line("private final int B1_" + id + ";");
      init.line("B1_" + id + " = oneWordBase(layout, " + s + ");");
    }

    @Override
    void accessors(JavaWriter w, Slot slot) {
      String id = id(slot);
      String shift = slot.type() == Type.BOOL ? "(B1_" + id + " + i)" : "(B1_" + id + " + i * NW)";
      if (slot.type() == Type.BOOL) {
        w.line("private boolean r1_" + id + "(long s" + (slot.isScalar() ? "" : ", int i")
            + ") { return ((s >>> " + (slot.isScalar() ? "B1_" + id : shift) + ") & 1L) != 0; }");
        w.line("private long wu1_" + id + "(long s, int i, boolean v) { long b = 1L << " + shift
            + "; return v ? s | b : s & ~b; }");
        w.line("private long w1_" + id + "(long s, int i, boolean v) { check(i, " + size(slot)
            + ", \"" + slot.name() + "\"); return wu1_" + id + "(s, i, v); }");
        w.line("private long v1_" + id + "(long s) { return (s >>> B1_" + id + ") & "
            + domainMask(slot) + "; }");
      } else {
        w.line("private int f1_" + id + "(long s, int i) { return (int) ((s >>> " + shift
            + ") & NM); }");
        w.line("private int fc1_" + id + "(long s, int i) { return i >= 0 && i < " + size(slot)
            + " ? f1_" + id + "(s, i) : 0; }");
        w.line("private int r1_" + id + "(long s, int i) { return f1_" + id + "(s, i) - 1; }");
        w.line("private long wu1_" + id + "(long s, int i, int v) { int sh = " + shift
            + "; return (s & ~(NM << sh)) | ((long) (v + 1) << sh); }");
        w.line("private long w1_" + id + "(long s, int i, int v) { check(i, " + size(slot)
            + ", \"" + slot.name() + "\"); return wu1_" + id + "(s, i, v); }");
      }
      if (!slot.isScalar()) {
        String outside = slot.type() == Type.BOOL ? "false" : "-1";
        w.line("private " + javaType(slot) + " rc1_" + id + "(long s, int i) { return i >= 0 && i < "
            + size(slot) + " ? r1_" + id + "(s, i) : " + outside + "; }");
      }
    }
  }

  /** A {@code long[]}: each element has its own word and shift. */
  static final class MultiWord extends StateAccess {
    @Override
    String param() {
      return "long[] s";
    }

    @Override
    String type() {
      return "long[]";
    }

    @Override
    boolean functional() {
      return false;
    }

    @Override
    String suffix() {
      return "N";
    }

    @Override
    void fields(JavaWriter decl, JavaWriter init, Slot slot, int s) {
      String id = id(slot);
      decl.line("private final int[] WN_" + id + ";");
      decl.line("private final int[] SN_" + id + ";");
      init.line("WN_" + id + " = words(layout, " + s + ");");
      init.line("SN_" + id + " = shifts(layout, " + s + ");");
      if (slot.type() == Type.BOOL) { // where the bit vector starts, and if it goes on
        decl.line("private final int VW_" + id + ";");
        decl.line("private final int VS_" + id + ";");
        decl.line("private final boolean VX_" + id + ";");
        init.line("VW_" + id + " = vectorWord(layout, " + s + ");");
        init.line("VS_" + id + " = vectorShift(layout, " + s + ");");
        init.line("VX_" + id + " = vectorStraddles(layout, " + s + ");");
      }
    }

    @Override
    void accessors(JavaWriter w, Slot slot) {
      String id = id(slot);
      String i = slot.isScalar() ? "0" : "i";
      String at = "s[WN_" + id + "[" + i + "]] >>> SN_" + id + "[" + i + "]";
      String iParam = slot.isScalar() ? "" : ", int i";
      if (slot.type() == Type.BOOL) {
        w.line("private boolean rN_" + id + "(long[] s" + iParam + ") { return ((" + at
            + ") & 1L) != 0; }");
        w.line("private void wuN_" + id + "(long[] s, int i, boolean v) { long b = 1L << SN_" + id
            + "[i]; int w = WN_" + id + "[i]; s[w] = v ? s[w] | b : s[w] & ~b; }");
        w.line("private void wN_" + id + "(long[] s, int i, boolean v) { check(i, " + size(slot)
            + ", \"" + slot.name() + "\"); wuN_" + id + "(s, i, v); }");
        w.line("private long vN_" + id + "(long[] s) { long v = s[VW_" + id + "] >>> VS_" + id
            + "; if (VX_" + id + ") v |= s[VW_" + id + " + 1] << -VS_" + id + "; return v & "
            + domainMask(slot) + "; }");
      } else {
        w.line("private int fN_" + id + "(long[] s" + iParam + ") { return (int) ((" + at
            + ") & NM); }");
        w.line("private int fcN_" + id + "(long[] s, int i) { return i >= 0 && i < " + size(slot)
            + " ? fN_" + id + "(s, i) : 0; }");
        w.line("private int rN_" + id + "(long[] s" + iParam + ") { return fN_" + id + "(s"
            + (slot.isScalar() ? "" : ", i") + ") - 1; }");
        w.line("private void wuN_" + id + "(long[] s, int i, int v) { int sh = SN_" + id
            + "[i]; int w = WN_" + id + "[i]; s[w] = (s[w] & ~(NM << sh)) | ((long) (v + 1) << sh); }");
        w.line("private void wN_" + id + "(long[] s, int i, int v) { check(i, " + size(slot)
            + ", \"" + slot.name() + "\"); wuN_" + id + "(s, i, v); }");
      }
      if (!slot.isScalar()) {
        String outside = slot.type() == Type.BOOL ? "false" : "-1";
        w.line("private " + javaType(slot) + " rcN_" + id + "(long[] s, int i) { return i >= 0 && i < "
            + size(slot) + " ? rN_" + id + "(s, i) : " + outside + "; }");
      }
    }
  }
}
