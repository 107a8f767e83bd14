package org.w3id.vlmsurvey.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** From target/classes (no manifest) the version comes from the filtered version.properties: the pom's values. */
class BuildVersionTest {
    @Test
    void fromClassesTheVersionsAreThePoms() {
        BuildVersion v = BuildVersion.current();
        assertEquals(System.getProperty("vlm.version"), v.version(), "surefire passes ${project.version}");
        assertEquals(System.getProperty("vlm.jena.version"), v.jena(), "surefire passes ${jena.version}");
        assertEquals("vlm-survey-kg " + v.version() + ", Apache Jena " + v.jena(), v.toString());
    }

    @Test
    void theJenaOnTheClassPathIsTheOneBuiltWith() {
        assertEquals(org.apache.jena.Jena.VERSION, BuildVersion.current().jena());
    }
}
