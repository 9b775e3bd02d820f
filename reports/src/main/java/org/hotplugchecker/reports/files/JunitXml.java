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
import org.hotplugchecker.reports.CheckRun;
import org.hotplugchecker.reports.PropertyOutcome;
import org.hotplugchecker.reports.cli.TextRenderer;

/**
 * The content of {@code junit.xml} in the JUnit/Surefire layout CI servers read: one
 * {@code testsuite} per spec, one {@code testcase} per property ({@code classname} =
 * spec name, {@code name} = property). A property that is not as the spec expects is a
 * {@code failure} carrying its trace (the command line's text); an expected violation
 * passes with its trace in {@code system-out}; an {@code unknown} verdict is an
 * {@code error} when the spec expects something of the property (not confirmed), else
 * {@code skipped}.
 */
final class JunitXml {
  private JunitXml() {}

  static String render(List<CheckRun> runs) {
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
          runs.stream().mapToInt(r -> r.failures().size()).sum()));
      w.writeAttribute("errors", Integer.toString(
          runs.stream().mapToInt(r -> r.undecidedExpectations().size()).sum()));
      w.writeAttribute("time", seconds(runs.stream().mapToLong(r -> r.result().millis()).sum()));
      for (CheckRun run : runs) {
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

  private static void suite(XMLStreamWriter w, CheckRun run) throws XMLStreamException {
    Spec spec = run.spec();
    List<PropertyOutcome> outcomes = run.outcomes();
    w.writeCharacters("\n  ");
    w.writeStartElement("testsuite");
    w.writeAttribute("name", spec.name());
    w.writeAttribute("tests", Integer.toString(outcomes.size()));
    w.writeAttribute("failures", Integer.toString(run.failures().size()));
    w.writeAttribute("errors", Integer.toString(run.undecidedExpectations().size()));
    w.writeAttribute("skipped", Long.toString(undecided(run)
        - run.undecidedExpectations().size()));
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
    for (PropertyOutcome o : outcomes) {
      testcase(w, spec, o, run.trace(o.name()));
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

  private static void testcase(XMLStreamWriter w, Spec spec, PropertyOutcome o,
      Optional<Trace> trace) throws XMLStreamException {
    TextRenderer text = new TextRenderer();
    String verdict = TextRenderer.verdictText(o);
    w.writeCharacters("\n    ");
    w.writeStartElement("testcase");
    w.writeAttribute("name", o.name());
    w.writeAttribute("classname", spec.name());
    if (o.failed()) {
      w.writeStartElement("failure");
      w.writeAttribute("type", o.verdict().specName());
      w.writeAttribute("message", o.name() + " is " + verdict + ", expected " + o.expectedText());
      w.writeCharacters(trace.map(t -> text.trace(t, spec.topology())).orElse(o.name() + " is " + verdict + "\n"));
      w.writeEndElement();
    } else if (o.undecidedExpectation()) {
      // Expected but not decided: the expectation was not confirmed, which must not pass.
      w.writeStartElement("error");
      w.writeAttribute("type", "undecided");
      w.writeAttribute("message", o.name() + " is unknown, expected " + o.expectedText()
          + (o.detail().isEmpty() ? "" : ": " + o.detail()));
      w.writeCharacters(o.name() + " was not decided, so its expectation "
          + o.expectedText() + " is not confirmed\n");
      w.writeEndElement();
    } else if (!o.decided()) {
      // Undecided (search stopped early): neither passed nor failed.
      w.writeEmptyElement("skipped");
      w.writeAttribute("message", o.name() + " is unknown"
          + (o.detail().isEmpty() ? "" : ": " + o.detail()));
    } else if (trace.isPresent()) {
      w.writeStartElement("system-out");
      w.writeCharacters(text.trace(trace.get(), spec.topology()));
      w.writeEndElement();
    }
    w.writeEndElement();
  }

  private static long undecided(CheckRun run) {
    return run.outcomes().stream().filter(o -> !o.decided()).count();
  }

  /** Seconds with a dot and three decimals, as Surefire writes them. */
  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }
}
