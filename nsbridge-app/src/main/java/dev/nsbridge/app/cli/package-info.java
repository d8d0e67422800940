/** The nsbridge command line: one picocli command class per verb. */
package dev.nsbridge.app.cli;
