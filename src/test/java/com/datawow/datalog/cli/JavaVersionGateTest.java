package com.datawow.datalog.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The entry class's decision and its one line; {@code OldJavaIT} runs it under a real old Java. */
class JavaVersionGateTest {

    @Test
    void readsTheFeatureReleaseFromOldAndNewSpecificationVersions() {
        assertThat(JavaVersionGate.featureVersion("1.8")).isEqualTo(8);
        assertThat(JavaVersionGate.featureVersion("11")).isEqualTo(11);
        assertThat(JavaVersionGate.featureVersion("17")).isEqualTo(17);
        assertThat(JavaVersionGate.featureVersion("25")).isEqualTo(25);
    }

    @Test
    void theRefusalIsOneLineWithTheJavaNeededTheOneFoundAndHowToStartAnother() {
        String refusal = JavaVersionGate.refusal("17.0.15", "/usr/lib/jvm/java-17-openjdk-amd64");

        assertThat(refusal).doesNotContain("\n")
                .contains("needs Java 21 or newer")
                .contains("Java 17.0.15 (/usr/lib/jvm/java-17-openjdk-amd64)")
                .contains("./datalog-loader")
                .contains("$JAVA_HOME/bin/java -jar target/datalog-loader.jar");
    }

    @Test
    void thisJavaIsLetThrough() {
        assertThat(JavaVersionGate.featureVersion(System.getProperty("java.specification.version")))
                .isGreaterThanOrEqualTo(JavaVersionGate.REQUIRED_FEATURE);
    }
}
