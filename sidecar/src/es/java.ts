import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export interface JavaHome {
  home: string;
  major: number;
}

const JVM_DIR = '/usr/lib/jvm';

/** The major version a `java -version` banner names, e.g. `openjdk version "21.0.4"` → 21. */
export function parseJavaMajor(versionOutput: string): number | null {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return null;
  const first = Number(match[1]);
  // Java 8 and older report "1.8.0_x".
  return first === 1 && match[2] ? Number(match[2]) : first;
}

function javaMajorAt(home: string): number | null {
  const binary = join(home, 'bin', 'java');
  if (!existsSync(binary)) return null;
  const result = spawnSync(binary, ['-version'], { encoding: 'utf8' });
  return parseJavaMajor(`${result.stderr ?? ''}${result.stdout ?? ''}`);
}

/**
 * A JDK of at least `minimumMajor`: ES_JAVA_HOME, then JAVA_HOME, then the newest under
 * /usr/lib/jvm. An explicitly configured home that is too old is an error, not skipped silently.
 */
export function findJavaHome(minimumMajor: number): JavaHome {
  for (const variable of ['ES_JAVA_HOME', 'JAVA_HOME'] as const) {
    const home = process.env[variable];
    if (!home) continue;
    const major = javaMajorAt(home);
    if (major === null) throw new Error(`${variable}=${home} holds no runnable bin/java`);
    if (major >= minimumMajor) return { home, major };
    if (variable === 'ES_JAVA_HOME') {
      throw new Error(
        `${variable}=${home} is Java ${major}; Elasticsearch needs Java ${minimumMajor} or newer`,
      );
    }
  }
  const candidates = existsSync(JVM_DIR) ? readdirSync(JVM_DIR) : [];
  const found = candidates
    .map((name) => ({ home: join(JVM_DIR, name), major: javaMajorAt(join(JVM_DIR, name)) }))
    .filter((c): c is JavaHome => c.major !== null && c.major >= minimumMajor)
    .sort((a, b) => b.major - a.major);
  const newest = found[0];
  if (!newest) {
    throw new Error(
      `no Java ${minimumMajor}+ found (looked at ES_JAVA_HOME, JAVA_HOME and ${JVM_DIR}). ` +
        `Install one, e.g. 'apt-get install openjdk-${minimumMajor}-jdk-headless' or a Temurin JDK, ` +
        `or set ES_URL to use an existing Elasticsearch`,
    );
  }
  return newest;
}
