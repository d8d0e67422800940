/** Secret values that never print. */
package dev.nsbridge.spi.secret;
