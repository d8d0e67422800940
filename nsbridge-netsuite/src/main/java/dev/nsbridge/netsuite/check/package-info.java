/** The prerequisites check behind {@code nsbridge check}: credentials, permissions, limits and the lockout guard. */
package dev.nsbridge.netsuite.check;
