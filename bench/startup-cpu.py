"""Sums async-profiler's collapsed stacks (2 ms CPU samples, first frame = thread) of one start.

Table 1: CPU ms per thread (the main thread: `main`, or `DestroyJavaVM` once main() has returned; C1/C2 are
the JIT compilers). Table 2: the main thread's CPU by phase (the first marker found anywhere in the
stack, in the order below, so a deployment inside the engine's build counts as deployment) and by
kind of work (class loading, XML, MyBatis, ...).
"""
import collections
import sys

INTERVAL_MS = 2
PHASES = [
    ('RuleCaseGate', 'rule gate'), ('DmnDeployer', 'DMN deployer'), ('BpmnDeployer', 'BPMN deployer'),
    ('DeploymentCache', 'deployment cache'), ('DeployCmd', 'deployment, other'),
    ('flywaydb', 'Flyway'), ('HikariDataSource', 'Hikari'),
    ('ProcessEngineConfigurationImpl.init', 'engine init'), ('buildProcessEngine', 'engine build, other'),
    ('ConfigurationClassPostProcessor', 'configuration classes'), ('org/glassfish', 'Jersey'),
    ('tika', 'Tika'), ('createWebServer', 'web server and filters'),
    ('finishBeanFactoryInitialization', 'other singletons'), ('prepareEnvironment', 'environment'),
    ('refresh', 'context refresh, other'),
]
KINDS = [('defineClass', 'class loading'), ('loadClass', 'class loading'), ('findClass', 'class loading'),
         ('xerces', 'XML'), ('ibatis', 'MyBatis'), ('org/camunda/feel', 'FEEL'), ('org/h2', 'H2'),
         ('Interpreter', 'interpreter')]


def main(path):
    threads, phases, kinds = collections.Counter(), collections.Counter(), collections.Counter()
    for line in open(path):
        stack, count = line.rsplit(' ', 1)
        frames = stack.split(';')
        samples = int(count)
        thread = frames[0].split(' tid=')[0].strip('[')
        threads[thread] += samples
        if thread not in ('main', 'DestroyJavaVM'):  # named DestroyJavaVM once main() has returned
            continue
        phases[next((n for m, n in PHASES if any(m in f for f in frames)), 'other')] += samples
        kinds[next((n for m, n in KINDS if any(m in f for f in frames)), 'other')] += samples
    print(f'total CPU {sum(threads.values()) * INTERVAL_MS} ms')
    for title, counter, limit in (('thread', threads, 8), ('main thread, phase', phases, 30),
                                  ('main thread, kind', kinds, 30)):
        print(f'| {title} | CPU ms |')
        for name, samples in counter.most_common(limit):
            print(f'| {name} | {samples * INTERVAL_MS} |')


if __name__ == '__main__':
    main(sys.argv[1])
