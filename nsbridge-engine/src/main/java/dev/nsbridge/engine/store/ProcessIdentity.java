package dev.nsbridge.engine.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * Which process holds a lock: a host and a process id, so a lock left by a crashed process on this host can be
 * told apart from one held by a live process.
 */
public record ProcessIdentity(String host, long pid) {
    public ProcessIdentity {
        Objects.requireNonNull(host, "host");
    }

    public static ProcessIdentity current() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return new ProcessIdentity(host, ProcessHandle.current().pid());
    }

    /** Whether a process of this host is alive. */
    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
