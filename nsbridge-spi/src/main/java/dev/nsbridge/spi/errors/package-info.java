/** The one sealed family of nsbridge errors; each boundary maps them to exit codes or HTTP statuses in one place. */
package dev.nsbridge.spi.errors;
