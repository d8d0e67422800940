/** What every warehouse destination shares: table names, load methods, schema evolution and the state table. */
package dev.nsbridge.warehouse;
