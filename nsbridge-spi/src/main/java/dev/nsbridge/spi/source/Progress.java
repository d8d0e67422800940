package dev.nsbridge.spi.source;

import java.util.OptionalLong;

/** How far a read has come: rows delivered so far and, where the source can tell, how many there are in all. */
public record Progress(long rowsRead, OptionalLong rowsExpected) {
}
