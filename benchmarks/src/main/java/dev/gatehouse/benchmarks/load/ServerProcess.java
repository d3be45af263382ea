package dev.gatehouse.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time and resident memory of the server process, read from Linux's {@code /proc}. The load
 * generator reads them instead of the server reporting them, so both servers are measured the same way.
 *
 * @param clockTicksPerSecond the kernel's {@code USER_HZ}, as {@code getconf CLK_TCK} prints it
 */
record ServerProcess(long pid, long clockTicksPerSecond) {

    /** User plus system CPU time of every thread of the process, in seconds. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name in brackets may contain spaces, so fields are counted after its closing bracket,
        // where field 3 of proc(5) (the state) comes first: utime is field 14 and stime field 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks / (double) clockTicksPerSecond;
    }

    /** Current resident set size in KiB ({@code VmRSS}). */
    long residentKib() throws IOException {
        return statusField("VmRSS:");
    }

    /** Highest resident set size since the process started, in KiB ({@code VmHWM}). */
    long peakResidentKib() throws IOException {
        return statusField("VmHWM:");
    }

    private long statusField(String name) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        for (String line : lines) {
            if (line.startsWith(name)) {
                return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
            }
        }
        throw new IOException("/proc/" + pid + "/status has no " + name);
    }
}
