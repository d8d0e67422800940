/** {@code nsbridge demo}: a sandbox account run through nsbridge step by step, each step printing what it did. */
package dev.nsbridge.app.demo;
