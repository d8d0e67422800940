/** {@code nsbridge serve}: the scheduler, the REST API and the web UI in one process, behind a token. */
package dev.nsbridge.app.server;
