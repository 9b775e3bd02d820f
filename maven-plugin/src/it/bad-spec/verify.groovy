// A bad spec fails the build with the loader's one-line message and no stack trace.
def log = new File(basedir, 'build.log').text
assert log =~ /broken\.yaml:7: field 'cpus\[1\]\.home': home node 7 is out of range 0\.\.1/
assert log.contains('BUILD FAILURE')
assert !log.contains('at org.hotplugchecker')
assert !new File(basedir, 'target/hotplug-reports').exists()
return true
