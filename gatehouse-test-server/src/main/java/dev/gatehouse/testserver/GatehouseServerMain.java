package dev.gatehouse.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;

/**
 * Main class of the child JVM that {@link GatehouseTestServer} starts. It runs Gatehouse and exits
 * when its standard input reaches end of file, which happens when the parent JVM closes the pipe or
 * dies, so no server outlives the tests that started it.
 */
public final class GatehouseServerMain {

    static final String APPLICATION_CLASS = "dev.gatehouse.GatehouseApplication";

    private GatehouseServerMain() {
    }

    public static void main(String[] args) throws Throwable {
        Thread watcher = new Thread(GatehouseServerMain::exitAtEndOfInput, "parent-pipe-watcher");
        watcher.setDaemon(true);
        watcher.start();

        // Loaded by name: this module has no compile-time dependency on the server's classes.
        try {
            Class.forName(APPLICATION_CLASS).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException exception) {
            throw exception.getCause();
        }
    }

    private static void exitAtEndOfInput() {
        InputStream input = System.in;
        try {
            while (input.read() != -1) {
                // The parent never writes; anything it sends is ignored.
            }
        } catch (IOException exception) {
            System.err.println("Reading standard input failed, so the parent is taken as gone: " + exception);
        }
        System.err.println("Standard input closed: the parent JVM has ended or stopped this server, exiting");
        System.exit(0);
    }
}
