/**
 * Plumbing shared by the modules' tests and the benchmarks: a throwaway PostgreSQL server and test clocks. Test
 * scope only (the benchmarks excepted); no main code depends on it.
 */
package dev.nsbridge.testsupport;
