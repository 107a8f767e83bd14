package org.w3id.vlmsurvey.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The version of this build and of the Apache Jena it was built with: from the jar's manifest
 * ({@code Implementation-Version}, {@code Jena-Version}), or, when running from {@code target/classes}, from the
 * resource {@code version.properties} the build fills in. One source for {@code -V} and the User-Agent of {@code link}.
 */
public record BuildVersion(String version, String jena) {
    public static final String MANIFEST_VERSION = "Implementation-Version";
    public static final String MANIFEST_JENA = "Jena-Version";
    private static final BuildVersion CURRENT = read();

    /** The version of the running build. */
    public static BuildVersion current() {
        return CURRENT;
    }

    /** {@code vlm-survey-kg 0.1.0, Apache Jena 5.6.0}. */
    @Override
    public String toString() {
        return "vlm-survey-kg " + version + ", Apache Jena " + jena;
    }

    private static BuildVersion read() {
        Manifest m = ownManifest();
        if (m != null) {
            Attributes a = m.getMainAttributes();
            String v = a.getValue(MANIFEST_VERSION), j = a.getValue(MANIFEST_JENA);
            if (v != null && j != null) return new BuildVersion(v, j);
        }
        Properties p = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) throw new IllegalStateException("version.properties is missing: build with Maven");
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildVersion(p.getProperty("version"), p.getProperty("jena"));
    }

    /** The manifest of the jar this class was loaded from, or null when it was not loaded from a jar. */
    private static Manifest ownManifest() {
        URL self = BuildVersion.class.getResource(BuildVersion.class.getSimpleName() + ".class");
        if (self == null || !"jar".equals(self.getProtocol())) return null;
        try {
            URLConnection c = self.openConnection();
            c.setUseCaches(false);
            return ((JarURLConnection) c).getManifest();
        } catch (IOException e) {
            return null;
        }
    }
}
