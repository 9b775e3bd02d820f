// The goal ran in verify, logged every spec and property, and wrote every report.
def log = new File(basedir, 'build.log').text
assert log.contains('hotplug-checker-maven-plugin')
assert log.contains('checking 2 hotplug spec(s) with the explicit engine')
assert log.contains('s1-x86-v5.0 (x86, v5.0): 13 states, 63 transitions')
assert log.contains('s1-x86-v4.19-known (x86, v4.19): 19 states, 76 transitions')
// The command line's property lines (its check marks depend on the log's encoding).
assert log =~ /cpu_node_has_pgdat +violated \(4 steps\) +as expected/
assert log =~ /(?m)\[INFO\] +\S+ no_oops +holds\s*$/
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')

def reports = new File(basedir, 'target/hotplug-reports')
['results.json', 'junit.xml', 'matrix.md', 'index.html'].each {
  assert new File(reports, it).isFile() : "missing report $it"
}
def traces = new File(reports, 'traces').list().sort()
assert traces == ['s1-x86-v4.19-known-cpu_node_has_pgdat.itf.json',
                  's1-x86-v4.19-known-no_oops.itf.json']
def junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
    .parse(new File(reports, 'junit.xml')).documentElement
assert junit.getAttribute('tests') == '18'
assert junit.getAttribute('failures') == '0'
def matrix = new File(reports, 'matrix.md').text
assert matrix.contains('| v4.19 | s1-x86-v4.19-known | violated (4) |')
return true
