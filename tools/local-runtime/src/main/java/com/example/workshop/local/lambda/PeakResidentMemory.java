package com.example.workshop.local.lambda;

import com.example.workshop.local.process.PortableMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Max Memory Used: the peak resident set size of an environment's JVM, which is what Lambda reports. Linux tells it
 * (VmHWM in /proc/&lt;pid&gt;/status); elsewhere, and with WORKSHOP_PORTABLE=1, nothing the JDK offers measures the
 * same thing (a JVM's memory pools leave out its native memory), so the REPORT line leaves the field out.
 */
final class PeakResidentMemory {

    private static final boolean PROC_READABLE = !PortableMode.on() && Files.isReadable(Path.of("/proc/self/status"));

    private final Path statusFile;
    private volatile long peakMb;

    private PeakResidentMemory(Path statusFile) {
        this.statusFile = statusFile;
    }

    static PeakResidentMemory of(Process process) {
        return new PeakResidentMemory(PROC_READABLE ? Path.of("/proc", Long.toString(process.pid()), "status") : null);
    }

    /**
     * The peak so far, in MB; once the process is gone, the last value read. A high-water mark only grows, so one
     * read as the invocation ends is enough.
     */
    OptionalLong megabytes() {
        if (statusFile == null) {
            return OptionalLong.empty();
        }
        try {
            String status = Files.readString(statusFile);
            int field = status.indexOf("VmHWM:");
            if (field >= 0) {
                String kilobytes = status.substring(field + "VmHWM:".length(), status.indexOf(" kB", field)).strip();
                peakMb = Math.max(peakMb, Long.parseLong(kilobytes) / 1024);
            }
        } catch (IOException e) {
            // the process has exited
        }
        return peakMb == 0 ? OptionalLong.empty() : OptionalLong.of(peakMb);
    }
}
