/** The write side: a destination accepts batches and commits the state that covers them. */
package dev.nsbridge.spi.destination;
