/** Lists, membership without consent, and subscriptions with consent. */
package dev.nsbridge.klaviyo.lists;
