// engine kind leaves no_oops unknown: the build fails and says which expectation and why.
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('1 expectation was not decided')
assert log.contains("property 'no_oops' was not decided, so its expectation violated@5 is not confirmed: ")
assert log.contains('not k-inductive')
def results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/hotplug-reports/results.json'))
assert results.status == 'incomplete'
return true
