package org.hotplugchecker.reports.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.hotplugchecker.reports.CheckRun;
import org.hotplugchecker.reports.cli.JsonRenderer;

/**
 * {@link JsonRenderer#write} writes a tree with jackson-core alone; its output must be
 * byte for byte what jackson-databind's {@code ObjectMapper} writes for the same tree.
 */
class JsonWriteTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Property(tries = 500)
  void writesTreesAsTheObjectMapperDoes(@ForAll("trees") JsonNode tree) throws Exception {
    assertEquals(MAPPER.writeValueAsString(tree), JsonRenderer.write(tree));
  }

  @Example
  void writesCheckRunsAsTheObjectMapperDoes() throws Exception {
    JsonRenderer renderer = new JsonRenderer();
    for (CheckRun run : Runs.s1Matrix()) {
      ObjectNode tree = renderer.render(run);
      assertEquals(MAPPER.writeValueAsString(tree), renderer.renderLine(run));
    }
  }

  @Example
  void refusesNodesWithoutAJsonForm() {
    ObjectNode o = F.objectNode();
    o.set("bytes", F.binaryNode(new byte[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> JsonRenderer.write(o));
    assertThrows(IllegalArgumentException.class, () -> JsonRenderer.write(F.pojoNode("x")));
  }

  @Provide
  Arbitrary<JsonNode> trees() {
    return nodes(3);
  }

  private static Arbitrary<JsonNode> nodes(int depth) {
    Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(10).map(F::textNode),
        Arbitraries.integers().map(F::numberNode),
        Arbitraries.longs().map(F::numberNode),
        Arbitraries.doubles().map(F::numberNode),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e300).map(F::numberNode),
        Arbitraries.floats().map(F::numberNode),
        Arbitraries.bigIntegers().map(F::numberNode),
        Arbitraries.bigDecimals().map(F::numberNode),
        Arbitraries.of(BigInteger.TWO.pow(70)).map(F::numberNode),
        Arbitraries.of(new BigDecimal("1E+40"), new BigDecimal("-0.000")).map(F::numberNode),
        Arbitraries.of(true, false).map(F::booleanNode),
        Arbitraries.just(F.nullNode()));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<JsonNode> child = nodes(depth - 1);
    Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(elements -> {
      ArrayNode a = F.arrayNode();
      elements.forEach(a::add);
      return a;
    });
    Arbitrary<JsonNode> object = Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(6),
        child).ofMaxSize(4).map(fields -> {
          ObjectNode o = F.objectNode();
          fields.forEach(o::set);
          return o;
        });
    return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(1, array), Tuple.of(1, object));
  }
}
