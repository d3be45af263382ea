package dev.gatehouse.interop.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Runs the Node.js script {@code node/verify-access-token.mjs} against the jose library, which it
 * installs with npm into {@code target/node-interop} on first use. Every process it starts is bounded
 * in time and killed when it overruns.
 */
final class NodeJose {

    /** Pinned, so the test checks one known jose release and npm resolves nothing else. */
    static final String JOSE_VERSION = "6.2.19";

    private static final String SCRIPT = "verify-access-token.mjs";
    private static final Duration NODE_VERSION_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;

    private NodeJose(Path directory) {
        this.directory = directory;
    }

    /**
     * Checks that {@code node} runs, installs jose with npm unless the pinned version is there,
     * and copies the script next to it.
     *
     * @throws IllegalStateException when Node.js is missing or the install fails, with the reason
     */
    static NodeJose install() throws IOException, InterruptedException {
        Path directory = Path.of(System.getProperty("user.dir"), "target", "node-interop").toAbsolutePath();
        Files.createDirectories(directory);
        requireNode(directory);

        if (!isJoseInstalled(directory)) {
            Result install = run(directory, INSTALL_TIMEOUT, null,
                    "npm", "install", "--no-audit", "--no-fund", "--save-exact", "jose@" + JOSE_VERSION);
            if (install.exitCode() != 0) {
                throw new IllegalStateException("npm install jose@" + JOSE_VERSION + " failed with exit code "
                        + install.exitCode() + ":\n" + install.output());
            }
        }

        try (InputStream script = Objects.requireNonNull(NodeJose.class.getResourceAsStream("/node/" + SCRIPT),
                "test resource node/" + SCRIPT + " is missing")) {
            Files.copy(script, directory.resolve(SCRIPT), StandardCopyOption.REPLACE_EXISTING);
        }
        return new NodeJose(directory);
    }

    /** Verifies the token with jose and returns the script's JSON line and exit code. */
    Result verify(String issuer, String audience, String accessToken) throws IOException, InterruptedException {
        return run(directory, VERIFY_TIMEOUT, accessToken, "node", SCRIPT, issuer, audience);
    }

    private static boolean isJoseInstalled(Path directory) throws IOException {
        Path manifest = directory.resolve("node_modules/jose/package.json");
        return Files.isRegularFile(manifest)
                && Files.readString(manifest, StandardCharsets.UTF_8).contains("\"version\": \"" + JOSE_VERSION + "\"");
    }

    private static void requireNode(Path directory) throws IOException, InterruptedException {
        // npm walks up to the nearest package.json, so one here keeps the install inside this folder.
        Path packageJson = directory.resolve("package.json");
        if (!Files.exists(packageJson)) {
            Files.writeString(packageJson, "{\"private\": true, \"type\": \"module\"}\n", StandardCharsets.UTF_8);
        }
        Result version;
        try {
            version = run(directory, NODE_VERSION_TIMEOUT, null, "node", "--version");
        } catch (IOException notInstalled) {
            throw new IllegalStateException("Node.js is not installed or not on the PATH (" + notInstalled.getMessage()
                    + "). Install Node.js 20 or newer with npm, for example apt-get install nodejs npm, to run the jose"
                    + " interoperability test.", notInstalled);
        }
        if (version.exitCode() != 0) {
            throw new IllegalStateException("node --version failed with exit code " + version.exitCode() + ":\n"
                    + version.output());
        }
    }

    private static Result run(Path directory, Duration timeout, @Nullable String standardInput, String... command)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(directory, "process-", ".out");
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try (OutputStream input = process.getOutputStream()) {
            if (standardInput != null) {
                input.write(standardInput.getBytes(StandardCharsets.UTF_8));
            }
        }

        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(String.join(" ", command) + " timed out after " + timeout.toSeconds()
                        + " s:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    /** Exit code and combined standard output and error of a finished process. */
    record Result(int exitCode, String output) {
    }
}
