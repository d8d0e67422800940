/** Every pipeline nsbridge.yaml declares, built in one place for the commands, the demo and the server; one retry. */
package dev.nsbridge.app.pipeline;
