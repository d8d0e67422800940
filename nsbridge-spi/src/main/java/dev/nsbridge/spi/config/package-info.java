/** Configuration declared once per component: keys with type, default, validator and documentation side by side. */
package dev.nsbridge.spi.config;
