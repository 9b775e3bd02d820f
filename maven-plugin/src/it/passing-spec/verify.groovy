// The goal ran in verify, logged every spec and property, and wrote every report.
def log = new File(basedir, 'build.log').text
assert log.contains('hotplug-checker-maven-plugin')
assert log.contains('checking 4 hotplug spec(s) from 3 file(s) with the explicit engine')
// a spec with a kernel list is one check per kernel, each named after it
assert log.contains('s1-matrix[v5.0,x86] (x86, v5.0): 13 states, 63 transitions')
assert log.contains('s1-matrix[v5.18,x86] (x86, v5.18): ')
// slf4j-api is pinned: no version range, so no remote metadata lookups (issue 13 item 11)
assert !log.contains('slf4j-api/maven-metadata.xml')
assert !log.contains('Could not transfer metadata')
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
assert junit.getAttribute('tests') == '36'
assert junit.getAttribute('failures') == '0'
def matrix = new File(reports, 'matrix.md').text
assert matrix.contains('| v4.19 | x86 | s1-x86-v4.19-known | violated (4) |')
assert matrix.contains('| v5.18 | x86 | s1-matrix[v5.18,x86] | holds |')
return true
