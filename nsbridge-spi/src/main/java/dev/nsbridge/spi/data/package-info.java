/** Records and the batches they travel in from a source to a destination. */
package dev.nsbridge.spi.data;
