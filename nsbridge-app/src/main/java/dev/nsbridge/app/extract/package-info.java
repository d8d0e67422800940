/** Extract pipelines built from nsbridge.yaml: which extracts run, how, and what they left in the warehouse. */
package dev.nsbridge.app.extract;
