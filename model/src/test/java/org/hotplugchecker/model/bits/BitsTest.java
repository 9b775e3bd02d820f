package org.hotplugchecker.model.bits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BitsTest {
  @Test
  void everySingleBit() {
    for (int i = 0; i < 64; i++) {
      assertEquals(i, Bits.lowest(1L << i), "bit " + i);
      assertEquals(i, Bits.lowest(-1L << i), "bits " + i + " and up");
    }
  }

  @Property(tries = 2000)
  void agreesWithTheJdk(@ForAll long set) {
    if (set != 0) {
      assertEquals(Long.numberOfTrailingZeros(set), Bits.lowest(set));
    }
  }

  @Property(tries = 500)
  void walksASetInAscendingOrder(@ForAll @LongRange(min = 1) long set) {
    int previous = -1;
    int count = 0;
    for (long e = set; e != 0; e &= e - 1) {
      int i = Bits.lowest(e);
      assertTrue(i > previous && (set & (1L << i)) != 0, "index " + i);
      previous = i;
      count++;
    }
    assertEquals(Long.bitCount(set), count);
  }
}
