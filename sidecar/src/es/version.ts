/**
 * The one place the Elasticsearch version is pinned. 9.5.4 is the newest 9.x integ-test zip that
 * Maven Central served on 2026-11-23 (its maven-metadata.xml stops at 8.19.21, yet the 9.x
 * artifacts resolve by exact version; `npm run es:probe-versions` re-checks).
 */
export const ELASTICSEARCH_VERSION = '9.5.4';
export const ELASTICSEARCH_MAVEN_COORDINATES = `org.elasticsearch.distribution.integ-test-zip:elasticsearch:${ELASTICSEARCH_VERSION}:zip`;
/** Elasticsearch 9 bundles no JDK in the integ-test zip and needs Java 21 or newer. */
export const MINIMUM_JAVA_MAJOR = 21;
