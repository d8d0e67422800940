/** Where nsbridge remembers: pipeline state, run history, the record-error queue and run locks, in one database. */
package dev.nsbridge.engine.store;
