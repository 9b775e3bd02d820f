package org.hotplugchecker.model.spec;

/** Spec file texts shared by the tests of every module (model's test-jar). */
public final class SpecTexts {
  private SpecTexts() {}

  /**
   * The mailing-list machine s1 on {@code kernel}, without a name or expectations (nine
   * lines, so appended fields start at line 10): node 1 has one removable CPU and one
   * removable memory block.
   */
  public static String s1(String kernel) {
    return "arch: x86\nkernel: " + kernel + "\n" + S1_MACHINE;
  }

  /** s1's machine alone (seven lines from {@code nodes:}), for specs that set arch and kernel. */
  public static final String S1_MACHINE = """
      nodes: 2
      cpus:
        - {home: 0, boot: true, hotplug: false}
        - {home: 1, boot: true, hotplug: true}
      memory:
        - {home: 0, boot: true, hotplug: false}
        - {home: 1, boot: true, hotplug: true}
      """;
}
