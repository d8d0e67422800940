/** What a source offers: named, typed streams of records with a primary key and, where it has one, a cursor. */
package dev.nsbridge.spi.stream;
