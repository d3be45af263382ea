package dev.gatehouse.testserver;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Class path of the Gatehouse child JVM: gatehouse-server's compiled classes, the runtime class path
 * that gatehouse-server's build writes to {@code target/runtime-classpath.txt}, and the classes of
 * this module for {@link GatehouseServerMain}.
 */
final class ServerClassPath {

    static final String CLASSPATH_FILE = "gatehouse-server/target/runtime-classpath.txt";
    static final String CLASSES_DIRECTORY = "gatehouse-server/target/classes";

    /** Bounds the walk up from the working directory to the repository root. */
    private static final int MAX_PARENT_DEPTH = 20;

    private ServerClassPath() {
    }

    /** Returns the class path, entries joined by the platform's path separator. */
    static String resolve(Path workingDirectory) {
        Path root = findRepositoryRoot(workingDirectory);
        Path classes = root.resolve(CLASSES_DIRECTORY);
        if (!Files.isRegularFile(classes.resolve(GatehouseServerMain.APPLICATION_CLASS.replace('.', '/') + ".class"))) {
            throw new IllegalStateException(classes + " does not contain " + GatehouseServerMain.APPLICATION_CLASS
                    + ": compile gatehouse-server first, for example with ./mvnw -pl <module> -am test");
        }

        List<String> entries = new ArrayList<>();
        entries.add(classes.toString());
        entries.addAll(readClassPathFile(root.resolve(CLASSPATH_FILE)));
        entries.add(ownClasses().toString());
        return String.join(File.pathSeparator, entries);
    }

    private static Path findRepositoryRoot(Path workingDirectory) {
        @Nullable Path directory = workingDirectory.toAbsolutePath().normalize();
        for (int depth = 0; directory != null && depth <= MAX_PARENT_DEPTH; depth++) {
            if (Files.isRegularFile(directory.resolve(CLASSPATH_FILE))) {
                return directory;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException(CLASSPATH_FILE + " was not found in " + workingDirectory
                + " or its parent directories. Build gatehouse-server together with the tests, for example"
                + " ./mvnw -pl <module> -am test, which writes it.");
    }

    private static List<String> readClassPathFile(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8).strip();
            return content.isEmpty() ? List.of() : List.of(content.split(File.pathSeparator));
        } catch (IOException exception) {
            throw new UncheckedIOException("Reading " + file + " failed", exception);
        }
    }

    private static Path ownClasses() {
        try {
            return Path.of(GatehouseServerMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException exception) {
            throw new IllegalStateException("The location of " + GatehouseServerMain.class.getName()
                    + " is not a file path", exception);
        }
    }
}
