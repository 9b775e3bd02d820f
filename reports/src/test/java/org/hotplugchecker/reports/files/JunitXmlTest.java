package org.hotplugchecker.reports.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.hotplugchecker.model.spec.Expectation;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.reports.CheckRun;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

class JunitXmlTest {
  private static final Schema SCHEMA = schema();

  private static Schema schema() {
    try {
      return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
          .newSchema(JunitXmlTest.class.getResource("junit-report.xsd"));
    } catch (SAXException e) {
      throw new IllegalStateException(e);
    }
  }

  static void validate(String xml) throws Exception {
    SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(xml)));
  }

  @Test
  void oneTestcasePerSpecAndPropertyFailuresCarryTheTrace() throws Exception {
    CheckRun v419 = Runs.run(Runs.spec("s1-x86-v4.19", Runs.s1(Arch.X86, KernelVariant.V4_19),
        Map.of("no_oops", Expectation.parse("violated@5"))));
    CheckRun v50 = Runs.run("s1-x86-v5.0", Runs.s1(Arch.X86, KernelVariant.V5_0));
    String xml = JunitXml.render(List.of(v419, v50));
    validate(xml);

    Document doc = parse(xml);
    Element root = doc.getDocumentElement();
    assertEquals("18", root.getAttribute("tests"));
    assertEquals("1", root.getAttribute("failures"));
    NodeList cases = doc.getElementsByTagName("testcase");
    assertEquals(18, cases.getLength());
    List<String> failed = new ArrayList<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element c = (Element) cases.item(i);
      NodeList f = c.getElementsByTagName("failure");
      if (f.getLength() > 0) {
        failed.add(c.getAttribute("classname") + "." + c.getAttribute("name"));
        String text = f.item(0).getTextContent();
        assertTrue(text.contains("4. hotremove_cpu(1)"), text);
        assertTrue(text.contains("cpu_to_node(1): 1 \u2192 -1"), text);
      }
      if (c.getAttribute("name").equals("no_oops") && c.getAttribute("classname")
          .equals("s1-x86-v4.19")) {
        // expected violation: passes, trace kept as output
        assertEquals(0, f.getLength());
        assertTrue(c.getElementsByTagName("system-out").item(0).getTextContent()
            .contains("5. alloc_for_cpu(1)"));
      }
    }
    assertEquals(List.of("s1-x86-v4.19.cpu_node_has_pgdat"), failed);
  }

  @Test
  void unknownVerdictsAreSkippedNotFailed() throws Exception {
    CheckRun run = Runs.run(Runs.spec("s1", Runs.s1(Arch.X86, KernelVariant.V4_19),
        Map.of("cpu_node_has_pgdat", Expectation.parse("violated@4"))),
        org.hotplugchecker.checker.explicit.ExplorerOptions.defaults().withStopAtFirst(true));
    long unknown = run.outcomes().stream().filter(o -> !o.decided()).count();
    assertTrue(unknown > 0, "stop-at-first leaves some properties unknown");
    String xml = JunitXml.render(List.of(run));
    validate(xml);
    Document doc = parse(xml);
    assertEquals(unknown, doc.getElementsByTagName("skipped").getLength());
    assertEquals(String.valueOf(run.failures().size()),
        ((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("failures"));
    assertEquals(String.valueOf(unknown),
        ((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("skipped"));
  }

  @Test
  void escapesNamesThatLookLikeMarkup() throws Exception {
    CheckRun run = Runs.run("a<b>&\"c\"", Runs.s1(Arch.X86, KernelVariant.V4_19));
    String xml = JunitXml.render(List.of(run));
    validate(xml);
    assertEquals("a<b>&\"c\"", ((Element) parse(xml).getElementsByTagName("testcase").item(0))
        .getAttribute("classname"));
  }

  @Test
  void theSchemaRejectsBrokenReports() {
    // guards against a schema that accepts anything
    assertThrows(SAXException.class, () -> validate(
        "<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\">"
            + "<testcase classname=\"s\"/></testsuite></testsuites>"));
    assertThrows(SAXException.class, () -> validate(
        "<testsuites><testsuite name=\"s\" tests=\"1\" failures=\"0\" errors=\"0\" time=\"0,5\">"
            + "</testsuite></testsuites>"));
  }
}
