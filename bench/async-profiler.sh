# Sourced by the profiling harnesses (startup-cpu.sh, board-profile.sh): async_profiler DIR puts
# async-profiler's agent for this machine at DIR/linux-x64/libasyncProfiler.so. The agent comes from
# Maven Central (tools.profiler:async-profiler), fetched once into the local repository.
async_profiler() {
  local version=3.0
  local agent_jar=$HOME/.m2/repository/tools/profiler/async-profiler/$version/async-profiler-$version.jar
  [ -f "$agent_jar" ] || ./mvnw -B -ntp -q dependency:get -Dartifact=tools.profiler:async-profiler:$version -Dtransitive=false
  unzip -q -o "$agent_jar" 'linux-x64/*' -d "$1"
}
