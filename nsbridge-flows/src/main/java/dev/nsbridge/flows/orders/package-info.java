/** Sales orders and what follows them (fulfillments, cancellations, refunds) as Klaviyo e-commerce events. */
package dev.nsbridge.flows.orders;
