import { afterEach, describe, expect, it } from 'vitest';
import { findJavaHome, parseJavaMajor } from '../../../sidecar/src/es/java';

describe('parseJavaMajor', () => {
  it('reads modern and legacy version banners', () => {
    expect(parseJavaMajor('openjdk version "21.0.4" 2024-07-16')).toBe(21);
    expect(parseJavaMajor('openjdk version "25" 2025-09-16')).toBe(25);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('no banner here')).toBeNull();
  });
});

describe('findJavaHome', () => {
  const saved = { ES_JAVA_HOME: process.env.ES_JAVA_HOME, JAVA_HOME: process.env.JAVA_HOME };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('says which variable points at a folder without java', () => {
    process.env.ES_JAVA_HOME = '/nonexistent/jdk';
    expect(() => findJavaHome(21)).toThrow(
      'ES_JAVA_HOME=/nonexistent/jdk holds no runnable bin/java',
    );
  });

  it('asks for a newer Java than any on the machine with install advice', () => {
    delete process.env.ES_JAVA_HOME;
    delete process.env.JAVA_HOME;
    expect(() => findJavaHome(99)).toThrow(/no Java 99\+ found .*set ES_URL/);
  });
});
