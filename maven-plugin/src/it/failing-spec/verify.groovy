// The build failed naming the spec, the property and the counterexample's first steps,
// after writing the reports.
def log = new File(basedir, 'build.log').text
assert log.contains("spec 's1-x86-v4.19'")
assert log.contains("property 'cpu_node_has_pgdat' is violated (4 steps), expected holds or vacuous")
assert log.contains("property 'no_oops' is violated (5 steps), expected holds or vacuous")
assert log =~ /\[ERROR\] +\S+ cpu_node_has_pgdat +violated \(4 steps\)/
assert log.contains('counterexample: 1. ')
assert log.contains('remove_memory(1)')
assert log.contains('BUILD FAILURE')
// The one-line message ends with the oops step itself, not "..." after step 3.
assert log =~ /property 'no_oops' is violated \(5 steps\).*; \.\.\.; 5\. alloc_for_cpu\(1\): .*out of bounds \(5 steps\)/
// The full trace of each unexpected result, as `hotplug-checker check` prints it.
assert log.contains('[ERROR]   no_oops is violated after 5 steps:')
assert log =~ /\[ERROR\] +5\. alloc_for_cpu\(1\): hardware_setup/
assert log =~ /\[ERROR\] +oops: false \u2192 true/

def junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(new File(basedir, 'target/hotplug-reports/junit.xml')).documentElement
assert junit.getAttribute('failures') == '2'
def cases = junit.getElementsByTagName('testcase')
def failed = (0..<cases.length).collect { cases.item(it) }
    .findAll { it.getElementsByTagName('failure').length > 0 }
    .collect { it.getAttribute('name') }
assert failed.sort() == ['cpu_node_has_pgdat', 'no_oops']
return true
