/** The read side: a source discovers streams and reads them from a committed state. */
package dev.nsbridge.spi.source;
