package org.hotplugchecker.reports.files;

import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.hotplugchecker.checker.trace.Trace;
import org.hotplugchecker.model.spec.Spec;

/**
 * The content of {@code junit.xml} in the JUnit/Surefire layout CI servers read: one
 * {@code testsuite} per spec, one {@code testcase} per property ({@code classname} =
 * spec name, {@code name} = property). A property that is not as the spec expects is a
 * {@code failure} carrying its trace; an expected violation passes with its trace in
 * {@code system-out}.
 */
final class JunitXml {
  private JunitXml() {}

  static String render(List<SpecRun> runs) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.writeStartElement("testsuites");
      w.writeAttribute("name", "hotplug-checker");
      w.writeAttribute("tests", Integer.toString(
          runs.stream().mapToInt(r -> r.outcomes().size()).sum()));
      w.writeAttribute("failures", Integer.toString(
          runs.stream().mapToInt(r -> r.unexpected().size()).sum()));
      w.writeAttribute("errors", "0");
      w.writeAttribute("time", seconds(runs.stream().mapToLong(r -> r.result().millis()).sum()));
      for (SpecRun run : runs) {
        suite(w, run);
      }
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write junit.xml", e);
    }
    return out.toString() + "\n";
  }

  private static void suite(XMLStreamWriter w, SpecRun run) throws XMLStreamException {
    Spec spec = run.spec();
    List<Outcome> outcomes = run.outcomes();
    w.writeCharacters("\n  ");
    w.writeStartElement("testsuite");
    w.writeAttribute("name", spec.name());
    w.writeAttribute("tests", Integer.toString(outcomes.size()));
    w.writeAttribute("failures", Integer.toString(run.unexpected().size()));
    w.writeAttribute("errors", "0");
    w.writeAttribute("skipped", "0");
    w.writeAttribute("time", seconds(run.result().millis()));
    w.writeAttribute("file", String.valueOf(spec.file()));
    w.writeCharacters("\n    ");
    w.writeStartElement("properties");
    property(w, "arch", spec.topology().arch().specName());
    property(w, "kernel", spec.topology().kernel().specName());
    property(w, "engine", run.result().engine());
    property(w, "states", Long.toString(run.result().states()));
    property(w, "transitions", Long.toString(run.result().transitions()));
    property(w, "complete", Boolean.toString(run.result().complete()));
    w.writeCharacters("\n    ");
    w.writeEndElement();
    for (Outcome o : outcomes) {
      testcase(w, spec.name(), o, run.trace(o.property()));
    }
    w.writeCharacters("\n  ");
    w.writeEndElement();
  }

  private static void property(XMLStreamWriter w, String name, String value)
      throws XMLStreamException {
    w.writeCharacters("\n      ");
    w.writeEmptyElement("property");
    w.writeAttribute("name", name);
    w.writeAttribute("value", value);
  }

  private static void testcase(XMLStreamWriter w, String spec, Outcome o, Optional<Trace> trace)
      throws XMLStreamException {
    w.writeCharacters("\n    ");
    w.writeStartElement("testcase");
    w.writeAttribute("name", o.property());
    w.writeAttribute("classname", spec);
    if (!o.asExpected()) {
      w.writeStartElement("failure");
      w.writeAttribute("type", o.verdict().specName());
      w.writeAttribute("message", o.property() + " is " + o.verdictText() + ", expected "
          + o.expectedText());
      w.writeCharacters(trace.map(TraceText::render).orElse(o.property() + " is "
          + o.verdictText() + "\n"));
      w.writeEndElement();
    } else if (trace.isPresent()) {
      w.writeStartElement("system-out");
      w.writeCharacters(TraceText.render(trace.get()));
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  /** Seconds with a dot and three decimals, as Surefire writes them. */
  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
